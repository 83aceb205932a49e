package dev.gatehouse.shared;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every {@link StoredSecrets} value encrypted under the current key: at start-up it encrypts values
 * still in plaintext, and the rotation command re-encrypts the rest. Each runs in one transaction and
 * replaces a row only if it is unchanged since it was read, so nodes starting together do no harm.
 */
@Component
public class SecretSealing {

    /** What a rotation did. @param unreadable a line per value that did not open; then nothing was changed */
    public record Rotation(String keyId, int reEncrypted, int alreadyCurrent, List<String> unreadable) {

        public boolean succeeded() {
            return unreadable.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SecretSealing.class);

    private final SecretCipher cipher;
    private final List<StoredSecrets> stores;
    private final TransactionTemplate transaction;

    SecretSealing(SecretCipher cipher, List<StoredSecrets> stores, PlatformTransactionManager transactions) {
        this.cipher = cipher;
        this.stores = stores;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Encrypts every stored secret still in plaintext; running it again finds none. @return how many */
    public int sealPlaintext() {
        return transaction.execute(status -> {
            int sealed = 0;
            for (StoredSecrets store : stores) {
                int count = 0;
                for (StoredSecrets.Value value : store.all()) {
                    if (!SecretCipher.isSealed(value.stored())
                            && store.replace(value, cipher.seal(value.stored(), value.purpose()))) {
                        count++;
                    }
                }
                if (count > 0) {
                    log.info("Encrypted {} {} that were stored in plaintext, under key {}.", count,
                            store.description(), cipher.currentKeyId());
                }
                sealed += count;
            }
            return sealed;
        });
    }

    /**
     * Re-encrypts under the current key every stored secret that is not (plaintext included), and checks
     * that the others open with it. When any value does not open, nothing is changed.
     */
    public Rotation rotate() {
        return transaction.execute(status -> {
            int reEncrypted = 0;
            int current = 0;
            List<String> unreadable = new ArrayList<>();
            for (StoredSecrets store : stores) {
                for (StoredSecrets.Value value : store.all()) {
                    try {
                        if (SecretCipher.keyIdOf(value.stored()).filter(cipher.currentKeyId()::equals).isPresent()) {
                            cipher.open(value.stored(), value.purpose());
                            current++;
                        } else if (store.replace(value, cipher.sealAgain(value.stored(), value.purpose()))) {
                            reEncrypted++;
                        }
                    } catch (SecretUnreadable e) {
                        unreadable.add(store.description() + ", " + value.row() + ": " + e.getMessage());
                    }
                }
            }
            if (!unreadable.isEmpty()) {
                status.setRollbackOnly();
            }
            return new Rotation(cipher.currentKeyId(), unreadable.isEmpty() ? reEncrypted : 0, current,
                    List.copyOf(unreadable));
        });
    }
}
