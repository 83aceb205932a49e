package dev.gatehouse.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The person on whose behalf the current request runs. */
@Component
public class CurrentUser {

    public Optional<GatehouseUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof GatehouseUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in person; only for code that is reachable only when signed in. */
    public GatehouseUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }
}
