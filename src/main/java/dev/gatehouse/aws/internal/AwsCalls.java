package dev.gatehouse.aws.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;

/**
 * Runs AWS calls the way AWS expects: each one paced, retried on throttling, conflicts, server errors and
 * network faults with exponential backoff and full jitter, and counted per operation and outcome
 * ({@code gatehouse.aws.calls}); list operations paged to the end; asynchronous writes polled until their
 * status is final. The SDK's own retries are off, so every attempt is seen here.
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
        return call(service, operation, request, e -> false);
    }

    /**
     * As {@link #call(AwsService, String, Supplier)}, but an error {@code isFinal} accepts is not retried: AWS
     * answers ConflictException both for a concurrent write (retrying helps) and for a name already taken or a
     * policy already attached (it never will).
     */
    public <T> T call(AwsService service, String operation, Supplier<T> request,
                      Predicate<AwsServiceException> isFinal) {
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
                if (!retryable(e) || attempt >= maxAttempts
                        || (e instanceof AwsServiceException refused && isFinal.test(refused))) {
                    throw new AwsCallFailed(operation + " failed after " + attempt + " attempt(s): "
                            + e.getMessage(), e);
                }
                sleep(backoff(attempt, e), operation);
            }
        }
    }

    /** Requests pages until NextToken is null; Organizations may send empty pages with a token. */
    public <R, T> void pages(AwsService service, String operation, Function<String, R> request,
                             Function<R, List<T>> items, Function<R, String> nextToken, Consumer<T> consumer) {
        String token = null;
        do {
            String current = token;
            R response = call(service, operation, () -> request.apply(current));
            items.apply(response).forEach(consumer);
            token = nextToken.apply(response);
        } while (token != null && !token.isEmpty());
    }

    /**
     * Asks until the status is final or time is up: first after 250 ms (a write is rarely done sooner, and
     * every early ask spends a call of the shared rate), then at doubling intervals up to 2 s.
     */
    public static WriteOutcome poll(String requestId, Duration timeout, Supplier<WriteOutcome> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 250;
        while (true) {
            try {
                Thread.sleep(Math.min(wait, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WriteOutcome(WriteStatus.TIMED_OUT, requestId, "");
            }
            WriteOutcome outcome = describe.get();
            if (outcome.status() != WriteStatus.TIMED_OUT) {
                return outcome;
            }
            if (System.nanoTime() >= deadline) {
                return new WriteOutcome(WriteStatus.TIMED_OUT, requestId, "");
            }
            wait = Math.min(2000, wait * 2);
        }
    }

    /** An SSO Admin status as an outcome; IN_PROGRESS reads as TIMED_OUT until the wait is over. */
    public static WriteOutcome status(String requestId, String status, String failureReason) {
        WriteStatus outcome = switch (status) {
            case "SUCCEEDED" -> WriteStatus.SUCCEEDED;
            case "FAILED" -> WriteStatus.FAILED;
            default -> WriteStatus.TIMED_OUT;
        };
        return new WriteOutcome(outcome, requestId, failureReason == null ? "" : failureReason);
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
