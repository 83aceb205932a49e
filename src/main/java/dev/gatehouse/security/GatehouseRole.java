package dev.gatehouse.security;

/**
 * What a signed-in person may do in Gatehouse. Approvers are not a role: approval rules name them.
 * Each role is the Spring authority {@code ROLE_<name>}. Services say who may call them with {@link AdminOnly},
 * {@link AdminOrAuditor} or {@link AnyoneSignedIn}. Views use {@code @RolesAllowed(GatehouseRole.ADMIN_NAME)}
 * or {@code @PermitAll}: Vaadin's navigation access control reads those annotations only where they are
 * written, not through meta-annotations.
 */
public enum GatehouseRole {
    REQUESTER("Requester"),
    ADMIN("Admin"),
    AUDITOR("Auditor");

    /** Role names for {@code @RolesAllowed} and the role annotations, which need compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";

    private final String label;

    GatehouseRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
