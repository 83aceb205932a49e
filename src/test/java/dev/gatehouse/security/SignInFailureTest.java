package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.saml2.core.Saml2ErrorCodes;

class SignInFailureTest {

    @Test
    void each_failure_round_trips_through_its_code() {
        for (SignInFailure failure : SignInFailure.values()) {
            assertThat(SignInFailure.fromCode(failure.code())).isEqualTo(failure);
        }
    }

    @Test
    void an_unknown_code_is_a_generic_failure() {
        assertThat(SignInFailure.fromCode("<script>")).isEqualTo(SignInFailure.INVALID_RESPONSE);
    }

    @Test
    void opensaml_time_window_messages_mean_expired() {
        assertThat(SignInFailure.fromSaml(Saml2ErrorCodes.INVALID_ASSERTION,
                "Invalid assertion [_a]: Assertion '_a' with NotOnOrAfter condition of 2026-11-20T10:00Z is no longer valid."))
                .isEqualTo(SignInFailure.EXPIRED);
    }

    @Test
    void an_audience_message_means_wrong_audience() {
        assertThat(SignInFailure.fromSaml(Saml2ErrorCodes.INVALID_ASSERTION,
                "None of the audiences within Assertion '_a' matched the list of valid audiances"))
                .isEqualTo(SignInFailure.WRONG_AUDIENCE);
    }
}
