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
import dev.gatehouse.directory.internal.OwnerTagKey;
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
    private final OwnerTagKey tagKey;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Owners(OwnerRepository repository, OwnerTagKey tagKey, CurrentUser currentUser, ApplicationEventPublisher events,
           Clock clock) {
        this.repository = repository;
        this.tagKey = tagKey;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Empty when the sync has not seen such an account or permission set. */
    public Optional<Ownership> of(OwnedKind kind, String resourceId) {
        return repository.resource(kind, resourceId).map(this::ownership);
    }

    /** Accounts or permission sets nobody owns, by name, each saying why; the search matches name and id. */
    public List<Ownership> withoutOwner(OwnedKind kind, String search, int offset, int limit) {
        return repository.withoutOwner(kind, search, offset, limit).stream().map(this::ownership).toList();
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
        Ownership before = ownership(resource);
        repository.set(kind, resourceId, type, principalId, currentUser.require().displayName(), clock.instant());
        return changed(resource, before);
    }

    /** Forgets the owner set in Gatehouse, so the AWS tag counts again. */
    @Transactional
    @AdminOnly
    public Ownership useTag(OwnedKind kind, String resourceId) {
        Resource resource = resource(kind, resourceId);
        Ownership before = ownership(resource);
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
        Ownership after = ownership(resource);
        events.publishEvent(new OwnerChanged(resource.kind(), resource.id(), resource.name(), before.text(),
                after.text(), currentUser.require().displayName(), clock.instant()));
        return after;
    }

    private Ownership ownership(Resource resource) {
        String key = tagKey.key();
        String tag = resource.ownerTag();
        Optional<OwnerRepository.SetOwner> set = repository.setOwner(resource.kind(), resource.id());
        Optional<Principal> setPrincipal = set.flatMap(s -> repository.principal(s.type(), s.principalId()));
        if (set.isPresent() && setPrincipal.filter(Principal::enabled).isPresent()) {
            Principal p = setPrincipal.get();
            return new Ownership(resource.kind(), resource.id(), resource.name(), Optional.of(new Owner(p.type(), p.id(),
                    p.name(), set.get().setBy(), Optional.of(set.get().setAt()))), key, tag, "");
        }
        Optional<Principal> tagged = repository.named(tag);
        if (tagged.filter(Principal::enabled).isPresent()) {
            Principal p = tagged.get();
            return new Ownership(resource.kind(), resource.id(), resource.name(),
                    Optional.of(new Owner(p.type(), p.id(), p.name(), "", Optional.empty())), key, tag, "");
        }
        String setGone = set.map(s -> setPrincipal.map(p -> "the owner set in Gatehouse, " + p.name()
                + ", is disabled in the Identity Store").orElse("the owner set in Gatehouse is no longer in the directory")
                + "; ").orElse("");
        String tagGap = tag.isEmpty() ? "no AWS tag " + key
                : tagged.map(p -> "the AWS tag " + key + " names " + p.name() + ", who is disabled in the Identity Store")
                .orElse("the AWS tag " + key + " names " + tag + ", which is no person or group in the directory");
        return new Ownership(resource.kind(), resource.id(), resource.name(), Optional.empty(), key, tag,
                capitalised(setGone + tagGap) + ".");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
