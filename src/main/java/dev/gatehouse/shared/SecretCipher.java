package dev.gatehouse.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets modules keep in the database (TOTP secrets; webhook or chat secrets once they are
 * stored there) with AES-256-GCM. Each value gets a random 96-bit nonce and is stored as
 * {@code v1:<key id>:<base64 of nonce, ciphertext and tag>}, so keys can be rotated: a value opens with
 * the key it names, the current one or a previous one. The purpose (table, column and row, e.g.
 * {@code mfa_factor.totp_secret:riley.chen}) is associated data, so a value copied to another row or
 * column does not open. Keys come from {@code GATEHOUSE_SECRETS_KEY} or {@code GATEHOUSE_SECRETS_KEY_FILE}.
 */
@Component
public class SecretCipher {

    private static final String VERSION = "v1";
    // The shortest value is a nonce and a tag (28 bytes): 40 base64 characters.
    private static final Pattern SEALED = Pattern.compile("v1:([0-9a-f]{8}):([A-Za-z0-9+/]{38,}={0,2})");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeys keys;

    @Autowired
    SecretCipher(Environment env) {
        this(SecretKeys.from(env));
    }

    SecretCipher(SecretKeys keys) {
        this.keys = keys;
    }

    /** Encrypts a secret under the current key, bound to its purpose. */
    public String seal(String plaintext, String purpose) {
        SecretKeys.Key key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.id(), purpose));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Decrypts a value {@link #seal} made for the same purpose.
     *
     * @throws SecretUnreadable when it is not sealed, names a key that is not configured, or does not
     *                          open (altered, copied from another row, or sealed with another key)
     */
    public String open(String stored, String purpose) {
        Matcher sealed = stored == null ? null : SEALED.matcher(stored);
        if (sealed == null || !sealed.matches()) {
            throw new SecretUnreadable("it is not encrypted (v1:<key id>:<data>); Gatehouse encrypts plaintext "
                    + "secrets when it starts, so it was written since by something else.");
        }
        String keyId = sealed.group(1);
        SecretKeys.Key key = keys.find(keyId).orElseThrow(() -> new SecretUnreadable("it was encrypted with key "
                + keyId + ", which is not among the configured keys (current " + keys.current().id() + "). Add that "
                + "key back to GATEHOUSE_SECRETS_KEY or GATEHOUSE_SECRETS_KEY_FILE as a previous key."));
        try {
            byte[] data = Base64.getDecoder().decode(sealed.group(2));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, purpose));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretUnreadable("it does not decrypt with key " + keyId + ": the stored value was altered or "
                    + "copied from another row.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Whether a stored value is in the encrypted form, as opposed to a plaintext secret. */
    public static boolean isSealed(String stored) {
        return stored != null && SEALED.matcher(stored).matches();
    }

    /** The id of the key a stored value names; empty for plaintext. */
    public static Optional<String> keyIdOf(String stored) {
        Matcher sealed = stored == null ? null : SEALED.matcher(stored);
        return sealed != null && sealed.matches() ? Optional.of(sealed.group(1)) : Optional.empty();
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return keys.current().id();
    }

    /**
     * The value sealed under the current key: a plaintext secret is encrypted, an encrypted one is
     * decrypted with the key it names and encrypted again.
     *
     * @throws SecretUnreadable when an encrypted value does not open
     */
    public String sealAgain(String stored, String purpose) {
        return seal(isSealed(stored) ? open(stored, purpose) : stored, purpose);
    }

    private static byte[] associatedData(String keyId, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A stored secret needs a purpose, such as table.column:row");
        }
        return (VERSION + ":" + keyId + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
