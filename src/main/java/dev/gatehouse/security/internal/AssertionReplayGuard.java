package dev.gatehouse.security.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts each SAML assertion once, across all nodes: the id is stored until the assertion expires.
 * Spring Security's InResponseTo check already stops replays of SP-initiated responses; this also
 * covers IdP-initiated ones.
 */
@Component
class AssertionReplayGuard {

    private final AssertionReplayRepository repository;

    AssertionReplayGuard(AssertionReplayRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public boolean firstUse(String assertionId, Instant expiresAt) {
        return repository.recordFirstUse(assertionId, expiresAt);
    }
}
