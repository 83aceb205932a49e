package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.security.SignInRejected;
import dev.gatehouse.security.TestIdentityProvider;

/**
 * Hostile posts to the assertion consumer service before anyone signed in: each is refused from its
 * headers or within the parse limits, with one short log line and an audit entry, and an address that
 * keeps trying is turned away.
 */
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class SamlInputLimitsTest extends SamlAcsTest {

    @Autowired
    private ApplicationEvents events;

    @Test
    void a_response_nested_ten_thousand_levels_deep_is_refused_with_one_log_line_and_an_audit_entry(
            CapturedOutput output) throws Exception {
        String deep = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</samlp:Response>";

        refusedIn(new MockHttpSession(), encode(deep), "too-deep");

        assertThat(refusals()).containsExactly(SignInFailure.TOO_DEEP);
        assertThat(refusalLines(output)).hasSize(1);
        assertThat(output.getAll()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }

    @Test
    void a_response_with_more_elements_than_the_limit_is_refused() throws Exception {
        String wide = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<a/>".repeat(6_000) + "</samlp:Response>";

        refusedIn(new MockHttpSession(), encode(wide), "too-many-elements");

        assertThat(refusals()).containsExactly(SignInFailure.TOO_MANY_ELEMENTS);
    }

    @Test
    void a_post_of_two_hundred_thousand_elements_is_refused_by_its_size_before_it_is_read() throws Exception {
        String wide = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<a/>".repeat(200_000) + "</samlp:Response>";

        refusedIn(new MockHttpSession(), encode(wide), "too-large");

        assertThat(refusals()).containsExactly(SignInFailure.TOO_LARGE);
    }

    @Test
    void a_five_megabyte_post_is_refused_with_one_log_line(CapturedOutput output) throws Exception {
        refusedIn(new MockHttpSession(), "A".repeat(5 * 1024 * 1024), "too-large");

        assertThat(refusals()).containsExactly(SignInFailure.TOO_LARGE);
        assertThat(refusalLines(output)).hasSize(1);
    }

    @Test
    void a_post_that_does_not_declare_its_length_is_refused() throws Exception {
        mvc.perform(post(ACS).param("SAMLResponse", TestIdentityProvider.response("alice").encoded())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andExpect(redirectedUrl("/sign-in?error=too-large"));
    }

    @Test
    void a_document_type_declaration_is_refused_before_any_entity_is_expanded() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&c;</samlp:Response>";

        refusedIn(new MockHttpSession(), encode(laughs), "doctype");
    }

    @Test
    void text_that_is_not_base64_of_xml_is_refused_as_unreadable() throws Exception {
        refusedIn(new MockHttpSession(), encode("not xml at all"), "malformed");
    }

    @Test
    void a_response_with_two_assertions_is_refused() throws Exception {
        SignInStart start = startSignIn();
        String xml = TestIdentityProvider.response("alice").inResponseTo(start.requestId()).xml();
        int assertion = xml.indexOf("<saml2:Assertion");
        int end = xml.indexOf("</saml2:Assertion>") + "</saml2:Assertion>".length();
        String twice = xml.substring(0, end) + xml.substring(assertion, end) + xml.substring(end);

        refusedIn(start.session(), encode(twice), "assertions");
    }

    @Test
    void an_address_with_too_many_refusals_is_turned_away_without_more_log_lines_or_audit_entries(
            CapturedOutput output) throws Exception {
        for (int i = 0; i < 20; i++) {
            refusedIn(new MockHttpSession(), encode("not xml"), "malformed");
        }
        int linesAtLimit = refusalLines(output).size();

        refusedIn(new MockHttpSession(), TestIdentityProvider.response("alice").encoded(), "too-many");

        assertThat(refusals()).hasSize(21).endsWith(SignInFailure.TOO_MANY_ATTEMPTS);
        assertThat(refusalLines(output)).hasSize(linesAtLimit);
        assertThat(output.getAll()).contains("Sign-ins from " + address + " are refused until");
    }

    @Test
    void a_body_over_the_limit_is_refused_on_any_page_before_sign_in() throws Exception {
        mvc.perform(post("/").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[300 * 1024]))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void the_audit_entry_of_a_refusal_names_our_reason_never_the_exception() throws Exception {
        SignInStart start = startSignIn();
        refusedIn(start.session(), TestIdentityProvider.response("alice").inResponseTo(start.requestId())
                .signResponse().responseIssuer(null).encoded(), "issuer");

        SignInRejected rejected = events.stream(SignInRejected.class).findFirst().orElseThrow();
        assertThat(rejected.detail()).isEqualTo(SignInFailure.WRONG_ISSUER.summary());
        assertThat(rejected.sourceAddress()).isEqualTo(address);
    }

    private List<SignInFailure> refusals() {
        return events.stream(SignInRejected.class).map(SignInRejected::reason).toList();
    }

    private List<String> refusalLines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("SAML sign-in from " + address)).toList();
    }
}
