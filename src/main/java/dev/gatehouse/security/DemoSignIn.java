package dev.gatehouse.security;

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

    private static final List<DemoPersona> PERSONAS = List.of(
            new DemoPersona("riley.chen", "Riley Chen", "riley.chen@example.com",
                    "Engineer on the payments team: requests access and gives it back.", List.of("engineering")),
            new DemoPersona("avery.patel", "Avery Patel", "avery.patel@example.com",
                    "Engineering manager: Riley's manager and an approver for production accounts.",
                    List.of("engineering", "engineering-managers", "production-approvers")),
            new DemoPersona("morgan.reyes", "Morgan Reyes", "morgan.reyes@example.com",
                    "Platform admin: edits policies and permission sets.", List.of("platform", "gatehouse-admins")),
            new DemoPersona("sam.okafor", "Sam Okafor", "sam.okafor@example.com",
                    "Internal auditor: reads everything, changes nothing.", List.of("gatehouse-auditors")));

    private final RoleMapper roles;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SignInRecorder listener;

    DemoSignIn(RoleMapper roles, SignInRecorder listener) {
        this.roles = roles;
        this.listener = listener;
    }

    public List<DemoPersona> personas() {
        return PERSONAS;
    }

    /** The roles a persona will have, for the sign-in page. */
    public Set<GatehouseRole> rolesOf(DemoPersona persona) {
        return roles.rolesFor(persona.groups());
    }

    /** Signs the browser session of the request in as the persona; a new session id guards against fixation. */
    public GatehouseUser signInAs(String personaId, HttpServletRequest request, HttpServletResponse response) {
        DemoPersona persona = PERSONAS.stream().filter(p -> p.id().equals(personaId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No demo persona " + personaId));
        GatehouseUser user = new GatehouseUser(persona.id(), persona.displayName(), persona.email(), persona.id(),
                new TreeSet<>(persona.groups()), rolesOf(persona), SignInMethod.DEMO);

        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        listener.signedIn(user, request);
        return user;
    }
}
