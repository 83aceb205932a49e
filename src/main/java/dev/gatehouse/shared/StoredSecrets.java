package dev.gatehouse.shared;

import java.util.List;

/**
 * A module's secrets in the database, as {@link SecretSealing} finds them: a bean of this type lets
 * the start-up step encrypt plaintext values and the rotation command re-encrypt them all.
 */
public interface StoredSecrets {

    /** One stored value. @param row what the row is, for messages ("MFA factor 12 of riley.chen") */
    record Value(long id, String row, String purpose, String stored) {
    }

    /** What these are, for messages: "TOTP secrets". */
    String description();

    /** Every stored value, with the purpose it was (or will be) sealed for. */
    List<Value> all();

    /** Stores a new form of the value, unless the row changed since it was read; @return whether it was stored */
    boolean replace(Value value, String sealed);
}
