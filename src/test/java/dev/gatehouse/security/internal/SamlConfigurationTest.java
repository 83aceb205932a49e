package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

import dev.gatehouse.shared.StartupProblem;
import dev.gatehouse.security.SelfSignedKeys;
import dev.gatehouse.security.TestIdentityProvider;

/** Configuration mistakes stop start-up with a sentence saying which setting to fix. */
class SamlConfigurationTest {

    private final SamlConfiguration configuration = new SamlConfiguration();

    @Test
    void production_mode_without_idp_metadata_names_the_setting() {
        assertThatThrownBy(() -> configuration.relyingPartyRegistrations(saml("", ""), new DefaultResourceLoader()))
                .isInstanceOf(StartupProblem.class)
                .hasMessageContaining("no IdP metadata is configured")
                .satisfies(e -> assertThat(((StartupProblem) e).action())
                        .contains("GATEHOUSE_SECURITY_SAML_IDP_METADATA"));
    }

    @Test
    void unreadable_idp_metadata_says_where_it_looked() {
        assertThatThrownBy(() -> configuration.relyingPartyRegistrations(saml("/nonexistent/idp.xml", ""),
                new DefaultResourceLoader()))
                .isInstanceOf(StartupProblem.class)
                .hasMessageStartingWith("Gatehouse cannot read the IdP metadata at /nonexistent/idp.xml");
    }

    @Test
    void a_signing_key_that_is_not_pem_is_named(@TempDir Path folder) throws IOException {
        Path metadata = Files.writeString(folder.resolve("idp.xml"), TestIdentityProvider.metadata(
                "https://idp.example.test", SelfSignedKeys.generate("idp").certificateBase64()));
        Path key = Files.writeString(folder.resolve("key.pem"), "not a key");

        assertThatThrownBy(() -> configuration.relyingPartyRegistrations(saml(metadata.toString(), key.toString()),
                new DefaultResourceLoader()))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("The SAML signing key at " + key + " is not a PEM PKCS#8 RSA key.");
    }

    private static SecurityProperties saml(String metadata, String signingKey) {
        return new SecurityProperties(new SecurityProperties.Saml("gatehouse", metadata, "IdP", "", signingKey, "",
                "groups", "email", "displayName", "firstName", "lastName", SecurityProperties.UserLookup.USER_NAME,
                Duration.ofMinutes(2), false, null, null), List.of(), List.of(), null, null, null);
    }
}
