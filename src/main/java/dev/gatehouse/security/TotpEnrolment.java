package dev.gatehouse.security;

/**
 * An authenticator app being added: the page shows the QR code (or the secret to type), the person
 * confirms with a first code.
 *
 * @param secret the shared secret in Base32
 * @param uri    the otpauth URI in the QR code
 * @param qrSvg  the QR code as an SVG document
 */
public record TotpEnrolment(String secret, String uri, String qrSvg) {

    /** The secret in groups of four, easier to type. */
    public String secretForTyping() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
