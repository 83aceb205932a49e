package dev.gatehouse.security;

import org.springframework.context.annotation.Import;

import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.TotpSecrets;

/**
 * The secrets this module stores (TOTP secrets), for a context of their own such as the rotation
 * command's. Not a configuration class, so the application's component scan leaves it alone.
 */
@Import({MfaRepository.class, TotpSecrets.class})
public final class SecurityStoredSecrets {

    private SecurityStoredSecrets() {
    }
}
