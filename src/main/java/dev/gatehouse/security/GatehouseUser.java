package dev.gatehouse.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person.
 *
 * @param subject           the identity provider's name for the person (SAML NameID, or the demo persona id)
 * @param displayName       the name shown on screen
 * @param email             email address, empty when the identity provider sent none
 * @param directoryUserName the value that finds the person's Identity Store user (userName or email, as configured)
 * @param groups            the identity provider's groups
 * @param roles             the Gatehouse roles derived from the groups
 * @param method            how the person signed in
 * @param signInId          a random id for this sign-in: a step-up counts for the sign-in that made it
 * @param signedInAt        when the identity provider (or the demo page) authenticated the person
 * @param mfaAtSignIn       the identity provider reported a multi-factor authentication context
 */
public record GatehouseUser(String subject, String displayName, String email, String directoryUserName,
                            SortedSet<String> groups, Set<GatehouseRole> roles, SignInMethod method,
                            String signInId, Instant signedInAt, boolean mfaAtSignIn)
        implements AuthenticatedPrincipal, Serializable {

    public GatehouseUser {
        groups = new TreeSet<>(groups);
        roles = roles.isEmpty() ? EnumSet.noneOf(GatehouseRole.class) : EnumSet.copyOf(roles);
    }

    /** A new sign-in id, for the identity provider's and the demo page's sign-ins. */
    public static String newSignInId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getName() {
        return subject;
    }

    public boolean has(GatehouseRole role) {
        return roles.contains(role);
    }

    /** Role labels in declaration order, for display. */
    public String roleLabels() {
        return roles.stream().map(GatehouseRole::label).collect(Collectors.joining(", "));
    }

    public Collection<GrantedAuthority> authorities() {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

}
