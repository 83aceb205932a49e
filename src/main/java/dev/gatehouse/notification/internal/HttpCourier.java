package dev.gatehouse.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts a delivery's JSON payload: to a Slack-compatible incoming webhook, or to a generic webhook with
 * headers that identify and sign it. The signature is HMAC-SHA256 over "timestamp.body" with the shared
 * secret, hex-encoded as {@code X-Gatehouse-Signature: sha256=...}, so a receiver can check both origin
 * and freshness; {@code X-Gatehouse-Delivery} lets it drop a message it has seen.
 */
final class HttpCourier implements Courier {

    static final String SIGNATURE = "X-Gatehouse-Signature";
    static final String TIMESTAMP = "X-Gatehouse-Timestamp";
    static final String DELIVERY = "X-Gatehouse-Delivery";
    static final String EVENT = "X-Gatehouse-Event";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI url;
    private final String secret;
    private final Clock clock;

    /** @param secret empty for Slack, which checks nothing but the URL */
    HttpCourier(HttpClient http, URI url, String secret, Clock clock) {
        this.http = http;
        this.url = url;
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public void send(DeliveryRepository.Outgoing delivery) throws DeliveryFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DELIVERY, String.valueOf(delivery.id()))
                .header(EVENT, delivery.kind().event())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8));
        if (!secret.isEmpty()) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + delivery.payload()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed(url.getHost() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("Interrupted while posting to " + url.getHost(), e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new DeliveryFailed(url.getHost() + " answered HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)),
                    null);
        }
    }

    /** Hex HMAC-SHA256 of the text with the secret, as receivers recompute it. */
    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
