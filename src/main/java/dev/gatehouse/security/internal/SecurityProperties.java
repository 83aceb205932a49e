package dev.gatehouse.security.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings, {@code gatehouse.security.*} in application.yml or as GATEHOUSE_SECURITY_* variables.
 *
 * @param adminGroups   identity-provider groups whose members are admins
 * @param auditorGroups identity-provider groups whose members are auditors
 * @param session       how long Gatehouse's own sessions last
 * @param mfa           step-up verification
 */
@ConfigurationProperties("gatehouse.security")
public record SecurityProperties(@DefaultValue Saml saml,
                          @DefaultValue("gatehouse-admins") List<String> adminGroups,
                          @DefaultValue("gatehouse-auditors") List<String> auditorGroups,
                          @DefaultValue Session session,
                          @DefaultValue Mfa mfa) {

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
    record Session(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteLifetime) {
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
                @DefaultValue("2m") Duration clockSkew) {
    }

    /** Which SAML value is the Identity Store user's key. */
    enum UserLookup {
        /** The SAML NameID is the Identity Store userName. */
        USER_NAME,
        /** The email attribute is the Identity Store user's email. */
        EMAIL
    }
}
