package dev.gatehouse;

import java.io.PrintStream;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.gatehouse.security.SecurityStoredSecrets;
import dev.gatehouse.shared.SecretCipher;
import dev.gatehouse.shared.SecretSealing;

/**
 * {@code java -jar gatehouse.jar rotate-secrets}: re-encrypts every stored secret under the current key
 * (the first of GATEHOUSE_SECRETS_KEY or the key file), checks that the rest open with it, prints what it
 * did, and returns 0, or 1 without changing anything when a value cannot be read. Afterwards previous
 * keys may be removed. Only the database connection starts: no web server, no scheduler, no migration.
 * Each module that stores secrets is imported here; a test checks none is missing.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JooqAutoConfiguration.class})
@Import({SecretCipher.class, SecretSealing.class, SecurityStoredSecrets.class})
class SecretRotation {

    /** The first argument that rotates the secrets' key instead of starting the application. */
    static final String COMMAND = "rotate-secrets";

    /** @return the exit code */
    static int run(PrintStream out, String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecretRotation.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            SecretSealing.Rotation rotation = context.getBean(SecretSealing.class).rotate();
            if (!rotation.succeeded()) {
                out.println("Nothing was changed: " + rotation.unreadable().size() + " stored secrets cannot be read "
                        + "with the configured keys.");
                rotation.unreadable().forEach(line -> out.println("  " + line));
                return 1;
            }
            out.println("Re-encrypted " + rotation.reEncrypted() + " stored secrets under key " + rotation.keyId()
                    + "; " + rotation.alreadyCurrent() + " were under it already. Every stored secret opens with this "
                    + "key, so previous keys may be removed.");
            return 0;
        }
    }
}
