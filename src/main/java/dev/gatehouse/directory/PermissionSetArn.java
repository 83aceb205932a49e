package dev.gatehouse.directory;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A permission set's ARN, arn:aws:sso:::permissionSet/ssoins-…/ps-…: the id Identity Center keeps for
 * it while its name may change. Written as the bare ARN, in text and in JSON.
 */
public record PermissionSetArn(String value) {

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:sso:::permissionSet/[^/\\s]+/ps-[^/\\s]+");

    public PermissionSetArn {
        Objects.requireNonNull(value, "value");
        if (!ARN.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a permission set's ARN: \"" + value + "\"");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PermissionSetArn of(String value) {
        return new PermissionSetArn(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
