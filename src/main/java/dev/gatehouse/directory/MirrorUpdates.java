package dev.gatehouse.directory;

import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.RefreshRepository;

/**
 * What another module has just changed in Identity Center itself and AWS confirmed, written into the
 * mirror at once so the screens show it before the next sync reads it back. It checks no role: the
 * calling module authorized the change it made.
 */
@Service
public class MirrorUpdates {

    private final RefreshRepository repository;

    MirrorUpdates(RefreshRepository repository) {
        this.repository = repository;
    }

    /** The permission set's session duration is now this in Identity Center. */
    @Transactional
    public void sessionDurationApplied(String permissionSetArn, Duration sessionDuration) {
        repository.sessionDuration(permissionSetArn, sessionDuration);
    }

    /** The Identity Store no longer has the person in the group (Gatehouse removed them, or they were gone). */
    @Transactional
    public void membershipRemoved(String groupId, String userId) {
        repository.removeMembership(groupId, userId);
    }
}
