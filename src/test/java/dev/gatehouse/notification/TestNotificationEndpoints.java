package dev.gatehouse.notification;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) and a webhook receiver on 127.0.0.1, started once per test JVM and
 * configured as every test context's notification channels. One set for all contexts, because every
 * context's scheduler may pick up any delivery task in the shared database.
 */
public class TestNotificationEndpoints implements EnvironmentPostProcessor {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String ADMIN_ADDRESS = "security-team@example.test";
    public static final String SLACK_PATH = "/slack";
    public static final String WEBHOOK_PATH = "/hook";

    private static GreenMail smtp;
    private static WebhookReceiver receiver;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        start();
        environment.getPropertySources().addFirst(new MapPropertySource("test-notification-endpoints", Map.of(
                "gatehouse.notifications.email.host", "127.0.0.1",
                "gatehouse.notifications.email.port", smtp.getSmtp().getPort(),
                "gatehouse.notifications.email.start-tls", false,
                "gatehouse.notifications.email.from", "gatehouse@example.test",
                "gatehouse.notifications.email.admins", ADMIN_ADDRESS,
                "gatehouse.notifications.slack.webhook-url", receiver.url(SLACK_PATH),
                "gatehouse.notifications.webhook.url", receiver.url(WEBHOOK_PATH),
                "gatehouse.notifications.webhook.secret", WEBHOOK_SECRET)));
    }

    private static synchronized void start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            receiver = new WebhookReceiver();
        }
    }

    public static GreenMail smtp() {
        start();
        return smtp;
    }

    public static WebhookReceiver receiver() {
        start();
        return receiver;
    }
}
