package dev.gatehouse.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationToken;

import dev.gatehouse.security.SignInFailure;

/**
 * Spring Security's OpenSAML 4 provider behind Gatehouse's stricter front: the raw response is scanned
 * within limits first ({@link SamlResponseScanner}), responses nobody asked for are refused unless allowed,
 * and the profile's assertion rules ({@link SamlAssertionValidator}) come before Spring's own.
 */
final class SamlSignInProvider implements AuthenticationProvider {

    private final SamlResponseScanner scanner;
    private final OpenSaml4AuthenticationProvider provider;

    SamlSignInProvider(SamlResponseScanner scanner, OpenSaml4AuthenticationProvider provider,
                       boolean allowUnsolicited) {
        this.scanner = scanner;
        this.provider = provider;
        var springChecks = OpenSaml4AuthenticationProvider.createDefaultResponseValidator();
        provider.setResponseValidator(token -> {
            Saml2ResponseValidatorResult result = springChecks.convert(token);
            if (token.getToken().getAuthenticationRequest() == null && !allowUnsolicited) {
                result = result.concat(SignInFailure.UNSOLICITED.asSamlError());
            }
            return result;
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        scanner.scan(((Saml2AuthenticationToken) authentication).getSaml2Response());
        return provider.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return provider.supports(authentication);
    }
}
