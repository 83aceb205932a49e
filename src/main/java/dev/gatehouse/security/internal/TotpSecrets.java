package dev.gatehouse.security.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.gatehouse.security.internal.MfaRepository.StoredTotp;
import dev.gatehouse.shared.SecretCipher;
import dev.gatehouse.shared.SecretUnreadable;
import dev.gatehouse.shared.StoredSecrets;

/**
 * Authenticator-app secrets are stored encrypted, each bound to its person, so one copied to another
 * person's factor does not open; this is the only code that encrypts or decrypts them.
 */
@Component
public class TotpSecrets implements StoredSecrets {

    private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

    private final MfaRepository factors;
    private final SecretCipher cipher;

    TotpSecrets(MfaRepository factors, SecretCipher cipher) {
        this.factors = factors;
        this.cipher = cipher;
    }

    /** The secret as {@link MfaRepository#insertTotp} stores it. */
    public String seal(String subject, String secret) {
        return cipher.seal(secret, purpose(subject));
    }

    /**
     * The secret of an enrolled app; empty when the configured keys cannot open it, which is logged with
     * what the operator can do.
     */
    public Optional<String> open(StoredTotp totp) {
        try {
            return Optional.of(cipher.open(totp.storedSecret(), purpose(totp.subject())));
        } catch (SecretUnreadable e) {
            log.warn("Cannot check the authenticator app of {} (MFA factor {}). {} Until then they can step up with "
                    + "a recovery code or a security key, or an admin resets their factors under Sessions and MFA.",
                    totp.subject(), totp.id(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return "TOTP secrets";
    }

    @Override
    public List<Value> all() {
        return factors.allTotps().stream().map(totp -> new Value(totp.id(), "MFA factor " + totp.id() + " of "
                + totp.subject(), purpose(totp.subject()), totp.storedSecret())).toList();
    }

    @Override
    public boolean replace(Value value, String sealed) {
        return factors.replaceTotpSecret(value.id(), value.stored(), sealed);
    }

    private static String purpose(String subject) {
        return "mfa_factor.totp_secret:" + MfaRepository.key(subject);
    }
}
