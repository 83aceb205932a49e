package dev.gatehouse.permissionset;

/**
 * A customer managed policy by name and path, as a permission set names it: the policy itself lives in each
 * account the permission set is provisioned to. A blank path is IAM's default, "/".
 */
public record PolicyReference(String name, String path) {

    public PolicyReference {
        name = name == null ? "" : name;
        path = path == null || path.isBlank() ? "/" : path;
    }

    public static PolicyReference of(String name) {
        return new PolicyReference(name, "/");
    }

    /** Path and name as IAM writes them together: "/team/Deploy". */
    public String describe() {
        return (path.endsWith("/") ? path : path + "/") + name;
    }
}
