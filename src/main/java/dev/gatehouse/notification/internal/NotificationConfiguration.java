package dev.gatehouse.notification.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.gatehouse.notification.Channel;
import dev.gatehouse.shared.BackgroundRetry;
import dev.gatehouse.shared.StartupProblem;

/**
 * The configured channels and the task that sends each delivery (instance id = delivery id), tried again
 * from first-retry on, doubling, until the dispatcher records the last attempt as failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    static final String DELIVERY_TASK = "notification-delivery";

    @Bean
    OneTimeTask<Void> notificationDelivery(Dispatcher dispatcher, NotificationProperties settings) {
        return Tasks.oneTime(DELIVERY_TASK)
                .onFailure(BackgroundRetry.startingAt(settings.firstRetry()))
                .execute((instance, context) -> dispatcher.deliver(Long.parseLong(instance.getId())));
    }

    @Bean
    Map<Channel, Courier> couriers(NotificationProperties settings, Clock clock) {
        Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);
        if (settings.email().enabled()) {
            couriers.put(Channel.EMAIL, new EmailCourier(mailSender(settings.email()), settings.email().from()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        if (settings.slack().enabled()) {
            couriers.put(Channel.SLACK, new HttpCourier(http, address(settings.slack().webhookUrl(),
                    "GATEHOUSE_NOTIFICATIONS_SLACK_WEBHOOK_URL"), "", clock));
        }
        if (settings.webhook().enabled()) {
            couriers.put(Channel.WEBHOOK, new HttpCourier(http, address(settings.webhook().url(),
                    "GATEHOUSE_NOTIFICATIONS_WEBHOOK_URL"), settings.webhook().secret(), clock));
        }
        return couriers;
    }

    private static URI address(String url, String setting) {
        try {
            URI uri = new URI(url.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new StartupProblem(setting + " is not an http(s) address: " + url,
                "Set it to the full address the messages are posted to, such as https://hooks.slack.com/services/...");
    }

    private static JavaMailSenderImpl mailSender(NotificationProperties.Email email) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(email.host());
        sender.setPort(email.port());
        if (!email.username().isEmpty()) {
            sender.setUsername(email.username());
            sender.setPassword(email.password());
        }
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(!email.username().isEmpty()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(email.startTls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
