package dev.gatehouse.security;

import java.util.Arrays;

import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;

/**
 * Why a sign-in was refused: a code, a short summary for the audit trail and words for the person who
 * tried. The code travels in the sign-in page's {@code error} parameter, so it is the only thing a visitor
 * can choose; summary and message are ours, never an exception's text or anything the response said.
 */
public enum SignInFailure {
    INVALID_SIGNATURE("signature", "Signature missing, invalid or from an untrusted key",
            "The identity provider's response was not signed with a key Gatehouse trusts, or it was changed on the way."),
    WEAK_ALGORITHM("algorithm", "Signed or digested with an algorithm that is not allowed",
            "The identity provider signed its response with an algorithm Gatehouse does not accept (such as SHA-1). "
                    + "Your administrator should switch the identity provider to RSA-SHA256 or stronger."),
    EXPIRED("expired", "Assertion or subject confirmation expired",
            "The identity provider's response has expired. Check that this server's clock is right, then sign in again."),
    NOT_YET_VALID("not-yet-valid", "Assertion not yet valid",
            "The identity provider's response is not valid yet. Check that this server's clock is right, then sign "
                    + "in again."),
    NO_EXPIRY("no-expiry", "Bearer subject confirmation without NotOnOrAfter",
            "The identity provider's response does not say until when it is valid, so Gatehouse cannot accept it."),
    NO_BEARER_CONFIRMATION("confirmation", "No bearer subject confirmation",
            "The identity provider's response does not confirm who it was issued to (no bearer confirmation)."),
    WRONG_RECIPIENT("recipient", "Subject confirmation recipient is not Gatehouse's sign-in address",
            "The identity provider's response was addressed to another sign-in address. Your administrator should "
                    + "check the assertion consumer URL at the identity provider."),
    WRONG_DESTINATION("destination", "Response destination is not Gatehouse's sign-in address",
            "The identity provider's response was sent to another sign-in address. Your administrator should check "
                    + "the assertion consumer URL at the identity provider."),
    REPLAYED("replayed", "Assertion already used",
            "This sign-in response was already used. Start a new sign-in from this page."),
    NO_AUDIENCE("no-audience", "Assertion without an audience restriction",
            "The identity provider's response does not say which application it is for, so Gatehouse cannot accept "
                    + "it. Your administrator should check the identity provider's settings for Gatehouse."),
    WRONG_AUDIENCE("audience", "Assertion meant for another audience",
            "The identity provider's response was meant for another application. Your administrator should check the "
                    + "Gatehouse entity id at the identity provider."),
    WRONG_ISSUER("issuer", "Issuer missing or not the configured identity provider",
            "The response did not come from the identity provider Gatehouse trusts."),
    MISSING_ATTRIBUTE("attribute", "Attribute needed to identify the person is missing",
            "The identity provider did not send the attribute Gatehouse needs to know who you are."),
    UNKNOWN_REQUEST("request", "InResponseTo does not match the sign-in started in this browser",
            "This sign-in response does not belong to a sign-in started here. Start a new sign-in from this page."),
    UNSOLICITED("unsolicited", "Unsolicited (IdP-initiated) response refused",
            "Sign-in must start here: Gatehouse does not accept sign-ins started at the identity provider. Use the "
                    + "button below."),
    FUTURE_AUTHENTICATION("authn-instant", "AuthnInstant in the future",
            "The identity provider says you signed in at a time that has not come yet. Check that this server's "
                    + "clock is right, then sign in again."),
    WRONG_BINDING("binding", "Response not sent with the HTTP-POST binding",
            "The identity provider's response must be posted to Gatehouse (HTTP-POST binding)."),
    UNKNOWN_REGISTRATION("registration", "Response posted to an unknown registration id",
            "The identity provider's response was sent to a sign-in address Gatehouse does not have."),
    NOT_ONE_ASSERTION("assertions", "Response does not hold exactly one plain assertion",
            "The identity provider's response must hold exactly one assertion, not encrypted."),
    TOO_LARGE("too-large", "Request body over the size limit, or without a length",
            "The sign-in response was larger than Gatehouse accepts."),
    TOO_DEEP("too-deep", "XML nested deeper than the limit",
            "The sign-in response was not a document Gatehouse accepts (nested too deeply)."),
    TOO_MANY_ELEMENTS("too-many-elements", "XML with more elements than the limit",
            "The sign-in response was not a document Gatehouse accepts (too many elements)."),
    DOCTYPE("doctype", "XML with a document type declaration",
            "The sign-in response was not a document Gatehouse accepts (it declares a document type)."),
    MALFORMED("malformed", "Not a base64 SAML response of well-formed XML",
            "The sign-in response could not be read."),
    IDP_REFUSED("idp-status", "Identity provider answered with a status other than Success",
            "The identity provider did not sign you in. Try again, or ask your administrator."),
    TOO_MANY_ATTEMPTS("too-many", "Too many refused sign-ins from this address",
            "Too many sign-ins from your network address were refused. Wait a few minutes, then try again."),
    INVALID_RESPONSE("invalid", "Response refused",
            "The identity provider's response could not be accepted.");

    /** Prefix of the SAML error codes that name one of these failures directly. */
    private static final String OWN_CODE_PREFIX = "gatehouse:";

    private final String code;
    private final String summary;
    private final String message;

    SignInFailure(String code, String summary, String message) {
        this.code = code;
        this.summary = summary;
        this.message = message;
    }

    public String code() {
        return code;
    }

    /** A short text for the audit trail, the same for every refusal of this kind. */
    public String summary() {
        return summary;
    }

    public String message() {
        return message;
    }

    /** This failure as a SAML error, whose code {@link #fromSaml} maps back to it. */
    public Saml2Error asSamlError() {
        return new Saml2Error(OWN_CODE_PREFIX + code, summary);
    }

    /** Refuses a SAML response for this reason. */
    public Saml2AuthenticationException asSamlException() {
        return new Saml2AuthenticationException(asSamlError());
    }

    public static SignInFailure fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst().orElse(INVALID_RESPONSE);
    }

    /** Maps Spring Security's SAML error code, and its description where the code is too coarse. */
    public static SignInFailure fromSaml(String errorCode, String description) {
        if (errorCode.startsWith(OWN_CODE_PREFIX)) {
            return fromCode(errorCode.substring(OWN_CODE_PREFIX.length()));
        }
        String text = description == null ? "" : description.toLowerCase();
        return switch (errorCode) {
            case Saml2ErrorCodes.INVALID_SIGNATURE -> INVALID_SIGNATURE;
            case Saml2ErrorCodes.INVALID_IN_RESPONSE_TO -> UNKNOWN_REQUEST;
            case Saml2ErrorCodes.INVALID_DESTINATION -> WRONG_DESTINATION;
            case Saml2ErrorCodes.INVALID_ISSUER -> WRONG_ISSUER;
            case Saml2ErrorCodes.MALFORMED_RESPONSE_DATA -> MALFORMED;
            case Saml2ErrorCodes.RELYING_PARTY_REGISTRATION_NOT_FOUND -> UNKNOWN_REGISTRATION;
            case Saml2ErrorCodes.USERNAME_NOT_FOUND, Saml2ErrorCodes.SUBJECT_NOT_FOUND -> MISSING_ATTRIBUTE;
            case Saml2ErrorCodes.INVALID_RESPONSE -> text.contains("invalid status") ? IDP_REFUSED : INVALID_RESPONSE;
            case Saml2ErrorCodes.INVALID_ASSERTION -> {
                if (text.contains("audience")) {
                    yield WRONG_AUDIENCE;
                }
                if (text.contains("expired") || text.contains("notonorafter") || text.contains("notbefore")) {
                    yield EXPIRED;
                }
                if (text.contains("issuer")) {
                    yield WRONG_ISSUER;
                }
                yield INVALID_RESPONSE;
            }
            default -> INVALID_RESPONSE;
        };
    }
}
