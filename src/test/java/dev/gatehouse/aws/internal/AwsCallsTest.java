package dev.gatehouse.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import dev.gatehouse.aws.AwsCallFailed;

class AwsCallsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AwsCalls calls = new AwsCalls(new Pacer(0), meters, 3, Duration.ofMillis(1), Duration.ofMillis(5));

    @Test
    void throttling_is_retried_until_the_call_succeeds_and_each_attempt_is_counted() {
        AtomicInteger attempts = new AtomicInteger();

        String result = calls.call(AwsService.SSO_ADMIN, "ListInstances", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw error(400, "ThrottlingException");
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(meters.get("gatehouse.aws.calls").tag("outcome", "ThrottlingException").counter().count())
                .isEqualTo(2);
        assertThat(meters.get("gatehouse.aws.calls").tag("outcome", "success").counter().count()).isEqualTo(1);
    }

    @Test
    void a_validation_error_is_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> calls.call(AwsService.SSO_ADMIN, "DescribePermissionSet", () -> {
            attempts.incrementAndGet();
            throw error(400, "ValidationException");
        })).isInstanceOf(AwsCallFailed.class).hasMessageStartingWith("DescribePermissionSet failed after 1 attempt(s)");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_server_error_without_an_aws_error_code_is_retried_and_counted_by_status() {
        assertThatThrownBy(() -> calls.call(AwsService.ORGANIZATIONS, "ListRoots", () -> {
            throw error(503, null);
        })).isInstanceOf(AwsCallFailed.class).hasMessageStartingWith("ListRoots failed after 3 attempt(s)");
        assertThat(meters.get("gatehouse.aws.calls").tag("outcome", "HTTP 503").counter().count()).isEqualTo(3);
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).message(code).build();
    }
}
