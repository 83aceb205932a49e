package dev.gatehouse.security.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionsAuthenticatorOutputs;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;

import jakarta.servlet.http.HttpServletRequest;

import dev.gatehouse.security.MfaProblem;
import dev.gatehouse.security.WebAuthnCeremony;
import dev.gatehouse.security.internal.MfaRepository.StoredCredential;

/**
 * The relying-party side of WebAuthn, on webauthn4j: options for the browser, and verification of what
 * the authenticator answered. Gatehouse's public URL (the SAML base URL, else the browser's address)
 * is the origin, and its host the relying-party id. Attestation is not asked for: any authenticator
 * the person holds will do, as with an authenticator app.
 */
@Component
public class WebAuthnServer {

    /** A verified new credential, as stored. */
    public record Registered(String credentialId, byte[] credential, long signCount) {
    }

    /** A verified assertion: which credential, and its new signature counter. */
    public record Asserted(StoredCredential credential, long signCount) {
    }

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final long TIMEOUT_MILLIS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials =
            new AttestedCredentialDataConverter(new ObjectConverter());
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    WebAuthnServer(SecurityProperties properties) {
        this.baseUrl = properties.saml().baseUrl();
    }

    /** Options for {@code navigator.credentials.create}: a new credential for the person. */
    public WebAuthnCeremony registration(String subject, String displayName, List<String> existingCredentialIds) {
        String origin = origin();
        String rpId = URI.create(origin).getHost();
        byte[] challenge = challenge();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", BASE64URL.encodeToString(challenge));
        options.put("rp", Map.of("id", rpId, "name", "Gatehouse"));
        options.put("user", Map.of("id", BASE64URL.encodeToString(userHandle(subject)), "name", subject,
                "displayName", displayName));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("excludeCredentials", existingCredentialIds.stream()
                .map(id -> Map.of("type", "public-key", "id", id)).toList());
        options.put("authenticatorSelection", Map.of("residentKey", "discouraged", "userVerification", "preferred"));
        options.put("attestation", "none");
        return new WebAuthnCeremony(challenge, rpId, origin, write(options));
    }

    /** Options for {@code navigator.credentials.get}: one of the person's credentials signs the challenge. */
    public WebAuthnCeremony assertion(List<String> credentialIds) {
        String origin = origin();
        String rpId = URI.create(origin).getHost();
        byte[] challenge = challenge();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", BASE64URL.encodeToString(challenge));
        options.put("rpId", rpId);
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("allowCredentials", credentialIds.stream().map(id -> Map.of("type", "public-key", "id", id))
                .toList());
        options.put("userVerification", "preferred");
        return new WebAuthnCeremony(challenge, rpId, origin, write(options));
    }

    /**
     * Checks the browser's answer to a registration: the challenge, origin and relying party, and the
     * authenticator's data.
     *
     * @param responseJson the PublicKeyCredential as JSON (RegistrationResponseJSON)
     * @throws MfaProblem when it does not verify
     */
    public Registered register(WebAuthnCeremony ceremony, String responseJson) {
        try {
            RegistrationData data = manager.verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(serverProperty(ceremony), ALGORITHMS, false, true));
            AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData()
                    .getAttestedCredentialData();
            return new Registered(BASE64URL.encodeToString(credential.getCredentialId()),
                    credentials.convert(credential), data.getAttestationObject().getAuthenticatorData().getSignCount());
        } catch (WebAuthnException | IllegalArgumentException e) {
            throw new MfaProblem("The security key's answer did not verify (" + e.getClass().getSimpleName()
                    + "). Try again.");
        }
    }

    /**
     * Checks the browser's answer to an assertion against the person's stored credentials.
     *
     * @param responseJson the PublicKeyCredential as JSON (AuthenticationResponseJSON)
     * @return empty when the credential is not one of them
     * @throws MfaProblem when the signature or anything it signed does not verify
     */
    public Optional<Asserted> verify(WebAuthnCeremony ceremony, String responseJson, List<StoredCredential> mine) {
        try {
            AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
            String id = BASE64URL.encodeToString(data.getCredentialId());
            Optional<StoredCredential> stored = mine.stream().filter(c -> c.credentialId().equals(id)).findFirst();
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    stored.get().signCount(), credentials.convert(stored.get().credential()),
                    new AuthenticationExtensionsAuthenticatorOutputs<>(), null, null, null);
            manager.verify(data, new AuthenticationParameters(serverProperty(ceremony), record,
                    List.of(data.getCredentialId()), false, true));
            return Optional.of(new Asserted(stored.get(), data.getAuthenticatorData().getSignCount()));
        } catch (WebAuthnException | IllegalArgumentException e) {
            throw new MfaProblem("The security key's answer did not verify (" + e.getClass().getSimpleName()
                    + ").");
        }
    }

    private static ServerProperty serverProperty(WebAuthnCeremony ceremony) {
        return new ServerProperty(Origin.create(ceremony.origin()), ceremony.rpId(),
                new DefaultChallenge(ceremony.challenge()));
    }

    /** The origin browsers see: the configured public URL, else the address of the current request. */
    private String origin() {
        String base = baseUrl;
        if (base.isBlank() && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            boolean defaultPort = request.getServerPort() == ("https".equals(request.getScheme()) ? 443 : 80);
            base = request.getScheme() + "://" + request.getServerName()
                    + (defaultPort ? "" : ":" + request.getServerPort());
        }
        if (base.isBlank()) {
            throw new MfaProblem("Gatehouse does not know its public address; an admin sets "
                    + "GATEHOUSE_SECURITY_SAML_BASE_URL.");
        }
        URI uri = URI.create(base.strip());
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static byte[] challenge() {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        return challenge;
    }

    /** A stable id for the person that reveals nothing: a hash of the sign-in name. */
    private static byte[] userHandle(String subject) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(subject.toLowerCase()
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String write(Map<String, Object> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings and numbers always serialise", e);
        }
    }
}
