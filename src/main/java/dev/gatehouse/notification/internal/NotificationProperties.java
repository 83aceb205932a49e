package dev.gatehouse.notification.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * gatehouse.notifications.*: where messages go. A channel without its address is off.
 *
 * @param baseUrl      Gatehouse's address as people open it, for links in messages
 * @param maxAttempts  tries per message before it is marked failed for an admin to look at
 * @param firstRetry   the wait after the first failure; it doubles with each further one
 */
@ConfigurationProperties("gatehouse.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl, Email email, Slack slack,
                              Webhook webhook, @DefaultValue("8") int maxAttempts,
                              @DefaultValue("30s") Duration firstRetry) {

    NotificationProperties {
        email = email == null ? new Email("", 587, "", "", true, "", List.of()) : email;
        slack = slack == null ? new Slack("") : slack;
        webhook = webhook == null ? new Webhook("", "") : webhook;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param host    the SMTP server; empty turns email off
     * @param admins  addresses told about break-glass access and failed grants
     */
    record Email(@DefaultValue("") String host, @DefaultValue("587") int port, @DefaultValue("") String username,
                 @DefaultValue("") String password, @DefaultValue("true") boolean startTls,
                 @DefaultValue("gatehouse@localhost") String from, @DefaultValue List<String> admins) {

        boolean enabled() {
            return !host.isBlank();
        }
    }

    /** @param webhookUrl a Slack (or compatible) incoming webhook; empty turns it off */
    record Slack(@DefaultValue("") String webhookUrl) {

        boolean enabled() {
            return !webhookUrl.isBlank();
        }
    }

    /** @param secret signs each payload with HMAC-SHA256 so the receiver can check it came from Gatehouse */
    record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret) {

        boolean enabled() {
            return !url.isBlank();
        }
    }
}
