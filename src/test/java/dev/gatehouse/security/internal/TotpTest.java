package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 seed, "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codes_are_the_last_six_digits_of_the_rfc_6238_test_vectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void a_code_of_the_neighbouring_step_is_accepted_but_not_one_two_steps_away() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "005 924", now)).hasValue(step);
    }

    @Test
    void the_enrolment_uri_names_the_issuer_and_person_as_authenticator_apps_expect() {
        assertThat(Totp.uri("Gatehouse", "riley.chen", "ABC"))
                .isEqualTo("otpauth://totp/Gatehouse:riley.chen?secret=ABC&issuer=Gatehouse&algorithm=SHA1&digits=6"
                        + "&period=30");
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void the_enrolment_qr_code_is_an_svg_image() {
        assertThat(QrCodes.svg(Totp.uri("Gatehouse", "riley.chen", Totp.newSecret())))
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path").endsWith("</svg>");
    }
}
