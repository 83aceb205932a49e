package dev.gatehouse.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.security.internal.MfaRecorder;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.QrCodes;
import dev.gatehouse.security.internal.RecoveryCodes;
import dev.gatehouse.security.internal.SecurityProperties;
import dev.gatehouse.security.internal.Totp;
import dev.gatehouse.security.internal.TotpSecrets;
import dev.gatehouse.security.internal.WebAuthnServer;

/**
 * A person's second factors: authenticator apps and security keys or passkeys, as many as they like,
 * and one-time recovery codes. Adding a factor when one exists, removing one, or renewing the codes
 * needs a fresh step-up, so a borrowed session cannot swap in the borrower's own factor. Admins can
 * reset a person's factors, and the person is told.
 */
@Service
@AnyoneSignedIn
public class MfaFactors {

    static final int LONGEST_LABEL = 60;

    private final MfaRepository factors;
    private final TotpSecrets totpSecrets;
    private final WebAuthnServer webAuthn;
    private final StepUp stepUp;
    private final MfaRecorder recorder;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String issuer;

    MfaFactors(MfaRepository factors, TotpSecrets totpSecrets, WebAuthnServer webAuthn, StepUp stepUp,
               MfaRecorder recorder, CurrentUser currentUser, Clock clock, SecurityProperties properties) {
        this.factors = factors;
        this.totpSecrets = totpSecrets;
        this.webAuthn = webAuthn;
        this.stepUp = stepUp;
        this.recorder = recorder;
        this.currentUser = currentUser;
        this.clock = clock;
        this.issuer = properties.mfa().issuer();
    }

    /** The person's own factors, oldest first. */
    @Transactional(readOnly = true)
    public List<MfaFactor> mine() {
        return factors.factors(currentUser.require().subject());
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft() {
        return factors.recoveryCodesLeft(currentUser.require().subject());
    }

    /** A new authenticator-app secret, with its QR code; nothing is stored until {@link #confirmTotp}. */
    @Transactional(readOnly = true)
    public TotpEnrolment startTotp() {
        GatehouseUser me = currentUser.require();
        requireStepUpOnceEnrolled(me);
        String secret = Totp.newSecret();
        String uri = Totp.uri(issuer, me.subject(), secret);
        return new TotpEnrolment(secret, uri, QrCodes.svg(uri));
    }

    /**
     * Adds the authenticator app once it shows the right code. That code is used up: step-up needs a
     * later one.
     *
     * @return new recovery codes to show once, when this is the person's first factor; else none
     * @throws MfaProblem when the label or code is wrong
     */
    @Transactional
    public List<String> confirmTotp(TotpEnrolment enrolment, String label, String code) {
        GatehouseUser me = currentUser.require();
        requireStepUpOnceEnrolled(me);
        String name = label(label, MfaMethod.TOTP);
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(enrolment.secret(), code, now);
        if (step.isEmpty()) {
            throw new MfaProblem("That code does not match. Check that your phone's clock is right and enter the "
                    + "code the app shows now.");
        }
        boolean first = factors.factors(me.subject()).isEmpty();
        factors.insertTotp(me.subject(), me.directoryUserName(), name,
                totpSecrets.seal(me.subject(), enrolment.secret()), step.getAsLong(), now);
        recorder.own(me, MfaAction.ENROLLED, MfaMethod.TOTP.label() + " \"" + name + "\"");
        return first ? newRecoveryCodes(me) : List.of();
    }

    /** Options for the browser to create a security key or passkey credential for the person. */
    @Transactional(readOnly = true)
    public WebAuthnCeremony startWebAuthn() {
        GatehouseUser me = currentUser.require();
        requireStepUpOnceEnrolled(me);
        return webAuthn.registration(me.subject(), me.displayName(),
                factors.credentials(me.subject()).stream().map(c -> c.credentialId()).toList());
    }

    /**
     * Adds the security key or passkey once the browser's answer verifies.
     *
     * @return new recovery codes to show once, when this is the person's first factor; else none
     * @throws MfaProblem when the label is wrong or the answer does not verify
     */
    @Transactional
    public List<String> confirmWebAuthn(WebAuthnCeremony ceremony, String label, String responseJson) {
        GatehouseUser me = currentUser.require();
        requireStepUpOnceEnrolled(me);
        String name = label(label, MfaMethod.WEBAUTHN);
        WebAuthnServer.Registered registered = webAuthn.register(ceremony, responseJson);
        if (factors.credentialExists(registered.credentialId())) {
            throw new MfaProblem("This security key or passkey is already enrolled.");
        }
        boolean first = factors.factors(me.subject()).isEmpty();
        factors.insertCredential(me.subject(), me.directoryUserName(), name, registered.credentialId(),
                registered.credential(), registered.signCount(), clock.instant());
        recorder.own(me, MfaAction.ENROLLED, MfaMethod.WEBAUTHN.label() + " \"" + name + "\"");
        return first ? newRecoveryCodes(me) : List.of();
    }

    /** Removes one of the person's factors; removing the last also voids the recovery codes. */
    @Transactional
    public void remove(long factorId) {
        GatehouseUser me = currentUser.require();
        stepUp.require("remove a second factor");
        String label = factors.delete(me.subject(), factorId)
                .orElseThrow(() -> new MfaProblem("This factor is not yours, or was removed already."));
        if (factors.factors(me.subject()).isEmpty()) {
            factors.replaceRecoveryCodes(me.subject(), List.of());
        }
        recorder.own(me, MfaAction.REMOVED, "\"" + label + "\"");
    }

    /** Ten new recovery codes, to show once; the old ones stop working. */
    @Transactional
    public List<String> renewRecoveryCodes() {
        GatehouseUser me = currentUser.require();
        stepUp.require("renew your recovery codes");
        if (factors.factors(me.subject()).isEmpty()) {
            throw new MfaProblem("Add an authenticator app or a security key first.");
        }
        return newRecoveryCodes(me);
    }

    /** A person's factors, for an admin. */
    @Transactional(readOnly = true)
    @AdminOnly
    public List<MfaFactor> of(String subject) {
        return factors.factors(subject(subject));
    }

    /**
     * Removes every factor and recovery code of the person and lifts a lockout, for someone who lost
     * their phone and codes; they enrol again at their next step-up. The person is told.
     *
     * @return how many factors were removed
     */
    @Transactional
    @AdminOnly
    public int reset(String subject) {
        String who = subject(subject);
        String directoryUserName = factors.directoryUserName(who).orElse("");
        int removed = factors.deleteAll(who);
        if (removed == 0) {
            throw new MfaProblem(who + " has no second factor to reset.");
        }
        recorder.byAdmin(currentUser.require(), who, directoryUserName, MfaAction.RESET,
                removed + (removed == 1 ? " factor" : " factors") + " and the recovery codes removed");
        return removed;
    }

    private void requireStepUpOnceEnrolled(GatehouseUser me) {
        if (!factors.factors(me.subject()).isEmpty()) {
            stepUp.require("add another second factor");
        }
    }

    private List<String> newRecoveryCodes(GatehouseUser me) {
        List<String> codes = RecoveryCodes.generate();
        factors.replaceRecoveryCodes(me.subject(), codes.stream().map(RecoveryCodes::hash).toList());
        recorder.own(me, MfaAction.RECOVERY_CODES_RENEWED, codes.size() + " new codes; the old ones no longer work");
        return codes;
    }

    private static String label(String label, MfaMethod method) {
        String name = label == null || label.isBlank() ? method.label() : label.strip();
        if (name.length() > LONGEST_LABEL) {
            throw new MfaProblem("Keep the name under " + LONGEST_LABEL + " characters.");
        }
        return name;
    }

    private static String subject(String subject) {
        String who = subject == null ? "" : subject.strip().toLowerCase();
        if (who.isEmpty() || who.length() > 200) {
            throw new MfaProblem("Give the person's sign-in name, such as riley.chen.");
        }
        return who;
    }
}
