package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** Where the keys for stored secrets come from, and each mistake as one sentence saying what to set. */
class SecretKeysTest {

    private final String current = Base64.getEncoder().encodeToString(SecretCipherTest.randomKey());
    private final String previous = Base64.getEncoder().encodeToString(SecretCipherTest.randomKey());

    @Test
    void production_mode_refuses_to_start_without_a_key_and_says_what_to_set() {
        new ApplicationContextRunner().withUserConfiguration(SecretCipher.class)
                .withPropertyValues(GatehouseMode.IDP_METADATA_PROPERTY + "=https://idp.example.test/metadata")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(StartupProblem.class)
                            .hasMessageContaining("Production mode needs a key to encrypt the secrets")
                            .satisfies(e -> assertThat(((StartupProblem) e).action())
                                    .contains("GATEHOUSE_SECRETS_KEY", "GATEHOUSE_SECRETS_KEY_FILE"));
                });
    }

    @Test
    void production_mode_starts_with_a_key() {
        new ApplicationContextRunner().withUserConfiguration(SecretCipher.class)
                .withPropertyValues(GatehouseMode.IDP_METADATA_PROPERTY + "=https://idp.example.test/metadata",
                        SecretKeys.KEY_PROPERTY + "=" + current)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SecretCipher.class));
    }

    @Test
    void the_first_key_is_the_current_one_and_later_ones_are_still_read() {
        SecretKeys keys = SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_PROPERTY, current + ", " + previous));

        assertThat(keys.current().id()).isEqualTo(SecretKeys.idOf(Base64.getDecoder().decode(current)));
        assertThat(keys.find(SecretKeys.idOf(Base64.getDecoder().decode(previous)))).isPresent();
    }

    @Test
    void a_key_file_holds_one_key_a_line_with_comments(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("keys"),
                "# rotated in May\n" + current + "\n\n" + previous + "\n");

        SecretKeys keys = SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_FILE_PROPERTY, file.toString()));

        assertThat(keys.current().id()).isEqualTo(SecretKeys.idOf(Base64.getDecoder().decode(current)));
        assertThat(keys.find(SecretKeys.idOf(Base64.getDecoder().decode(previous)))).isPresent();
    }

    @Test
    void a_key_of_the_wrong_size_is_named_by_position_never_echoed() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_PROPERTY, current + "," + short16)))
                .isInstanceOf(StartupProblem.class)
                .hasMessage("Key 2 in GATEHOUSE_SECRETS_KEY is 16 bytes; AES-256 needs 32.")
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains("openssl rand -base64 32"));
    }

    @Test
    void a_key_that_is_not_base64_is_named() {
        assertThatThrownBy(() -> SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_PROPERTY, "not-base64!")))
                .isInstanceOf(StartupProblem.class).hasMessage("Key 1 in GATEHOUSE_SECRETS_KEY is not base64.");
    }

    @Test
    void a_missing_key_file_says_where_it_looked(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_FILE_PROPERTY, missing.toString())))
                .isInstanceOf(StartupProblem.class)
                .hasMessageStartingWith("Gatehouse cannot read the key file " + missing);
    }

    @Test
    void a_key_and_a_key_file_together_are_refused() {
        assertThatThrownBy(() -> SecretKeys.from(new MockEnvironment()
                .withProperty(SecretKeys.KEY_PROPERTY, current).withProperty(SecretKeys.KEY_FILE_PROPERTY, "/x")))
                .isInstanceOf(StartupProblem.class).hasMessageContaining("Both");
    }

    @Test
    void demo_mode_generates_a_key_once_and_a_restart_reads_the_same(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("demo/secrets.key");
        MockEnvironment demo = new MockEnvironment().withProperty(SecretKeys.DEMO_KEY_FILE_PROPERTY, file.toString());

        String sealed = new SecretCipher(SecretKeys.from(demo)).seal("JBSWY3DPEHPK3PXP", "test:row");
        SecretCipher afterRestart = new SecretCipher(SecretKeys.from(demo));

        assertThat(afterRestart.open(sealed, "test:row")).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
