package dev.gatehouse.security;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.MfaRepository.StoredTotp;
import dev.gatehouse.security.internal.Totp;
import dev.gatehouse.shared.SecretCipher;
import dev.gatehouse.shared.SecretSealing;

@SpringBootTest
class TotpSecretsAtRestTest {

    private final GatehouseUser casey = TestUsers.someoneNew("casey");
    private final GatehouseUser drew = TestUsers.someoneNew("drew");

    @Autowired
    private TestMfa mfa;
    @Autowired
    private MfaRepository repository;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private SecretSealing sealing;
    @Autowired
    private StepUp stepUp;

    @AfterEach
    void noFactors() {
        mfa.clear(casey);
        mfa.clear(drew);
    }

    @Test
    void an_enrolled_authenticator_secret_is_stored_encrypted_under_the_current_key() {
        String secret = mfa.enrolTotp(casey);

        String stored = only(casey).storedSecret();
        assertThat(stored).doesNotContain(secret);
        assertThat(SecretCipher.keyIdOf(stored)).hasValue(cipher.currentKeyId());
    }

    @Test
    void the_start_up_step_encrypts_a_plaintext_secret_once_and_its_codes_still_verify() {
        String secret = Totp.newSecret();
        repository.insertTotp(casey.subject(), casey.directoryUserName(), "Phone", secret, 0, Instant.now());

        assertThat(sealing.sealPlaintext()).isEqualTo(1);

        String stored = only(casey).storedSecret();
        assertThat(SecretCipher.isSealed(stored)).isTrue();
        assertThat(stored).doesNotContain(secret);
        assertThat(sealing.sealPlaintext()).as("a second node's start-up").isZero();
        assertThat(only(casey).storedSecret()).isEqualTo(stored);
        as(casey, () -> {
            stepUp.verifyCode(TestMfa.code(secret, Instant.now()));
            return null;
        });
        assertThat(as(casey, stepUp::fresh)).isTrue();
    }

    @Test
    void a_secret_that_does_not_open_tells_the_person_to_contact_an_admin_and_counts_no_failure() {
        String secret = mfa.enrolTotp(casey);
        // Casey's encrypted secret, copied into Drew's factor: bound to Casey, it does not open for Drew.
        repository.insertTotp(drew.subject(), drew.directoryUserName(), "Phone", only(casey).storedSecret(), 0,
                Instant.now());

        assertThatThrownBy(() -> as(drew, () -> {
            stepUp.verifyCode(TestMfa.nextCode(secret));
            return null;
        })).isInstanceOf(MfaProblem.class)
                .hasMessage("Gatehouse cannot check your authenticator app at the moment: its stored secret cannot "
                        + "be read. Use a recovery code or a security key, or contact an admin.");
        assertThat(as(drew, stepUp::fresh)).isFalse();
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> as(drew, () -> {
                stepUp.verifyCode("000000");
                return null;
            })).hasMessageStartingWith("Gatehouse cannot check your authenticator app");
        }
        assertThat(as(drew, stepUp::options).lockedUntil()).as("not Drew's mistake: no lockout").isEmpty();
    }

    private StoredTotp only(GatehouseUser user) {
        return repository.totps(user.subject()).stream().reduce((a, b) -> {
            throw new AssertionError("more than one authenticator app");
        }).orElseThrow();
    }
}
