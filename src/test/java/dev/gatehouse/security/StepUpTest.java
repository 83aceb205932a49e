package dev.gatehouse.security;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.client.ClientPlatform;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;

import dev.gatehouse.TestClock;
import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.notification.TestNotificationEndpoints;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.Totp;

@SpringBootTest(properties = "gatehouse.security.saml.base-url=http://localhost:8080")
@Import(TestClock.Config.class)
class StepUpTest {

    private static final GatehouseUser RILEY = TestUsers.REQUESTER;
    private static final Origin ORIGIN = new Origin("http://localhost:8080");

    private final Instant startOfTest = Instant.now().minusSeconds(1);

    @Autowired
    private StepUp stepUp;
    @Autowired
    private MfaFactors factors;
    @Autowired
    private MfaRepository repository;
    @Autowired
    private TestClock clock;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private EventPublicationRegistry events;
    @Autowired
    private TestRules rules;
    @Autowired
    private DirectoryLookup directory;

    @BeforeEach
    void noFactors() {
        clock.reset();
        repository.deleteAll(RILEY.subject());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void a_code_from_the_authenticator_app_steps_up_for_the_freshness_window() {
        String secret = enrolTotp();
        clock.advance(Duration.ofSeconds(30));
        assertThat(as(RILEY, stepUp::fresh)).as("enrolling is not a step-up").isFalse();

        as(RILEY, () -> run(() -> stepUp.verifyCode(currentCode(secret))));

        assertThat(as(RILEY, stepUp::fresh)).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(as(RILEY, stepUp::fresh)).isFalse();
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.require("approve this request"))))
                .isInstanceOf(StepUpRequired.class)
                .hasMessage("Verify a second factor to approve this request.");
    }

    @Test
    void a_code_cannot_be_used_twice_not_even_the_one_that_confirmed_enrolment() {
        String secret = enrolTotp();
        String enrolmentCode = currentCode(secret);

        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(enrolmentCode))))
                .isInstanceOf(MfaProblem.class).hasMessage("This code was used already; wait for the next one.");

        clock.advance(Duration.ofSeconds(30));
        String next = currentCode(secret);
        as(RILEY, () -> run(() -> stepUp.verifyCode(next)));
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(next))))
                .isInstanceOf(MfaProblem.class).hasMessage("This code was used already; wait for the next one.");
    }

    @Test
    void five_wrong_codes_lock_step_up_until_the_lockout_ends() {
        String secret = enrolTotp();
        clock.advance(Duration.ofSeconds(30));
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(wrong(secret)))))
                    .hasMessage("That code is not right.");
        }
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(wrong(secret)))))
                .hasMessageContaining("That was 5 wrong tries in a row: step-up is locked until");

        String right = currentCode(secret);
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(right))))
                .as("even the right code, while locked").hasMessageStartingWith("Too many wrong codes");
        assertThat(as(RILEY, stepUp::options).lockedUntil()).isPresent();

        clock.advance(Duration.ofMinutes(15));
        as(RILEY, () -> run(() -> stepUp.verifyCode(currentCode(secret))));
        assertThat(as(RILEY, stepUp::fresh)).isTrue();
        assertThat(audited(AuditAction.MFA_LOCKED_OUT)).isNotEmpty();
        assertThat(audited(AuditAction.MFA_FAILED)).as("a refusal while locked is no new failure").hasSize(5);
    }

    @Test
    void a_recovery_code_steps_up_once() {
        List<String> codes = as(RILEY, () -> {
            TotpEnrolment enrolment = factors.startTotp();
            return factors.confirmTotp(enrolment, "Phone", currentCode(enrolment.secret()));
        });
        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));

        as(RILEY, () -> run(() -> stepUp.verifyCode(codes.get(3).toLowerCase())));
        assertThat(as(RILEY, stepUp::fresh)).isTrue();
        assertThat(as(RILEY, factors::recoveryCodesLeft)).isEqualTo(9);
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyCode(codes.get(3)))))
                .hasMessage("That recovery code is not right, or was used already.");
    }

    @Test
    void a_step_up_counts_only_for_the_sign_in_that_made_it() {
        String secret = enrolTotp();
        clock.advance(Duration.ofSeconds(30));
        as(RILEY, () -> run(() -> stepUp.verifyCode(currentCode(secret))));

        GatehouseUser otherBrowser = new GatehouseUser(RILEY.subject(), RILEY.displayName(), RILEY.email(),
                RILEY.directoryUserName(), RILEY.groups(), RILEY.roles(), RILEY.method(), "another-sign-in",
                clock.instant(), false);
        assertThat(as(otherBrowser, stepUp::fresh)).isFalse();
    }

    @Test
    void a_sign_in_the_identity_provider_reports_as_mfa_counts_for_the_freshness_window() {
        GatehouseUser mfaSignIn = new GatehouseUser(RILEY.subject(), RILEY.displayName(), RILEY.email(),
                RILEY.directoryUserName(), RILEY.groups(), RILEY.roles(), SignInMethod.SAML, "saml-sign-in",
                clock.instant(), true);

        assertThat(as(mfaSignIn, stepUp::fresh)).isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(as(mfaSignIn, stepUp::fresh)).isFalse();
    }

    @Test
    void adding_or_removing_a_factor_once_enrolled_needs_a_step_up() {
        String secret = enrolTotp();
        long id = as(RILEY, factors::mine).get(0).id();

        assertThatThrownBy(() -> as(RILEY, factors::startTotp)).isInstanceOf(StepUpRequired.class);
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> factors.remove(id)))).isInstanceOf(StepUpRequired.class);

        clock.advance(Duration.ofSeconds(30));
        as(RILEY, () -> run(() -> stepUp.verifyCode(currentCode(secret))));
        as(RILEY, () -> run(() -> factors.remove(id)));
        assertThat(as(RILEY, factors::mine)).isEmpty();
        assertThat(as(RILEY, factors::recoveryCodesLeft)).as("removing the last factor voids the codes").isZero();
        assertThat(audited(AuditAction.MFA_ENROLLED)).isNotEmpty();
        assertThat(audited(AuditAction.MFA_REMOVED)).isNotEmpty();
    }

    @Test
    void a_security_key_registers_and_steps_up_with_a_software_authenticator() {
        ClientPlatform authenticator = new ClientPlatform(ORIGIN,
                new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator()));
        WebAuthnCeremony registration = as(RILEY, factors::startWebAuthn);
        assertThat(registration.rpId()).isEqualTo("localhost");
        assertThat(registration.optionsJson()).contains("\"attestation\":\"none\"");
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> created = authenticator.create(
                new PublicKeyCredentialCreationOptions(new PublicKeyCredentialRpEntity("localhost", "Gatehouse"),
                        new PublicKeyCredentialUserEntity(new byte[] {1}, RILEY.subject(), RILEY.displayName()),
                        new DefaultChallenge(registration.challenge()), List.of(new PublicKeyCredentialParameters(
                        PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256)), 60_000L, List.of(),
                        new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.DISCOURAGED,
                                UserVerificationRequirement.PREFERRED), AttestationConveyancePreference.NONE, null));

        List<String> codes = as(RILEY, () -> factors.confirmWebAuthn(registration, "YubiKey",
                registrationJson(created)));

        assertThat(codes).as("recovery codes come with the first factor").hasSize(10);
        assertThat(as(RILEY, factors::mine)).singleElement()
                .satisfies(f -> assertThat(f.method()).isEqualTo(MfaMethod.WEBAUTHN))
                .satisfies(f -> assertThat(f.label()).isEqualTo("YubiKey"));

        WebAuthnCeremony assertion = as(RILEY, stepUp::startWebAuthn);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> signed = authenticator.get(
                new PublicKeyCredentialRequestOptions(new DefaultChallenge(assertion.challenge()), 60_000L,
                        "localhost", List.of(new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY,
                        created.getRawId(), null)), UserVerificationRequirement.PREFERRED, null));
        String answer = assertionJson(signed);
        as(RILEY, () -> run(() -> stepUp.verifyWebAuthn(assertion, answer)));
        assertThat(as(RILEY, stepUp::fresh)).isTrue();

        WebAuthnCeremony another = as(RILEY, stepUp::startWebAuthn);
        assertThatThrownBy(() -> as(RILEY, () -> run(() -> stepUp.verifyWebAuthn(another, answer))))
                .as("an answer to another challenge").isInstanceOf(MfaProblem.class)
                .hasMessageStartingWith("The security key's answer did not verify");
    }

    @Test
    void an_admin_resets_a_persons_factors_and_the_person_is_told() {
        enrolTotp();
        rules.demoDirectory();
        String email = directory.user(rules.userId(RILEY)).orElseThrow().email();

        int removed = as(TestUsers.ADMIN, () -> factors.reset(" Riley.Chen "));

        assertThat(removed).isEqualTo(1);
        assertThat(as(RILEY, factors::mine)).isEmpty();
        assertThat(audited(AuditAction.MFA_RESET)).first()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("Morgan Reyes"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(TestNotificationEndpoints.smtp()
                .getReceivedMessages()).anyMatch(m -> subjectIs(m, "Your Gatehouse second factors were reset")
                && recipient(m).equalsIgnoreCase(email)));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> factors.reset("riley.chen")))
                .hasMessage("riley.chen has no second factor to reset.");
    }

    @Test
    void only_admins_see_or_reset_other_peoples_factors() {
        for (GatehouseUser user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> factors.reset("sam.okafor")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> factors.of("sam.okafor")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    /** Enrols an authenticator app for Riley, as the enrolment page does; returns its secret. */
    private String enrolTotp() {
        return as(RILEY, () -> {
            TotpEnrolment enrolment = factors.startTotp();
            factors.confirmTotp(enrolment, "Phone", currentCode(enrolment.secret()));
            return enrolment.secret();
        });
    }

    private String currentCode(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    /** A six-digit code that is none of the three the window accepts. */
    private String wrong(String secret) {
        long step = Totp.step(clock.instant());
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", n);
            if (!candidate.equals(Totp.code(secret, step - 1)) && !candidate.equals(Totp.code(secret, step))
                    && !candidate.equals(Totp.code(secret, step + 1))) {
                return candidate;
            }
        }
    }

    private List<AuditEntry> audited(AuditAction action) {
        TestEvents.awaitDelivered(events);
        return as(TestUsers.AUDITOR, () -> audit.page(new AuditFilter("riley.chen", Optional.of(action)), 0, 50))
                .stream().filter(entry -> !entry.occurredAt().isBefore(startOfTest)).toList();
    }

    private static Void run(Runnable work) {
        work.run();
        return null;
    }

    private static boolean subjectIs(jakarta.mail.internet.MimeMessage message, String subject) {
        try {
            return subject.equals(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String registrationJson(PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential) {
        return "{\"id\":\"" + b64(credential.getRawId()) + "\",\"rawId\":\"" + b64(credential.getRawId())
                + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\""
                + b64(credential.getResponse().getClientDataJSON()) + "\",\"attestationObject\":\""
                + b64(credential.getResponse().getAttestationObject()) + "\",\"transports\":[]},"
                + "\"clientExtensionResults\":{}}";
    }

    private static String assertionJson(PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential) {
        return "{\"id\":\"" + b64(credential.getRawId()) + "\",\"rawId\":\"" + b64(credential.getRawId())
                + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\""
                + b64(credential.getResponse().getClientDataJSON()) + "\",\"authenticatorData\":\""
                + b64(credential.getResponse().getAuthenticatorData()) + "\",\"signature\":\""
                + b64(credential.getResponse().getSignature()) + "\"},\"clientExtensionResults\":{}}";
    }

    private static String b64(byte[] bytes) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
