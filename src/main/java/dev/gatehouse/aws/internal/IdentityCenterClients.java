package dev.gatehouse.aws.internal;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

import dev.gatehouse.aws.AwsCallFailed;
import dev.gatehouse.aws.AwsConnection;

/**
 * What every service class of the adapter shares: one SDK client per service (Organizations, Identity Store,
 * SSO Admin, and IAM for the managed-policy catalogue) with the SDK's retries off,
 * one {@link AwsCalls} (so pacing covers all of them), and the Identity Center instance, looked up on
 * first use so that bad credentials fail a sync, not start-up.
 */
public final class IdentityCenterClients implements AutoCloseable {

    private final OrganizationsClient organizations;
    private final IdentitystoreClient identityStore;
    private final SsoAdminClient ssoAdmin;
    private final IamClient iam;
    private final AwsCalls calls;
    private final AwsConnection connection;
    private volatile InstanceMetadata instance;

    public IdentityCenterClients(AwsConnection connection, MeterRegistry meters) {
        this.organizations = configure(OrganizationsClient.builder(), connection).build();
        this.identityStore = configure(IdentitystoreClient.builder(), connection).build();
        this.ssoAdmin = configure(SsoAdminClient.builder(), connection).build();
        // IAM is global; the SDK resolves any region of the partition to IAM's one endpoint.
        this.iam = configure(IamClient.builder(), connection).build();
        this.calls = new AwsCalls(new Pacer(connection.paceFactor()), meters, connection.maxAttempts(),
                connection.baseDelay(), connection.maxDelay());
        this.connection = connection;
    }

    public OrganizationsClient organizations() {
        return organizations;
    }

    public IdentitystoreClient identityStore() {
        return identityStore;
    }

    public SsoAdminClient ssoAdmin() {
        return ssoAdmin;
    }

    public IamClient iam() {
        return iam;
    }

    public AwsCalls calls() {
        return calls;
    }

    public String instanceArn() {
        return instance().instanceArn();
    }

    public String identityStoreId() {
        return instance().identityStoreId();
    }

    private InstanceMetadata instance() {
        InstanceMetadata found = instance;
        if (found == null) {
            synchronized (this) {
                if (instance == null) {
                    instance = findInstance();
                }
                found = instance;
            }
        }
        return found;
    }

    private InstanceMetadata findInstance() {
        List<InstanceMetadata> instances = new ArrayList<>();
        calls.pages(AwsService.SSO_ADMIN, "ListInstances", token -> ssoAdmin.listInstances(r -> r.nextToken(token)),
                response -> response.instances(), response -> response.nextToken(), instances::add);
        return instances.stream()
                .filter(i -> connection.instanceArn().map(i.instanceArn()::equals).orElse(true))
                .findFirst()
                .orElseThrow(() -> new AwsCallFailed("No Identity Center instance "
                        + connection.instanceArn().orElse("") + " is visible to these credentials in "
                        + connection.region(), null));
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsConnection connection) {
        AwsCredentialsProvider credentials = connection.staticKeys()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("gatehouse", "gatehouse"))
                : DefaultCredentialsProvider.builder().build();
        builder.region(Region.of(connection.region())).credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        connection.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        organizations.close();
        identityStore.close();
        ssoAdmin.close();
        iam.close();
    }
}
