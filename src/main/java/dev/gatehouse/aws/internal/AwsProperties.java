package dev.gatehouse.aws.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Identity Center connection in production, {@code gatehouse.identity-center.*}; credentials come
 * from the AWS default chain (environment, profile, instance or task role).
 *
 * @param instanceArn empty for the account's only instance
 * @param endpoint    empty for AWS; set for an emulator
 */
@ConfigurationProperties("gatehouse.identity-center")
record AwsProperties(@DefaultValue("") String instanceArn,
                     @DefaultValue("us-east-1") String region,
                     URI endpoint,
                     @DefaultValue("0.9") double paceFactor,
                     @DefaultValue("8") int maxAttempts,
                     @DefaultValue("200ms") Duration baseDelay,
                     @DefaultValue("10s") Duration maxDelay) {
}
