package dev.gatehouse.directory;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An AWS account's id: twelve digits, leading zeros included. Written as the bare id, in text and in JSON
 * (so events stored before it existed still read).
 */
public record AccountId(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!TWELVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not \"" + value + "\"");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
