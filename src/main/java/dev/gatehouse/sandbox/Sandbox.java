package dev.gatehouse.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A running sandbox Identity Center on 127.0.0.1: one endpoint serves Organizations, Identity Store
 * and SSO Admin, told apart by X-Amz-Target as AWS does. Counts calls per operation.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxOrganization organization;
    private final SandboxHandler handler;
    private final HttpServer server;
    private final ExecutorService executor;

    private Sandbox(SandboxOrganization organization, SandboxHandler handler, HttpServer server,
                    ExecutorService executor) {
        this.organization = organization;
        this.handler = handler;
        this.server = server;
        this.executor = executor;
    }

    public static Sandbox start(SandboxOrganization organization, SandboxSettings settings) {
        // Without TCP_NODELAY, small responses wait ~40 ms on Nagle and delayed ACKs; read once per JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            SandboxHandler handler = new SandboxHandler(organization, settings);
            server.createContext("/", handler);
            ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "sandbox-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new Sandbox(organization, handler, server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox could not open a port on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SandboxOrganization organization() {
        return organization;
    }

    /** Changes faults and limits while running, for tests that break things midway. */
    public void settings(SandboxSettings settings) {
        handler.settings(settings);
    }

    /** Refuses the operation (its name, "DeleteGroupMembership") as AWS does for a role not allowed it, until allowed again. */
    public void deny(String operation) {
        handler.deny(operation, true);
    }

    public void allow(String operation) {
        handler.deny(operation, false);
    }

    /** Calls per operation name since start, including throttled and failed ones. */
    public Map<String, Long> calls() {
        Map<String, Long> counts = new TreeMap<>();
        handler.calls().forEach((operation, adder) -> counts.put(operation, adder.sum()));
        return counts;
    }

    /** An accepted account assignment write: when it arrived and when it finishes. */
    public record Write(boolean create, SandboxOrganization.Assignment assignment, Instant received,
                        Instant finished) {
    }

    /** Every account assignment write accepted since start (throttled and conflicting ones are not). */
    public List<Write> writes() {
        return handler.writes().accepted();
    }

    public void resetCalls() {
        handler.calls().clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
