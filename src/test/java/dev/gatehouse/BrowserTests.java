package dev.gatehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** What the browser tests share: Debian's Chromium (never a downloaded one), and Gatehouse in demo mode. */
public final class BrowserTests {

    private BrowserTests() {
    }

    /** Playwright driving /usr/bin/chromium; close the Playwright to close the browser too. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    /** A free port on the loopback address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gatehouse in demo mode on 127.0.0.1, syncing at start and adding the demo rules. */
    public static ConfigurableApplicationContext demo(int port) {
        return new SpringApplicationBuilder(GatehouseApplication.class).run(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--gatehouse.directory.sync-on-startup=true",
                "--gatehouse.access.demo-rules=true");
    }
}
