package dev.gatehouse.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.OwnerRepository;
import dev.gatehouse.directory.internal.OwnerRepository.Principal;
import dev.gatehouse.directory.internal.OwnerRepository.Resource;
import dev.gatehouse.directory.internal.OwnershipReader;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;

/**
 * Who owns each account and permission set: the person or group an AWS tag names, or one an admin set in
 * Gatehouse, which wins while they are in the directory. Admins and auditors read; admins change.
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class Owners {

    private final OwnerRepository repository;
    private final OwnershipReader reader;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Owners(OwnerRepository repository, OwnershipReader reader, CurrentUser currentUser, ApplicationEventPublisher events,
           Clock clock) {
        this.repository = repository;
        this.reader = reader;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Empty when the sync has not seen such an account or permission set. */
    public Optional<Ownership> of(OwnedKind kind, String resourceId) {
        return reader.of(kind, resourceId);
    }

    /** Accounts or permission sets nobody owns, by name, each saying why; the search matches name and id. */
    public List<Ownership> withoutOwner(OwnedKind kind, String search, int offset, int limit) {
        return repository.withoutOwner(kind, search, offset, limit).stream().map(reader::ownership).toList();
    }

    public int withoutOwnerCount(OwnedKind kind, String search) {
        return repository.withoutOwnerCount(kind, search);
    }

    /** People (enabled) and groups an admin can make an owner, people first. */
    @AdminOnly
    public List<OwnerCandidate> candidates(String search, int offset, int limit) {
        return repository.candidates(search == null ? "" : search, offset, limit);
    }

    /** Makes the person or group the owner, whatever the AWS tag says. */
    @Transactional
    @AdminOnly
    public Ownership set(OwnedKind kind, String resourceId, PrincipalType type, String principalId) {
        Resource resource = resource(kind, resourceId);
        Principal principal = repository.principal(type, principalId).orElseThrow(() -> new OwnerProblem(
                "That " + (type == PrincipalType.USER ? "person" : "group") + " is not in the directory (any more)."));
        if (!principal.enabled()) {
            throw new OwnerProblem(principal.name() + " is disabled in the Identity Store, so cannot own anything.");
        }
        Ownership before = reader.ownership(resource);
        repository.set(kind, resourceId, type, principalId, currentUser.require().displayName(), clock.instant());
        return changed(resource, before);
    }

    /** Forgets the owner set in Gatehouse, so the AWS tag counts again. */
    @Transactional
    @AdminOnly
    public Ownership useTag(OwnedKind kind, String resourceId) {
        Resource resource = resource(kind, resourceId);
        Ownership before = reader.ownership(resource);
        if (!repository.clear(kind, resourceId)) {
            throw new OwnerProblem("No owner is set in Gatehouse for this " + kind.label() + ": the AWS tag counts already.");
        }
        return changed(resource, before);
    }

    private Resource resource(OwnedKind kind, String resourceId) {
        return repository.resource(kind, resourceId).orElseThrow(() -> new OwnerProblem(
                "No such " + kind.label() + " in the directory: it may have gone since the last sync."));
    }

    private Ownership changed(Resource resource, Ownership before) {
        Ownership after = reader.ownership(resource);
        events.publishEvent(new OwnerChanged(resource.kind(), resource.id(), resource.name(), before.text(),
                after.text(), currentUser.require().displayName(), clock.instant()));
        return after;
    }

}
