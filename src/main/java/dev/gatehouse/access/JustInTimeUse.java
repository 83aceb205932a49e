package dev.gatehouse.access;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.access.internal.GrantRepository;

/**
 * How people used just-in-time access, for other modules' services (a reviewer weighing standing access).
 * It checks no role: the calling service authorizes its own methods.
 */
@Service
@Transactional(readOnly = true)
public class JustInTimeUse {

    private final GrantRepository grants;

    JustInTimeUse(GrantRepository grants) {
        this.grants = grants;
    }

    /**
     * When each person's latest grant on the account and permission set began to hold access (it
     * activated), in one query for all the keys; a key whose person never had such a grant is absent.
     * Keys of groups are absent too: grants are for people.
     */
    public Map<AssignmentKey, Instant> lastActivated(Collection<AssignmentKey> keys) {
        return grants.lastActivated(keys);
    }
}
