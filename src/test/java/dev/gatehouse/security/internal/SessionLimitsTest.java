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
        when(revocations.revokedAt("riley.chen")).thenReturn(Optional.empty());

        requestAt(signedIn.plus(Duration.ofHours(1)));

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
    }

    @Test
    void a_session_past_its_lifetime_ends_however_busy() throws Exception {
        when(revocations.revokedAt("riley.chen")).thenReturn(Optional.empty());

        requestAt(signedIn.plus(Duration.ofHours(12)));

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        verify(recorder).sessionEnded(eq(TestUsers.REQUESTER), eq(SessionLimits.LIFETIME), any());
    }

    @Test
    void a_session_begun_before_the_person_was_signed_out_everywhere_ends() throws Exception {
        when(revocations.revokedAt("riley.chen")).thenReturn(Optional.of(signedIn.plusSeconds(1)));

        requestAt(signedIn.plus(Duration.ofMinutes(5)));

        assertThat(session.isInvalid()).isTrue();
        verify(recorder).sessionEnded(eq(TestUsers.REQUESTER), eq(SessionLimits.SIGNED_OUT_EVERYWHERE), any());
    }

    @Test
    void a_session_begun_after_the_sign_out_stays() throws Exception {
        when(revocations.revokedAt("riley.chen")).thenReturn(Optional.of(signedIn.minusSeconds(1)));

        requestAt(signedIn.plus(Duration.ofMinutes(5)));

        assertThat(session.isInvalid()).isFalse();
        verify(recorder, never()).sessionEnded(any(), any(), any());
    }

    private void requestAt(Instant now) throws Exception {
        TestUsers.signIn(TestUsers.REQUESTER);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        new SessionLimits(revocations, recorder, LIMITS, Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
