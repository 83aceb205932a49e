package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.TestIdentityProvider;

/**
 * Each rule of the SAML Web Browser SSO profile that Gatehouse enforces, broken once in a response the test
 * IdP signs with its real key: the response is refused with that rule's own reason.
 */
class SamlProfileRefusalsTest extends SamlAcsTest {

    private static final Instant NOW = Instant.now();

    @Test
    void a_correct_answer_to_a_sign_in_started_here_is_accepted() throws Exception {
        MvcResult result = answer(TestIdentityProvider.response("alice").signResponse());

        assertThat(signedIn(result).directoryUserName()).isEqualTo("alice");
    }

    @Test
    void an_assertion_without_a_bearer_subject_confirmation_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice")
                .confirmationMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY), "confirmation");
    }

    @Test
    void a_bearer_confirmation_without_not_on_or_after_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").withoutConfirmationExpiry(), "no-expiry");
    }

    @Test
    void an_assertion_with_no_validity_window_at_all_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").withoutExpiry(), "no-expiry");
    }

    @Test
    void a_bearer_confirmation_for_another_recipient_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").recipient("https://evil.example.test/acs"), "recipient");
    }

    @Test
    void an_answer_to_another_sign_in_request_is_refused() throws Exception {
        SignInStart start = startSignIn();

        refusedIn(start.session(), TestIdentityProvider.response("alice").inResponseTo("_someone-elses-request")
                .encoded(), "request");
    }

    @Test
    void an_answer_to_a_request_of_another_browser_session_is_refused() throws Exception {
        SignInStart theirs = startSignIn();
        MockHttpSession mine = startSignIn().session();

        refusedIn(mine, TestIdentityProvider.response("alice").inResponseTo(theirs.requestId()).encoded(), "request");
    }

    @Test
    void an_unsolicited_response_is_refused_by_default() throws Exception {
        refusedIn(new MockHttpSession(), TestIdentityProvider.response("alice").encoded(), "unsolicited");
    }

    @Test
    void an_assertion_without_any_audience_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").withoutAudience(), "no-audience");
    }

    @Test
    void an_assertion_not_valid_before_a_time_still_to_come_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").notBefore(NOW.plus(Duration.ofMinutes(10))), "not-yet-valid");
    }

    @Test
    void an_assertion_claiming_another_issuer_inside_a_signed_response_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").unsigned().signResponse()
                .assertionIssuer("https://evil.example.test/idp"), "issuer");
    }

    @Test
    void an_assertion_signed_for_another_issuer_is_refused_since_the_key_belongs_to_the_idp() throws Exception {
        refused(TestIdentityProvider.response("alice").assertionIssuer("https://evil.example.test/idp"), "signature");
    }

    @Test
    void an_assertion_without_issuer_is_refused_cleanly() throws Exception {
        refused(TestIdentityProvider.response("alice").assertionIssuer(null), "issuer");
    }

    @Test
    void a_response_from_another_issuer_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").responseIssuer("https://evil.example.test/idp"), "issuer");
    }

    @Test
    void a_signed_response_without_issuer_is_refused_without_a_null_pointer() throws Exception {
        refused(TestIdentityProvider.response("alice").signResponse().responseIssuer(null), "issuer");
    }

    @Test
    void a_response_signed_with_rsa_sha1_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").signatureAlgorithm(
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA256), "algorithm");
    }

    @Test
    void a_response_with_a_sha1_digest_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").signatureAlgorithm(
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, SignatureConstants.ALGO_ID_DIGEST_SHA1), "algorithm");
    }

    @Test
    void a_response_signed_with_rsa_sha512_is_accepted() throws Exception {
        MvcResult result = answer(TestIdentityProvider.response("alice").signatureAlgorithm(
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, SignatureConstants.ALGO_ID_DIGEST_SHA512));

        assertThat(signedIn(result).directoryUserName()).isEqualTo("alice");
    }

    @Test
    void a_response_sent_with_the_redirect_binding_is_refused() throws Exception {
        String encoded = TestIdentityProvider.response("alice").encoded();

        mvc.perform(get(ACS).param("SAMLResponse", encoded))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/sign-in?error=binding"));
    }

    @Test
    void a_response_posted_to_another_registration_is_refused() throws Exception {
        SignInStart start = startSignIn();
        String encoded = TestIdentityProvider.response("alice").inResponseTo(start.requestId()).encoded();

        mvc.perform(form("/login/saml2/sso/other", start.session(), encoded))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/sign-in?error=registration"));
    }

    @Test
    void a_friendly_name_never_stands_in_for_the_groups_attribute() throws Exception {
        GatehouseUser user = signedIn(answer(TestIdentityProvider.response("mallory")
                .groups("platform-admins").groupsOnlyAsFriendlyName("urn:example:teams")));

        assertThat(user.groups()).isEmpty();
        assertThat(user.roles()).containsExactly(GatehouseRole.REQUESTER);
    }

    @Test
    void an_authentication_instant_in_the_future_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").authnInstant(NOW.plus(Duration.ofMinutes(10))),
                "authn-instant");
    }

    @Test
    void an_authentication_instant_within_the_clock_skew_counts_from_now_not_later() throws Exception {
        Instant soon = Instant.now().plus(Duration.ofSeconds(60));

        GatehouseUser user = signedIn(answer(TestIdentityProvider.response("alice").authnInstant(soon)));

        assertThat(user.signedInAt()).isBefore(soon);
    }

    @Test
    void signing_in_starts_a_new_session_that_keeps_nothing_of_the_one_before() throws Exception {
        SignInStart start = startSignIn();
        start.session().setAttribute("planted", "by a visitor");
        long startedBefore = start.session().getCreationTime();
        Thread.sleep(5);

        MvcResult result = postIn(start.session(),
                TestIdentityProvider.response("alice").inResponseTo(start.requestId()).encoded());

        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(start.session().isInvalid()).isTrue();
        assertThat(session.getId()).isNotEqualTo(start.session().getId());
        assertThat(session.getAttribute("planted")).isNull();
        assertThat(session.getCreationTime()).isGreaterThan(startedBefore);
        assertThat(signedIn(result).directoryUserName()).isEqualTo("alice");
    }
}
