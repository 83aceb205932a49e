package dev.gatehouse;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.util.ClassUtils;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.TestMfa;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.shared.SecretCipher;
import dev.gatehouse.shared.StoredSecrets;

/**
 * The rotation command against the test database. This application runs with the test configuration's
 * two keys, the new one first and the old one second, as a node does during a rotation.
 */
@SpringBootTest
class SecretRotationTest {

    private final GatehouseUser casey = TestUsers.someoneNew("casey");
    private final GatehouseUser drew = TestUsers.someoneNew("drew");

    @Value("${gatehouse.secrets.key}")
    private String configuredKeys;
    @Autowired
    private TestMfa mfa;
    @Autowired
    private MfaRepository repository;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private StepUp stepUp;
    @Autowired
    private ApplicationContext context;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void noFactors() {
        mfa.clear(casey);
        mfa.clear(drew);
    }

    @Test
    void totp_works_after_a_key_rotation() {
        String caseysSecret = mfa.enrolTotp(casey);
        String drewsSecret = mfa.enrolTotp(drew);
        // Puts the secrets back where they were before the rotation: under the old key.
        assertThat(rotate(oldKey() + "," + newKey())).as(this::printed).isZero();
        String oldKeyId = keyId(casey).orElseThrow();
        assertThat(oldKeyId).isNotEqualTo(cipher.currentKeyId());

        // With the new key current and the old one kept as a previous key, a secret of before still verifies.
        verify(casey, TestMfa.nextCode(caseysSecret));

        assertThat(rotate(newKey() + "," + oldKey())).as(this::printed).isZero();
        assertThat(keyId(casey)).hasValue(cipher.currentKeyId());
        assertThat(keyId(drew)).hasValue(cipher.currentKeyId());
        assertThat(printed()).contains("under key " + cipher.currentKeyId());

        // The old key removed: every stored secret opens with the new one alone, and codes still verify.
        output.reset();
        assertThat(rotate(newKey())).as(this::printed).isZero();
        assertThat(printed()).contains("Re-encrypted 0 stored secrets",
                "previous keys may be removed");
        verify(drew, TestMfa.nextCode(drewsSecret));
    }

    @Test
    void a_rotation_without_a_key_some_secret_needs_changes_nothing_and_names_that_key() {
        mfa.enrolTotp(casey);
        rotate(oldKey() + "," + newKey());
        String before = repository.totps(casey.subject()).get(0).storedSecret();
        output.reset();

        assertThat(rotate(newKey())).as(this::printed).isEqualTo(1);

        assertThat(printed())
                .startsWith("Nothing was changed:")
                .contains("TOTP secrets, MFA factor ", casey.subject(), "encrypted with key "
                        + SecretCipher.keyIdOf(before).orElseThrow() + ", which is not among the configured keys");
        assertThat(repository.totps(casey.subject()).get(0).storedSecret()).isEqualTo(before);
        assertThat(rotate(newKey() + "," + oldKey())).as(this::printed).isZero();
    }

    @Test
    void the_rotation_command_knows_every_module_that_stores_secrets() {
        Set<Class<?>> imported = imports(SecretRotation.class, new HashSet<>());

        assertThat(context.getBeansOfType(StoredSecrets.class).values())
                .map(bean -> (Class<?>) ClassUtils.getUserClass(bean))
                .isNotEmpty().allMatch(imported::contains);
    }

    private static Set<Class<?>> imports(Class<?> type, Set<Class<?>> found) {
        Import imports = type.getAnnotation(Import.class);
        for (Class<?> imported : imports == null ? new Class<?>[0] : imports.value()) {
            if (found.add(imported)) {
                imports(imported, found);
            }
        }
        return found;
    }

    private int rotate(String keys) {
        return SecretRotation.run(new PrintStream(output, true, StandardCharsets.UTF_8),
                "--gatehouse.secrets.key=" + keys);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private void verify(GatehouseUser user, String code) {
        as(user, () -> {
            stepUp.verifyCode(code);
            return null;
        });
        assertThat(as(user, stepUp::fresh)).isTrue();
    }

    private Optional<String> keyId(GatehouseUser user) {
        return SecretCipher.keyIdOf(repository.totps(user.subject()).get(0).storedSecret());
    }

    private String newKey() {
        return configuredKeys.split(",")[0];
    }

    private String oldKey() {
        return configuredKeys.split(",")[1];
    }
}
