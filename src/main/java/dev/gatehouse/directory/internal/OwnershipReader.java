package dev.gatehouse.directory.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owner;
import dev.gatehouse.directory.Ownership;
import dev.gatehouse.directory.internal.OwnerRepository.Principal;
import dev.gatehouse.directory.internal.OwnerRepository.Resource;

/**
 * Who owns an account or a permission set, in one place for {@link dev.gatehouse.directory.Owners}
 * (screens, with roles) and {@link dev.gatehouse.directory.DirectoryLookup} (other modules' services):
 * an owner set in Gatehouse while they are in the directory and enabled, else whom the tag names.
 */
@Component
public class OwnershipReader {

    private final OwnerRepository repository;
    private final OwnerTagKey tagKey;

    OwnershipReader(OwnerRepository repository, OwnerTagKey tagKey) {
        this.repository = repository;
        this.tagKey = tagKey;
    }

    /** Empty when the sync has not seen such an account or permission set. */
    public Optional<Ownership> of(OwnedKind kind, String resourceId) {
        return repository.resource(kind, resourceId).map(this::ownership);
    }

    public Ownership ownership(Resource resource) {
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
