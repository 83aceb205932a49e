package dev.gatehouse.security;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

import dev.gatehouse.security.internal.RoleMapper;
import dev.gatehouse.security.internal.SignInRecorder;
import dev.gatehouse.shared.ConditionalOnMode;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Sign-in as a demo persona, without a password. The bean exists only in demo mode, so production
 * has no code path that signs anyone in without the identity provider.
 */
@Service
@ConditionalOnMode(GatehouseMode.DEMO)
public class DemoSignIn {

    private final List<DemoPersona> personas;
    private final RoleMapper roles;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SignInRecorder listener;
    private final Clock clock;

    DemoSignIn(DemoPersonas personas, RoleMapper roles, SignInRecorder listener, Clock clock) {
        this.personas = List.copyOf(personas.personas());
        this.roles = roles;
        this.listener = listener;
        this.clock = clock;
    }

    public List<DemoPersona> personas() {
        return personas;
    }

    /** The roles a persona will have, for the sign-in page. */
    public Set<GatehouseRole> rolesOf(DemoPersona persona) {
        return roles.rolesFor(persona.groups());
    }

    /** Signs the browser session of the request in as the persona; a new session id guards against fixation. */
    public GatehouseUser signInAs(String personaId, HttpServletRequest request, HttpServletResponse response) {
        DemoPersona persona = personas.stream().filter(p -> p.id().equals(personaId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No demo persona " + personaId));
        GatehouseUser user = new GatehouseUser(persona.id(), persona.displayName(), persona.email(), persona.id(),
                new TreeSet<>(persona.groups()), rolesOf(persona), SignInMethod.DEMO, GatehouseUser.newSignInId(),
                clock.instant(), false);

        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        listener.signedIn(user, request);
        return user;
    }
}
