package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String PURPOSE = "mfa_factor.totp_secret:riley.chen";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final byte[] oldKey = randomKey();
    private final byte[] newKey = randomKey();
    private final SecretCipher underOld = cipher(oldKey);
    private final SecretCipher afterRotation = cipher(newKey, oldKey);

    @Test
    void a_sealed_secret_opens_to_what_was_sealed_and_shows_nothing_of_it() {
        String sealed = underOld.seal(SECRET, PURPOSE);

        assertThat(sealed).startsWith("v1:" + SecretKeys.idOf(oldKey) + ":").doesNotContain(SECRET);
        assertThat(underOld.open(sealed, PURPOSE)).isEqualTo(SECRET);
    }

    @Test
    void each_value_gets_a_nonce_of_its_own() {
        assertThat(underOld.seal(SECRET, PURPOSE)).isNotEqualTo(underOld.seal(SECRET, PURPOSE));
    }

    @Test
    void an_altered_value_is_refused() {
        String sealed = underOld.seal(SECRET, PURPOSE);
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] data = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        data[data.length - 20] ^= 1;

        assertThatThrownBy(() -> underOld.open(prefix + Base64.getEncoder().encodeToString(data), PURPOSE))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("does not decrypt with key " + SecretKeys.idOf(oldKey))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void a_value_copied_to_another_row_does_not_open() {
        String sealed = underOld.seal(SECRET, PURPOSE);

        assertThatThrownBy(() -> underOld.open(sealed, "mfa_factor.totp_secret:avery.patel"))
                .isInstanceOf(SecretUnreadable.class).hasMessageContaining("copied from another row");
    }

    @Test
    void a_value_under_a_key_that_is_not_configured_is_refused_naming_that_key() {
        String sealed = underOld.seal(SECRET, PURPOSE);

        assertThatThrownBy(() -> cipher(newKey).open(sealed, PURPOSE))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("encrypted with key " + SecretKeys.idOf(oldKey) + ", which is not among the "
                        + "configured keys")
                .hasMessageContaining("GATEHOUSE_SECRETS_KEY");
    }

    @Test
    void a_wrong_key_presented_under_the_right_id_is_refused() {
        String sealed = underOld.seal(SECRET, PURPOSE);
        String forged = sealed.replace(SecretKeys.idOf(oldKey), SecretKeys.idOf(newKey));

        assertThatThrownBy(() -> afterRotation.open(forged, PURPOSE))
                .isInstanceOf(SecretUnreadable.class).hasMessageContaining("does not decrypt");
    }

    @Test
    void after_a_rotation_old_values_still_open_and_sealing_again_moves_them_to_the_current_key() {
        String sealed = underOld.seal(SECRET, PURPOSE);

        assertThat(afterRotation.open(sealed, PURPOSE)).isEqualTo(SECRET);
        String again = afterRotation.sealAgain(sealed, PURPOSE);
        assertThat(SecretCipher.keyIdOf(again)).hasValue(SecretKeys.idOf(newKey));
        assertThat(cipher(newKey).open(again, PURPOSE)).isEqualTo(SECRET);
    }

    @Test
    void plaintext_is_told_apart_from_an_encrypted_value_and_is_never_opened() {
        String sealed = underOld.seal(SECRET, PURPOSE);

        assertThat(SecretCipher.isSealed(sealed)).isTrue();
        assertThat(SecretCipher.isSealed(SECRET)).isFalse();
        assertThat(SecretCipher.isSealed("v1:abc")).isFalse();
        assertThat(SecretCipher.keyIdOf(SECRET)).isEmpty();
        assertThatThrownBy(() -> underOld.open(SECRET, PURPOSE))
                .isInstanceOf(SecretUnreadable.class).hasMessageContaining("it is not encrypted");
        assertThat(SecretCipher.keyIdOf(underOld.sealAgain(SECRET, PURPOSE))).hasValue(SecretKeys.idOf(oldKey));
    }

    static SecretCipher cipher(byte[]... keys) {
        return new SecretCipher(SecretKeys.of(List.of(keys), "the test's keys"));
    }

    static byte[] randomKey() {
        byte[] key = new byte[SecretKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
