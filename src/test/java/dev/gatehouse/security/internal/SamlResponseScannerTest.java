package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.util.unit.DataSize;

import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.shared.StartupProblem;

class SamlResponseScannerTest {

    private static final String OPEN = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
            + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">";
    private static final String ASSERTION = "<saml:Assertion><saml:Issuer>idp</saml:Issuer></saml:Assertion>";

    private final SamlResponseScanner scanner = new SamlResponseScanner(
            new SecurityProperties.Limits(DataSize.ofKilobytes(256), 32, 5000),
            new SecurityProperties.Algorithms(null, null));

    @Test
    void a_plain_response_with_one_assertion_passes() {
        assertThatCode(() -> scanner.scan(OPEN + ASSERTION + "</samlp:Response>")).doesNotThrowAnyException();
    }

    @Test
    void two_hundred_thousand_elements_stop_the_scan_at_the_limit() {
        refused(OPEN + "<a/>".repeat(200_000) + ASSERTION + "</samlp:Response>", SignInFailure.TOO_MANY_ELEMENTS);
    }

    @Test
    void ten_thousand_levels_stop_the_scan_at_the_depth_limit() {
        refused(OPEN + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</samlp:Response>", SignInFailure.TOO_DEEP);
    }

    @Test
    void an_encrypted_assertion_is_refused() {
        refused(OPEN + "<saml:EncryptedAssertion/></samlp:Response>", SignInFailure.NOT_ONE_ASSERTION);
    }

    @Test
    void a_response_without_assertion_is_refused() {
        refused(OPEN + "</samlp:Response>", SignInFailure.NOT_ONE_ASSERTION);
    }

    @Test
    void another_root_element_is_refused() {
        refused("<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>", SignInFailure.MALFORMED);
    }

    @Test
    void an_md5_digest_is_refused_anywhere_in_the_document() {
        refused(OPEN + "<saml:Assertion><saml:Issuer>idp</saml:Issuer><ds:Signature><ds:SignedInfo><ds:Reference>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#md5\"/></ds:Reference>"
                + "</ds:SignedInfo></ds:Signature></saml:Assertion></samlp:Response>", SignInFailure.WEAK_ALGORITHM);
    }

    @Test
    void a_narrower_configuration_refuses_what_it_leaves_out() {
        SamlResponseScanner rsaOnly512 = new SamlResponseScanner(
                new SecurityProperties.Limits(DataSize.ofKilobytes(256), 32, 5000),
                new SecurityProperties.Algorithms(List.of("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"), null));

        assertThatThrownBy(() -> rsaOnly512.scan(OPEN + "<saml:Assertion><saml:Issuer>idp</saml:Issuer><ds:Signature>"
                + "<ds:SignedInfo><ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "</ds:SignedInfo></ds:Signature></saml:Assertion></samlp:Response>"))
                .isInstanceOf(Saml2AuthenticationException.class);
    }

    @Test
    void a_configuration_that_allows_sha1_does_not_start() {
        assertThatThrownBy(() -> SamlAlgorithms.checked(new SecurityProperties.Algorithms(
                List.of("http://www.w3.org/2000/09/xmldsig#rsa-sha1"), null)))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("can only be narrowed");
    }

    private void refused(String xml, SignInFailure failure) {
        assertThatThrownBy(() -> scanner.scan(xml))
                .isInstanceOfSatisfying(Saml2AuthenticationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(SignInFailure.fromSaml(e.getSaml2Error().getErrorCode(), null)).isEqualTo(failure));
    }
}
