package dev.gatehouse.aws;

import java.util.function.Consumer;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/** IAM's catalogue of AWS managed policies, which a permission set may attach. */
public final class ManagedPolicies {

    /** IAM's largest page. */
    private static final int PAGE = 1000;

    private final IamClient iam;
    private final AwsCalls calls;

    ManagedPolicies(IdentityCenterClients clients) {
        this.iam = clients.iam();
        this.calls = clients.calls();
    }

    /** Every AWS managed policy (ListPolicies with Scope=AWS), page by page in IAM's order. */
    public void awsManagedPolicies(Consumer<AwsManagedPolicy> consumer) {
        calls.pages(AwsService.IAM, "ListPolicies",
                marker -> iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).maxItems(PAGE).marker(marker)),
                response -> response.policies(),
                response -> Boolean.TRUE.equals(response.isTruncated()) ? response.marker() : null,
                policy -> consumer.accept(new AwsManagedPolicy(policy.policyName(), policy.arn(), policy.path())));
    }
}
