package dev.gatehouse.shared;

/**
 * A stored secret that cannot be decrypted with the configured keys. The message says why and what
 * the operator can do, and never holds the secret; show people a sentence of your own, not this.
 */
public class SecretUnreadable extends RuntimeException {

    public SecretUnreadable(String reason) {
        super("The stored secret cannot be read: " + reason);
    }
}
