package dev.gatehouse.permissionset;

/**
 * A permission set's permissions boundary: none, an AWS managed policy by ARN, or a customer managed policy
 * by name and path (which, like any customer managed reference, each account defines for itself).
 */
public sealed interface PermissionsBoundary {

    PermissionsBoundary NONE = new None();

    /** For people: "none", "AWS managed policy arn:...", "customer managed policy /path/Name". */
    String describe();

    static PermissionsBoundary managedPolicy(String arn) {
        return new ManagedPolicy(arn);
    }

    static PermissionsBoundary customerManaged(PolicyReference reference) {
        return new CustomerManaged(reference);
    }

    default boolean isNone() {
        return this instanceof None;
    }

    record None() implements PermissionsBoundary {
        @Override
        public String describe() {
            return "none";
        }
    }

    record ManagedPolicy(String arn) implements PermissionsBoundary {
        public ManagedPolicy {
            arn = arn == null ? "" : arn;
        }

        @Override
        public String describe() {
            return "AWS managed policy " + arn;
        }
    }

    record CustomerManaged(PolicyReference reference) implements PermissionsBoundary {
        public CustomerManaged {
            reference = reference == null ? new PolicyReference("", "/") : reference;
        }

        @Override
        public String describe() {
            return "customer managed policy " + reference.describe();
        }
    }
}
