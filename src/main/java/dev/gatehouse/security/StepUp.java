package dev.gatehouse.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.gatehouse.security.internal.AttemptKind;
import dev.gatehouse.security.internal.AttemptLimiter;
import dev.gatehouse.security.internal.MfaRecorder;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.MfaRepository.StoredTotp;
import dev.gatehouse.security.internal.RecoveryCodes;
import dev.gatehouse.security.internal.SecurityProperties;
import dev.gatehouse.security.internal.Totp;
import dev.gatehouse.security.internal.TotpSecrets;
import dev.gatehouse.security.internal.WebAuthnServer;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;

/**
 * Step-up verification: services that a rule marks "MFA" call {@link #require} before they act. A
 * second factor proved within the freshness window counts, for the sign-in that proved it: a code from
 * an authenticator app (never the same one twice), a recovery code (once), a security key or passkey,
 * or a sign-in whose identity provider reported an MFA context. Wrong codes in a row lock step-up for a
 * while.
 */
@Service
@AnyoneSignedIn
public class StepUp {

    static final String CANNOT_CHECK_APP = "Gatehouse cannot check your authenticator app at the moment: its stored "
            + "secret cannot be read. Use a recovery code or a security key, or contact an admin.";

    private final MfaRepository factors;
    private final TotpSecrets totpSecrets;
    private final WebAuthnServer webAuthn;
    private final MfaRecorder recorder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Duration freshness;
    private final int maxFailures;
    private final Duration lockout;
    private final AttemptLimiter attempts;

    StepUp(MfaRepository factors, TotpSecrets totpSecrets, WebAuthnServer webAuthn, MfaRecorder recorder,
           CurrentUser currentUser, Clock clock, SecurityProperties properties, AttemptLimiter attempts) {
        this.factors = factors;
        this.totpSecrets = totpSecrets;
        this.attempts = attempts;
        this.webAuthn = webAuthn;
        this.recorder = recorder;
        this.currentUser = currentUser;
        this.clock = clock;
        this.freshness = properties.mfa().freshness();
        if (freshness.isNegative() || freshness.compareTo(MfaRepository.KEPT) > 0) {
            throw new IllegalStateException("gatehouse.security.mfa.freshness must lie between 0 and "
                    + DurationText.of(MfaRepository.KEPT) + "; it is " + DurationText.of(freshness) + ".");
        }
        this.maxFailures = properties.mfa().maxFailures();
        this.lockout = properties.mfa().lockout();
    }

    /**
     * Goes on only when the person proved a second factor within the freshness window.
     *
     * @param action what the person is about to do, for the message ("approve this request")
     * @throws StepUpRequired otherwise
     */
    @Transactional(readOnly = true)
    public void require(String action) {
        if (!fresh()) {
            throw new StepUpRequired(action);
        }
    }

    /** Whether the person proved a second factor within the freshness window, in this sign-in. */
    @Transactional(readOnly = true)
    public boolean fresh() {
        GatehouseUser me = currentUser.require();
        Instant since = clock.instant().minus(freshness);
        if (me.mfaAtSignIn() && me.signedInAt().isAfter(since)) {
            return true;
        }
        return factors.verifiedAt(me.signInId()).filter(at -> at.isAfter(since)).isPresent();
    }

    @Transactional(readOnly = true)
    public StepUpOptions options() {
        GatehouseUser me = currentUser.require();
        Set<MfaMethod> methods = EnumSet.noneOf(MfaMethod.class);
        factors.factors(me.subject()).forEach(factor -> methods.add(factor.method()));
        if (!methods.isEmpty() && factors.recoveryCodesLeft(me.subject()) > 0) {
            methods.add(MfaMethod.RECOVERY_CODE);
        }
        return new StepUpOptions(methods, factors.lockedUntil(me.subject(), clock.instant()), freshness);
    }

    /**
     * Steps up with a code from an authenticator app, or a recovery code.
     *
     * @throws MfaProblem when the code is wrong, was used already, or step-up is locked
     */
    @Transactional(noRollbackFor = MfaProblem.class)
    public void verifyCode(String code) {
        GatehouseUser me = currentUser.require();
        Instant now = clock.instant();
        refuseWhileLocked(me, now);
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (digits.matches("\\d{6}")) {
            int readable = 0;
            List<StoredTotp> totps = factors.totps(me.subject());
            for (StoredTotp totp : totps) {
                Optional<String> secret = totpSecrets.open(totp);
                if (secret.isEmpty()) {
                    continue;
                }
                readable++;
                OptionalLong step = Totp.matchingStep(secret.get(), digits, now);
                if (step.isPresent()) {
                    if (!factors.useStep(totp.id(), step.getAsLong(), now)) {
                        fail(me, now, "This code was used already; wait for the next one.", "code used before");
                    }
                    verified(me, MfaMethod.TOTP, now);
                    return;
                }
            }
            if (readable == 0 && !totps.isEmpty()) {
                // Not the person's mistake, so it does not count towards a lockout of their recovery codes.
                recorder.own(me, MfaAction.FAILED, "authenticator app's stored secret cannot be read");
                throw new MfaProblem(CANNOT_CHECK_APP);
            }
            fail(me, now, readable < totps.size() ? "That code is not right. " + CANNOT_CHECK_APP
                    : "That code is not right.", "wrong authenticator code");
        }
        if (RecoveryCodes.looksLike(digits)) {
            if (factors.useRecoveryCode(me.subject(), RecoveryCodes.hash(digits), now)) {
                verified(me, MfaMethod.RECOVERY_CODE, now);
                return;
            }
            fail(me, now, "That recovery code is not right, or was used already.", "wrong recovery code");
        }
        fail(me, now, "Enter the 6-digit code from your authenticator app, or a recovery code.", "malformed code");
    }

    /** Options for the browser to sign with one of the person's security keys or passkeys. */
    @Transactional(readOnly = true)
    public WebAuthnCeremony startWebAuthn() {
        GatehouseUser me = currentUser.require();
        List<String> ids = factors.credentials(me.subject()).stream().map(c -> c.credentialId()).toList();
        if (ids.isEmpty()) {
            throw new MfaProblem("You have no security key or passkey yet; add one under Two-step verification.");
        }
        return webAuthn.assertion(ids);
    }

    /**
     * Steps up with the browser's answer to {@link #startWebAuthn}; each ceremony is good for one answer.
     *
     * @throws MfaProblem when it does not verify, or step-up is locked
     */
    @Transactional(noRollbackFor = MfaProblem.class)
    public void verifyWebAuthn(WebAuthnCeremony ceremony, String responseJson) {
        GatehouseUser me = currentUser.require();
        Instant now = clock.instant();
        refuseWhileLocked(me, now);
        Optional<WebAuthnServer.Asserted> asserted;
        try {
            asserted = webAuthn.verify(ceremony, responseJson, factors.credentials(me.subject()));
        } catch (MfaProblem problem) {
            fail(me, now, problem.getMessage(), "security key did not verify");
            return;
        }
        if (asserted.isEmpty()) {
            fail(me, now, "That security key or passkey is not one of yours here.", "unknown credential");
            return;
        }
        WebAuthnServer.Asserted ok = asserted.get();
        long before = ok.credential().signCount();
        // A counter that does not grow means a cloned key, unless the authenticator keeps none (always 0).
        if ((ok.signCount() != 0 || before != 0) && ok.signCount() <= before) {
            fail(me, now, "This security key's counter went backwards; it may have been copied.", "counter replay");
        }
        if (!factors.useCredential(ok.credential().id(), before, ok.signCount(), now)) {
            fail(me, now, "This security key was used at the same moment elsewhere; try again.", "concurrent use");
        }
        verified(me, MfaMethod.WEBAUTHN, now);
    }

    /** How long a step-up counts. */
    public Duration freshness() {
        return freshness;
    }

    private void refuseWhileLocked(GatehouseUser me, Instant now) {
        factors.lockedUntil(me.subject(), now).ifPresent(until -> {
            throw new MfaProblem("Too many wrong codes: step-up is locked until " + TimeText.of(until) + ".");
        });
        // Per address too, on every node: many people's step-ups tried from one place are one attack.
        sourceAddress().filter(address -> attempts.blocked(AttemptKind.STEP_UP, address)).ifPresent(address -> {
            throw new MfaProblem("Too many failed verifications from your network address: try again after "
                    + TimeText.of(attempts.blockedUntil()) + ".");
        });
    }

    /** The address of the browser request being served, if this runs in one. */
    private static Optional<String> sourceAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.of(request.getRequest().getRemoteAddr()) : Optional.empty();
    }

    private void verified(GatehouseUser me, MfaMethod method, Instant now) {
        factors.clearFailures(me.subject());
        factors.verified(me.signInId(), me.subject(), method, now);
        recorder.own(me, MfaAction.VERIFIED, method.label());
    }

    private void fail(GatehouseUser me, Instant now, String message, String detail) {
        recorder.own(me, MfaAction.FAILED, detail);
        sourceAddress().ifPresent(address -> attempts.refused(AttemptKind.STEP_UP, address));
        Optional<Instant> locked = factors.recordFailure(me.subject(), maxFailures, lockout, now);
        if (locked.isPresent()) {
            recorder.own(me, MfaAction.LOCKED_OUT, maxFailures + " wrong codes in a row; locked until "
                    + locked.get());
            throw new MfaProblem(message + " That was " + maxFailures + " wrong tries in a row: step-up is locked "
                    + "until " + TimeText.of(locked.get()) + ".");
        }
        throw new MfaProblem(message);
    }
}
