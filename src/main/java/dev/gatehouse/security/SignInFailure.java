package dev.gatehouse.security;

import java.util.Arrays;

import org.springframework.security.saml2.core.Saml2ErrorCodes;

/**
 * Why a sign-in was refused, in words for the person who tried. The code travels in the sign-in page's
 * {@code error} parameter, so it is the only thing a visitor can choose; the message is ours.
 */
public enum SignInFailure {
    INVALID_SIGNATURE("signature",
            "The identity provider's response was not signed with a key Gatehouse trusts, or it was changed on the way."),
    EXPIRED("expired",
            "The identity provider's response has expired. Check that this server's clock is right, then sign in again."),
    REPLAYED("replayed",
            "This sign-in response was already used. Start a new sign-in from this page."),
    WRONG_AUDIENCE("audience",
            "The identity provider's response was meant for another application. Your administrator should check the "
                    + "Gatehouse entity id at the identity provider."),
    MISSING_ATTRIBUTE("attribute",
            "The identity provider did not send the attribute Gatehouse needs to know who you are."),
    UNKNOWN_REQUEST("request",
            "This sign-in response does not belong to a sign-in started here. Start a new sign-in from this page."),
    INVALID_RESPONSE("invalid",
            "The identity provider's response could not be accepted.");

    /** Error code of a response whose assertion was already used. */
    public static final String REPLAYED_ASSERTION_CODE = "replayed_assertion";

    private final String code;
    private final String message;

    SignInFailure(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static SignInFailure fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst().orElse(INVALID_RESPONSE);
    }

    /** Maps Spring Security's SAML error code, and its description where the code is too coarse. */
    public static SignInFailure fromSaml(String errorCode, String description) {
        String text = description == null ? "" : description.toLowerCase();
        return switch (errorCode) {
            case Saml2ErrorCodes.INVALID_SIGNATURE -> INVALID_SIGNATURE;
            case Saml2ErrorCodes.INVALID_IN_RESPONSE_TO -> UNKNOWN_REQUEST;
            case Saml2ErrorCodes.USERNAME_NOT_FOUND, Saml2ErrorCodes.SUBJECT_NOT_FOUND -> MISSING_ATTRIBUTE;
            case Saml2ErrorCodes.INVALID_ASSERTION -> {
                if (text.contains("audience")) {
                    yield WRONG_AUDIENCE;
                }
                if (text.contains("expired") || text.contains("notonorafter") || text.contains("notbefore")) {
                    yield EXPIRED;
                }
                yield INVALID_RESPONSE;
            }
            case REPLAYED_ASSERTION_CODE -> REPLAYED;
            default -> INVALID_RESPONSE;
        };
    }
}
