package dev.gatehouse.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.security.SignInFailure;

/**
 * The one way a sign-in is refused: one log line, an audit entry with Gatehouse's reason code and summary,
 * a count against the source address, and the sign-in page with the reason in words. Once an address is
 * over the limit its further attempts are turned away with neither log line nor audit entry, so a flood
 * cannot fill either.
 */
@Component
class SignInRefusals {

    private static final Logger log = LoggerFactory.getLogger(SignInRefusals.class);

    private final SignInRecorder recorder;
    private final AttemptLimiter limiter;

    SignInRefusals(SignInRecorder recorder, AttemptLimiter limiter) {
        this.recorder = recorder;
        this.limiter = limiter;
    }

    boolean blocked(HttpServletRequest request) {
        return limiter.blocked(AttemptKind.SIGN_IN, request.getRemoteAddr());
    }

    /** One transaction for the audit event and the count, so a refusal costs one commit. */
    @Transactional
    public void refuse(SignInFailure failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String address = request.getRemoteAddr();
        log.info("SAML sign-in from {} refused: {} ({})", address, failure.code(), failure.summary());
        recorder.rejected(failure, failure.summary(), request);
        if (limiter.refused(AttemptKind.SIGN_IN, address)) {
            log.warn("Sign-ins from {} are refused until {}: too many refusals", address, limiter.blockedUntil());
            recorder.rejected(SignInFailure.TOO_MANY_ATTEMPTS, SignInFailure.TOO_MANY_ATTEMPTS.summary()
                    + " until " + limiter.blockedUntil(), request);
        }
        toSignInPage(failure, request, response);
    }

    /** An attempt from an address that is over the limit: counted nowhere, answered cheaply. */
    void turnAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.debug("Sign-in from {} turned away: too many refusals", request.getRemoteAddr());
        toSignInPage(SignInFailure.TOO_MANY_ATTEMPTS, request, response);
    }

    private static void toSignInPage(SignInFailure failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PATH + "?error="
                + failure.code());
    }
}
