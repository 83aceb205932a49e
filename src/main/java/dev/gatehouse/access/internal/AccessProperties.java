package dev.gatehouse.access.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings, {@code gatehouse.access.*} in application.yml or as GATEHOUSE_ACCESS_* variables.
 *
 * @param portalUrl                the AWS access portal (https://d-xxxxxxxxxx.awsapps.com/start), without a
 *                                 trailing slash; empty hides the "Open in AWS" link
 * @param timeoutCheckInterval     how often pending requests past their timeout are expired
 * @param endingSoonCheckInterval  how often holders whose access ends soon are looked for
 */
@ConfigurationProperties("gatehouse.access")
public record AccessProperties(@DefaultValue("") String portalUrl,
                               @DefaultValue("1m") Duration timeoutCheckInterval,
                               @DefaultValue("1m") Duration endingSoonCheckInterval) {

    public AccessProperties {
        portalUrl = portalUrl.strip().replaceAll("/+$", "");
    }
}
