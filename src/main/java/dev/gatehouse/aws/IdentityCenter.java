package dev.gatehouse.aws;

import io.micrometer.core.instrument.MeterRegistry;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/**
 * A connection to Identity Center and its organization, with one class per AWS service area. They share
 * the SDK clients and one {@link AwsCalls}, so every call is paced, retried and counted in one place.
 */
public final class IdentityCenter implements AutoCloseable {

    private final IdentityCenterClients clients;
    private final Organizations organizations;
    private final IdentityStore identityStore;
    private final AccountAssignments accountAssignments;
    private final PermissionSets permissionSets;
    private final PermissionSetChanges permissionSetChanges;
    private final ManagedPolicies managedPolicies;

    private IdentityCenter(IdentityCenterClients clients) {
        this.clients = clients;
        this.organizations = new Organizations(clients);
        this.identityStore = new IdentityStore(clients);
        this.accountAssignments = new AccountAssignments(clients);
        this.permissionSets = new PermissionSets(clients);
        this.permissionSetChanges = new PermissionSetChanges(clients);
        this.managedPolicies = new ManagedPolicies(clients);
    }

    /** Makes no call yet: the instance is looked up on first use, so bad credentials fail a sync, not start-up. */
    public static IdentityCenter connect(AwsConnection connection, MeterRegistry meters) {
        return new IdentityCenter(new IdentityCenterClients(connection, meters));
    }

    public Organizations organizations() {
        return organizations;
    }

    public IdentityStore identityStore() {
        return identityStore;
    }

    public AccountAssignments accountAssignments() {
        return accountAssignments;
    }

    public PermissionSets permissionSets() {
        return permissionSets;
    }

    public PermissionSetChanges permissionSetChanges() {
        return permissionSetChanges;
    }

    public ManagedPolicies managedPolicies() {
        return managedPolicies;
    }

    @Override
    public void close() {
        clients.close();
    }
}
