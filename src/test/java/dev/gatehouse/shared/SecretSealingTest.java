package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;

class SecretSealingTest {

    private static final String KEY = Base64.getEncoder().encodeToString(SecretCipherTest.randomKey());

    @Test
    void starting_the_application_encrypts_plaintext_secrets_before_anything_reads_them() {
        InMemorySecrets store = new InMemorySecrets("hunter2");

        new ApplicationContextRunner()
                .withPropertyValues(SecretKeys.KEY_PROPERTY + "=" + KEY)
                .withBean(StoredSecrets.class, () -> store)
                .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
                .withUserConfiguration(SecretCipher.class, SecretSealing.class, SecretsConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    String stored = store.values.get(0).stored();
                    assertThat(SecretCipher.isSealed(stored)).isTrue();
                    assertThat(context.getBean(SecretCipher.class).open(stored, "test:1")).isEqualTo("hunter2");
                });
    }

    /** A module's stored secrets, in a list. */
    private static final class InMemorySecrets implements StoredSecrets {

        final List<Value> values = new ArrayList<>();

        InMemorySecrets(String plaintext) {
            values.add(new Value(1, "row 1", "test:1", plaintext));
        }

        @Override
        public String description() {
            return "test secrets";
        }

        @Override
        public List<Value> all() {
            return List.copyOf(values);
        }

        @Override
        public boolean replace(Value value, String sealed) {
            if (!values.remove(value)) {
                return false;
            }
            values.add(new Value(value.id(), value.row(), value.purpose(), sealed));
            return true;
        }
    }
}
