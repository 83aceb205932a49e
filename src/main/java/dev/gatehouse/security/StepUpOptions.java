package dev.gatehouse.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the person can step up with now.
 *
 * @param methods      the kinds of factor they enrolled (recovery codes when some are left)
 * @param lockedUntil  step-up is locked after too many wrong codes, until then
 * @param freshness    how long a step-up counts
 */
public record StepUpOptions(Set<MfaMethod> methods, Optional<Instant> lockedUntil, Duration freshness) {

    public boolean enrolled() {
        return methods.contains(MfaMethod.TOTP) || methods.contains(MfaMethod.WEBAUTHN);
    }
}
