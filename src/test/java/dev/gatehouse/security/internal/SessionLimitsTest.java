package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.gatehouse.TestUsers;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SessionEndNotice;
import dev.gatehouse.security.SessionRevocation;
import dev.gatehouse.security.SignInMethod;
import dev.gatehouse.shared.TimeText;

class SessionLimitsTest {

    private static final SecurityProperties.Session LIMITS = new SecurityProperties.Session(Duration.ofMinutes(30),
            Duration.ofHours(12));

    private final SessionRevocationRepository revocations = mock(SessionRevocationRepository.class);
    private final SignInRecorder recorder = mock(SignInRecorder.class);
    private final MockHttpSession session = new MockHttpSession();
    private final Instant signedIn = Instant.ofEpochMilli(session.getCreationTime());

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_session_in_use_is_kept_to_the_idle_timeout() throws Exception {
        when(revocations.revocation("riley.chen")).thenReturn(Optional.empty());

        requestAt(signedIn.plus(Duration.ofHours(1)));

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    @Test
    void a_session_past_its_lifetime_ends_however_busy() throws Exception {
        when(revocations.revocation("riley.chen")).thenReturn(Optional.empty());

        requestAt(signedIn.plus(Duration.ofHours(12)));

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        verify(recorder).sessionEnded(eq(TestUsers.REQUESTER), eq(SessionLimits.LIFETIME), any());
    }

    @Test
    void a_session_begun_before_the_person_was_signed_out_everywhere_ends() throws Exception {
        when(revocations.revocation("riley.chen")).thenReturn(revokedAt(signedIn.plusSeconds(1)));

        requestAt(signedIn.plus(Duration.ofMinutes(5)));

        assertThat(session.isInvalid()).isTrue();
        verify(recorder).sessionEnded(eq(TestUsers.REQUESTER), eq(SessionLimits.SIGNED_OUT_EVERYWHERE), any());
    }

    @Test
    void a_session_begun_after_the_sign_out_stays() throws Exception {
        when(revocations.revocation("riley.chen")).thenReturn(revokedAt(signedIn.minusSeconds(1)));

        requestAt(signedIn.plus(Duration.ofMinutes(5)));

        assertThat(session.isInvalid()).isFalse();
        verify(recorder, never()).sessionEnded(any(), any(), any());
    }

    @Test
    void a_person_signed_out_everywhere_is_told_by_whom_and_when_on_the_sign_in_page() throws Exception {
        Instant revoked = signedIn.plus(Duration.ofMinutes(20));
        when(revocations.revocation("riley.chen")).thenReturn(revokedAt(revoked));

        MockHttpServletRequest request = requestAt(revoked.plus(Duration.ofMinutes(1)));

        assertThat(request.getSession(false)).isNotSameAs(session);
        assertThat(request.getSession(false).getAttribute(SessionEndNotice.ATTRIBUTE)).isEqualTo(new SessionEndNotice(
                "Morgan Reyes, an admin, signed you out everywhere at " + TimeText.of(revoked)
                        + ". Sign in again to go on."));
    }

    @Test
    void a_revocation_under_the_directory_name_ends_a_session_whose_subject_differs() throws Exception {
        GatehouseUser byEmail = new GatehouseUser("saml-id-8d3f", "Riley Chen", "riley.chen@example.com",
                "riley.chen@example.com", TestUsers.REQUESTER.groups(), TestUsers.REQUESTER.roles(), SignInMethod.SAML,
                "sign-in", signedIn, false);
        when(revocations.revocation("riley.chen@example.com")).thenReturn(revokedAt(signedIn.plusSeconds(1)));

        requestAt(signedIn.plus(Duration.ofMinutes(5)), byEmail);

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_session_past_its_lifetime_says_so_on_the_sign_in_page() throws Exception {
        when(revocations.revocation("riley.chen")).thenReturn(Optional.empty());

        MockHttpServletRequest request = requestAt(signedIn.plus(Duration.ofHours(12)));

        assertThat(request.getSession(false).getAttribute(SessionEndNotice.ATTRIBUTE)).isEqualTo(new SessionEndNotice(
                "Your session ended 12 h after you signed in, as every Gatehouse session does. Sign in again to go on."));
    }

    private static Optional<SessionRevocation> revokedAt(Instant at) {
        return Optional.of(new SessionRevocation("riley.chen", at, "Morgan Reyes"));
    }

    private MockHttpServletRequest requestAt(Instant now) throws Exception {
        return requestAt(now, TestUsers.REQUESTER);
    }

    private MockHttpServletRequest requestAt(Instant now, GatehouseUser user) throws Exception {
        TestUsers.signIn(user);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        new SessionLimits(revocations, recorder, LIMITS, Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return request;
    }
}
