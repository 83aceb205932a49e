package dev.gatehouse.security.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import dev.gatehouse.security.DirectoryPerson;

/**
 * Sign-in settings, {@code gatehouse.security.*} in application.yml or as GATEHOUSE_SECURITY_* variables.
 *
 * @param adminGroups   identity-provider groups whose members are admins
 * @param auditorGroups identity-provider groups whose members are auditors
 * @param session       how long Gatehouse's own sessions last
 * @param mfa           step-up verification
 * @param attempts      how many refused sign-ins and step-ups one network address may have
 */
@ConfigurationProperties("gatehouse.security")
public record SecurityProperties(@DefaultValue Saml saml,
                          @DefaultValue("gatehouse-admins") List<String> adminGroups,
                          @DefaultValue("gatehouse-auditors") List<String> auditorGroups,
                          @DefaultValue Session session,
                          @DefaultValue Mfa mfa,
                          @DefaultValue Attempts attempts) {

    /** What the person's sign-in carries to find their Identity Store user: their userName or email, as configured. */
    public String directoryUserName(DirectoryPerson person) {
        return saml.userLookup() == UserLookup.EMAIL ? person.email() : person.userName();
    }

    /**
     * Refused sign-ins and failed step-ups counted per source address, on every node alike: past the
     * limit, further tries from that address are turned away until the window ends.
     *
     * @param maxFailures this many refusals from one address in one window block it
     * @param window      for the rest of this window
     */
    record Attempts(@DefaultValue("20") int maxFailures, @DefaultValue("10m") Duration window) {
    }

    /**
     * Step-up verification for rules that ask for MFA.
     *
     * @param freshness    a verification (or an MFA sign-in) counts for this long
     * @param maxFailures  this many wrong codes in a row lock step-up
     * @param lockout      for this long
     * @param issuer       the name authenticator apps show next to the code
     * @param samlContexts AuthnContextClassRef values that mean the identity provider checked a second factor
     */
    public record Mfa(@DefaultValue("15m") Duration freshness,
               @DefaultValue("5") int maxFailures,
               @DefaultValue("15m") Duration lockout,
               @DefaultValue("Gatehouse") String issuer,
               @DefaultValue({"https://refeds.org/profile/mfa", "http://schemas.microsoft.com/claims/multipleauthn",
                       "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
                       "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"}) List<String> samlContexts) {
    }

    /**
     * Gatehouse's own sessions.
     *
     * @param idleTimeout      a session nobody used for this long ends
     * @param absoluteLifetime a session ends this long after sign-in, however busy
     */
    public record Session(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteLifetime) {
    }

    /**
     * @param registrationId       the id in the SAML URLs (/saml2/authenticate/{id}, /login/saml2/sso/{id})
     * @param idpMetadata          the identity provider's metadata: an https URL or a file path
     * @param providerName         the identity provider's name on the sign-in button
     * @param baseUrl              Gatehouse's public URL; empty means the URL of each request
     * @param signingKey           PEM PKCS#8 private key that signs authentication requests (optional)
     * @param signingCertificate   PEM certificate of that key, published in the SP metadata
     * @param userLookup           which value finds the person's Identity Store user
     * @param clockSkew            tolerated difference between this server's and the IdP's clocks
     * @param allowUnsolicited     accept responses the IdP sends without a sign-in started here (IdP-initiated)
     * @param limits               what an unauthenticated post may cost before it is refused
     * @param algorithms           the signature and digest algorithms a response may use
     */
    record Saml(@DefaultValue("gatehouse") String registrationId,
                @DefaultValue("") String idpMetadata,
                @DefaultValue("your identity provider") String providerName,
                @DefaultValue("") String baseUrl,
                @DefaultValue("") String signingKey,
                @DefaultValue("") String signingCertificate,
                @DefaultValue("groups") String groupsAttribute,
                @DefaultValue("email") String emailAttribute,
                @DefaultValue("displayName") String displayNameAttribute,
                @DefaultValue("firstName") String givenNameAttribute,
                @DefaultValue("lastName") String familyNameAttribute,
                @DefaultValue("USER_NAME") UserLookup userLookup,
                @DefaultValue("2m") Duration clockSkew,
                @DefaultValue("false") boolean allowUnsolicited,
                @DefaultValue Limits limits,
                @DefaultValue Algorithms algorithms) {
    }

    /**
     * Bounds on a SAML response, checked before OpenSAML parses it (its unmarshaller is quadratic in
     * sibling count and recursive in depth). The size also caps any body posted before sign-in.
     *
     * @param maxSize     largest request body before sign-in, the posted SAML response included
     * @param maxDepth    deepest element nesting
     * @param maxElements most elements in one response
     */
    record Limits(@DefaultValue("256KB") DataSize maxSize, @DefaultValue("32") int maxDepth,
                  @DefaultValue("5000") int maxElements) {
    }

    /**
     * XML signature algorithms allowed in a SAML response; each list may only be narrowed to a subset of
     * {@link SamlAlgorithms#SIGNATURE} and {@link SamlAlgorithms#DIGEST}.
     *
     * @param signature SignatureMethod URIs
     * @param digest    DigestMethod URIs
     */
    record Algorithms(List<String> signature, List<String> digest) {
        Algorithms {
            signature = signature == null || signature.isEmpty() ? SamlAlgorithms.SIGNATURE : List.copyOf(signature);
            digest = digest == null || digest.isEmpty() ? SamlAlgorithms.DIGEST : List.copyOf(digest);
        }
    }

    /** Which SAML value is the Identity Store user's key. */
    enum UserLookup {
        /** The SAML NameID is the Identity Store userName. */
        USER_NAME,
        /** The email attribute is the Identity Store user's email. */
        EMAIL
    }
}
