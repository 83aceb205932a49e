package dev.gatehouse.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how to reach Identity Center.
 *
 * @param region         the instance's region
 * @param endpoint       one endpoint for all three services (the sandbox, moto); empty for AWS itself
 * @param instanceArn    the Identity Center instance; empty means the account's only instance
 * @param staticKeys     use fixed dummy credentials (emulators); false means the default credential chain
 * @param paceFactor     share of AWS's documented request rates Gatehouse uses; 0 turns pacing off
 * @param maxAttempts    attempts per call before it fails
 * @param baseDelay      first retry delay; it doubles per attempt, with full jitter, up to maxDelay
 */
public record AwsConnection(String region, Optional<URI> endpoint, Optional<String> instanceArn, boolean staticKeys,
                            double paceFactor, int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** An emulator at the endpoint, paced and retried like AWS. */
    public static AwsConnection emulator(URI endpoint) {
        return new AwsConnection("us-east-1", Optional.of(endpoint), Optional.empty(), true, 0.9, 10,
                Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public AwsConnection withPaceFactor(double factor) {
        return new AwsConnection(region, endpoint, instanceArn, staticKeys, factor, maxAttempts, baseDelay, maxDelay);
    }
}
