package dev.gatehouse.security;

/**
 * A WebAuthn registration or assertion under way: the options for the browser's
 * {@code navigator.credentials} call, and what the server checks the answer against. It lives on the
 * server (in the page) between the two steps and is used once.
 *
 * @param optionsJson the PublicKeyCredentialCreationOptions or RequestOptions, binary fields in base64url
 */
public record WebAuthnCeremony(byte[] challenge, String rpId, String origin, String optionsJson) {
}
