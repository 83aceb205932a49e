package dev.gatehouse.aws.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

import dev.gatehouse.aws.AwsCallFailed;

/**
 * Runs one AWS call the way AWS expects: paced, retried on throttling, conflicts, server errors and
 * network faults with exponential backoff and full jitter, and counted per operation and outcome
 * ({@code gatehouse.aws.calls}). The SDK's own retries are off, so every attempt is seen here.
 */
public final class AwsCalls {

    private static final Logger log = LoggerFactory.getLogger(AwsCalls.class);
    private static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "TooManyRequestsException",
            "ConflictException", "ConcurrentModificationException", "InternalServerException", "ServiceException",
            "ServiceUnavailableException");

    private final Pacer pacer;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    public AwsCalls(Pacer pacer, MeterRegistry meters, int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this.pacer = pacer;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    public <T> T call(AwsService service, String operation, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                pacer.await(service, operation);
                T result = request.get();
                count(service, operation, "success");
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsCallFailed(operation + " was interrupted", e);
            } catch (SdkException e) {
                String outcome = outcome(e);
                count(service, operation, outcome);
                if (!retryable(e) || attempt >= maxAttempts) {
                    throw new AwsCallFailed(operation + " failed after " + attempt + " attempt(s): "
                            + e.getMessage(), e);
                }
                sleep(backoff(attempt, e), operation);
            }
        }
    }

    private Duration backoff(int attempt, SdkException e) {
        if (e instanceof ThrottlingException throttling && throttling.retryAfterSeconds() != null) {
            Duration hint = Duration.ofSeconds(throttling.retryAfterSeconds());
            return hint.compareTo(maxDelay) < 0 ? hint : maxDelay;
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static void sleep(Duration delay, String operation) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailed(operation + " was interrupted", e);
        }
    }

    static boolean retryable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500
                    || (service.awsErrorDetails() != null
                    && RETRYABLE_CODES.contains(service.awsErrorDetails().errorCode()));
        }
        return false;
    }

    /** The AWS error code, or the HTTP status when the answer had none (a proxy's 503, an emulator's 500). */
    static String outcome(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return code != null ? code : "HTTP " + service.statusCode();
        }
        return "ClientError";
    }

    private void count(AwsService service, String operation, String outcome) {
        Counter.builder("gatehouse.aws.calls").tag("service", service.name()).tag("operation", operation)
                .tag("outcome", outcome).register(meters).increment();
        if (!"success".equals(outcome)) {
            log.debug("{} {} -> {}", service, operation, outcome);
        }
    }
}
