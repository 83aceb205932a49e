package dev.gatehouse.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.gatehouse.shared.SystemActor;

/**
 * Gatehouse itself, {@link SystemActor}, signed in for work no person started: it calls the same public
 * services as an admin would, so what it does is checked, authorized and audited like anyone's action.
 */
public final class AsSystem {

    public static final GatehouseUser USER = new GatehouseUser(SystemActor.NAME, SystemActor.NAME, "", "",
            new TreeSet<>(),
            EnumSet.of(GatehouseRole.ADMIN), SignInMethod.SYSTEM, "system", Instant.EPOCH, false);

    private AsSystem() {
    }

    /** Does the work on this thread as Gatehouse, then restores whoever acted before. */
    public static <T> T run(Supplier<T> work) {
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext before = strategy.getContext();
        SecurityContext system = strategy.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null, USER.authorities()));
        strategy.setContext(system);
        try {
            return work.get();
        } finally {
            strategy.setContext(before);
        }
    }
}
