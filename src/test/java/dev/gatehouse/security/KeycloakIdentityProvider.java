package dev.gatehouse.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.gatehouse.BrowserTests;

/**
 * A real Keycloak on 127.0.0.1 (the zip from Maven Central, unpacked by the build), with an in-memory
 * database and a realm imported at start: one user, alice, in the groups gatehouse-admins and
 * engineering, and a SAML client for Gatehouse at the given URL.
 */
final class KeycloakIdentityProvider implements AutoCloseable {

    static final String REALM = "gatehouse";
    static final String USER = "alice";
    static final String PASSWORD = "alice-pass";

    private static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Process process;
    private final int port;

    private KeycloakIdentityProvider(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakIdentityProvider start(Path home, String gatehouseUrl, SelfSignedKeys spKeys, Path log)
            throws IOException, InterruptedException {
        int port = BrowserTests.freePort();
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(imports.resolve("gatehouse-realm.json"), realm(gatehouseUrl, spKeys));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--http-management-port=" + BrowserTests.freePort(), "--health-enabled=false", "--db=dev-mem", "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", TEMURIN.toString());
        builder.environment().put("PATH", TEMURIN.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().put("JAVA_OPTS_APPEND", "-Xmx512m");
        KeycloakIdentityProvider keycloak = new KeycloakIdentityProvider(builder.start(), port);
        keycloak.awaitMetadata(Duration.ofMinutes(4), log);
        return keycloak;
    }

    String metadataUrl() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM + "/protocol/saml/descriptor";
    }

    private void awaitMetadata(Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metadataUrl())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not serve " + metadataUrl() + " within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static String realm(String gatehouseUrl, SelfSignedKeys spKeys) {
        String entityId = gatehouseUrl + "/saml2/service-provider-metadata/gatehouse";
        List<String> mappers = List.of(
                propertyMapper("email", "email"), propertyMapper("firstName", "firstName"),
                propertyMapper("lastName", "lastName"),
                """
                {"name":"groups","protocol":"saml","protocolMapper":"saml-group-membership-mapper",
                 "config":{"attribute.name":"groups","friendly.name":"groups","attribute.nameformat":"Basic",
                           "full.path":"false","single":"false"}}""");
        return """
                {
                  "realm": "%s", "enabled": true,
                  "groups": [{"name": "gatehouse-admins"}, {"name": "engineering"}],
                  "users": [{
                    "username": "%s", "enabled": true, "email": "alice@example.test", "emailVerified": true,
                    "firstName": "Alice", "lastName": "Liddell", "groups": ["/gatehouse-admins", "/engineering"],
                    "credentials": [{"type": "password", "value": "%s", "temporary": false}]
                  }],
                  "clients": [{
                    "clientId": "%s", "name": "gatehouse", "protocol": "saml", "enabled": true,
                    "redirectUris": ["%s/*"], "baseUrl": "%s/",
                    "attributes": {
                      "saml_assertion_consumer_url_post": "%s/login/saml2/sso/gatehouse",
                      "saml.client.signature": "true", "saml.signing.certificate": "%s",
                      "saml.server.signature": "true", "saml.assertion.signature": "true",
                      "saml.signature.algorithm": "RSA_SHA256", "saml.force.post.binding": "true",
                      "saml.authnstatement": "true", "saml_force_name_id_format": "true",
                      "saml_name_id_format": "username", "saml.encrypt": "false"
                    },
                    "protocolMappers": [%s]
                  }]
                }
                """.formatted(REALM, USER, PASSWORD, entityId, gatehouseUrl, gatehouseUrl, gatehouseUrl,
                spKeys.certificateBase64(), String.join(",", mappers));
    }

    private static String propertyMapper(String property, String attribute) {
        return """
                {"name":"%s","protocol":"saml","protocolMapper":"saml-user-property-mapper",
                 "config":{"user.attribute":"%s","attribute.name":"%s","friendly.name":"%s","attribute.nameformat":"Basic"}}"""
                .formatted(attribute, property, attribute, attribute);
    }

}
