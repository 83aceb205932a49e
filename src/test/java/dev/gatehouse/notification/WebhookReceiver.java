package dev.gatehouse.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP endpoint on 127.0.0.1 that records what is posted to it. Requests whose body contains a
 * marker can be answered with HTTP 500 a number of times, as a receiver that is down would; other tests'
 * messages pass meanwhile.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with whether it was accepted. */
    public record Received(String path, Map<String, List<String>> headers, String body, boolean accepted) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private record Failure(String path, String marker, AtomicInteger left) {
    }

    private final List<Failure> failures = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                boolean accept = failures.stream().filter(f -> f.path().equals(path) && body.contains(f.marker()))
                        .noneMatch(f -> f.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0);
                received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()),
                        body, accept));
                byte[] answer = (accept ? "ok" : "receiver is down").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(accept ? 200 : 500, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next {@code count} requests to the path whose body contains the marker with HTTP 500. */
    public void failNext(String path, String marker, int count) {
        failures.add(new Failure(path, marker, new AtomicInteger(count)));
    }

    /** Accepted requests to the path. */
    public List<Received> accepted(String path) {
        return received.stream().filter(r -> r.accepted() && r.path().equals(path)).toList();
    }

    public List<Received> all(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
