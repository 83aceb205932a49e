package dev.gatehouse;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SignInMethod;

/** People for tests, one per role, and signing them in on the test thread. */
public final class TestUsers {

    public static final GatehouseUser REQUESTER = user("riley.chen", "Riley Chen", GatehouseRole.REQUESTER);
    /** Riley's manager, and a member of production-approvers and engineering-managers. */
    public static final GatehouseUser APPROVER = user("avery.patel", "Avery Patel", GatehouseRole.REQUESTER);
    /** Avery's manager, and a member of engineering-managers. */
    public static final GatehouseUser DIRECTOR = user("jordan.kim", "Jordan Kim", GatehouseRole.REQUESTER);
    /** Signs in but matches no Identity Store user. */
    public static final GatehouseUser STRANGER = user("nobody.here", "Nobody Here", GatehouseRole.REQUESTER);
    public static final GatehouseUser ADMIN = user("morgan.reyes", "Morgan Reyes", GatehouseRole.REQUESTER,
            GatehouseRole.ADMIN);
    public static final GatehouseUser AUDITOR = user("sam.okafor", "Sam Okafor", GatehouseRole.REQUESTER,
            GatehouseRole.AUDITOR);

    private TestUsers() {
    }

    /** A requester of the calling test alone, with a fresh sign-in name, so no other test's data meets them. */
    public static GatehouseUser someoneNew(String name) {
        String id = name + "." + UUID.randomUUID().toString().substring(0, 8);
        return new GatehouseUser(id, name, id + "@example.com", id, new TreeSet<>(),
                EnumSet.of(GatehouseRole.REQUESTER), SignInMethod.DEMO, "sign-in-" + id, Instant.now(), false);
    }

    /** The person as signed in just now through an identity provider that reported a second factor. */
    public static GatehouseUser withMfaSignIn(GatehouseUser user) {
        return new GatehouseUser(user.subject(), user.displayName(), user.email(), user.directoryUserName(),
                user.groups(), user.roles(), SignInMethod.SAML, "mfa-sign-in-" + user.subject(), Instant.now(), true);
    }

    public static void signIn(GatehouseUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Does the work signed in as the user, and signs out after. */
    public static <T> T as(GatehouseUser user, Supplier<T> work) {
        signIn(user);
        try {
            return work.get();
        } finally {
            signOut();
        }
    }

    private static GatehouseUser user(String id, String name, GatehouseRole first, GatehouseRole... rest) {
        return new GatehouseUser(id, name, id + "@example.com", id, new TreeSet<>(List.of("engineering")),
                EnumSet.of(first, rest), SignInMethod.DEMO, "test-sign-in-" + id, Instant.EPOCH, false);
    }
}
