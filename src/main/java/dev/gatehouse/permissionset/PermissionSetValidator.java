package dev.gatehouse.permissionset;

import java.util.List;

import dev.gatehouse.permissionset.internal.SpecChecks;

/**
 * Checks a permission set definition before it goes to AWS, without calling AWS: SSO Admin's quotas and
 * patterns for each field, the inline policy's JSON syntax and IAM grammar (each finding on its line), and the
 * risks Gatehouse names itself: {@code *} on {@code *}, {@code iam:*} or {@code iam:PassRole} on {@code *},
 * admin-level access without a permissions boundary, and customer managed policies, which each account defines.
 */
public final class PermissionSetValidator {

    private PermissionSetValidator() {
    }

    /** The findings in the order of the spec's fields, the inline policy's by line; empty when there is nothing to say. */
    public static List<PolicyFinding> validate(PermissionSetSpec spec) {
        return SpecChecks.check(spec);
    }
}
