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
import com.microsoft.playwright.Page;
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

    /**
     * Finds the row of a lazy Vaadin grid whose cells show every one of the texts, scrolling the grid until
     * it is rendered, and returns the slot name of its first cell (the selection column's checkbox in a
     * multi-select grid), or null. Rows the grid keeps hidden for reuse do not count.
     */
    private static final String FIND_ROW = """
            async ([selector, needles]) => {
              const grid = document.querySelector(selector);
              const settle = async () => {
                await new Promise(r => setTimeout(r, 100));
                for (let i = 0; i < 100 && grid.hasAttribute('loading'); i++) {
                  await new Promise(r => setTimeout(r, 50));
                }
              };
              const find = () => {
                for (const row of grid.shadowRoot.querySelectorAll('tbody tr')) {
                  if (row.hidden) continue;
                  const slots = [...row.querySelectorAll('slot')].map(s => s.name);
                  const text = slots.map(n => grid.querySelector(`vaadin-grid-cell-content[slot="${n}"]`))
                      .map(c => c ? c.textContent : '').join(' | ');
                  if (needles.every(n => text.includes(n))) return slots[0];
                }
                return null;
              };
              await settle();
              for (let index = 0; index < grid.size; index += 10) {
                const found = find();
                if (found) return found;
                grid.scrollToIndex(index);
                await settle();
              }
              return find();
            }""";

    /** Ticks the row showing all the texts in a multi-select grid; fails when there is none. */
    public static void selectRow(Page page, String grid, String... texts) {
        page.locator(grid).waitFor();
        Object slot = page.evaluate(FIND_ROW, List.of(grid, List.of(texts)));
        if (slot == null) {
            throw new AssertionError("No row of " + grid + " shows " + String.join(", ", texts));
        }
        page.locator(grid + " vaadin-grid-cell-content[slot=\"" + slot + "\"] vaadin-checkbox").click();
    }

    /** Whether a row of the grid shows all the texts. */
    public static boolean hasRow(Page page, String grid, String... texts) {
        page.locator(grid).waitFor();
        return page.evaluate(FIND_ROW, List.of(grid, List.of(texts))) != null;
    }

    private static Demo demo;

    /**
     * Gatehouse in demo mode on 127.0.0.1, syncing at start and adding the demo rules: started once for every
     * browser test in the run (failsafe runs them in one JVM, classes in alphabetical order) and closed when
     * the JVM ends. The tests share its state, so each one works on accounts, requests and campaigns no other
     * touches.
     */
    public static synchronized Demo demo() {
        if (demo == null) {
            int port = freePort();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class).run(
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--gatehouse.directory.sync-on-startup=true",
                    "--gatehouse.access.demo-rules=true");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "gatehouse-demo-stop"));
            demo = new Demo(context, port);
        }
        return demo;
    }

    /** The shared demo: its beans for what a test checks behind the pages, and its addresses. */
    public record Demo(ConfigurableApplicationContext context, int port) {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        /** The same server by name, for WebAuthn, which refuses IP addresses. */
        public String localhostUrl() {
            return "http://localhost:" + port;
        }
    }
}
