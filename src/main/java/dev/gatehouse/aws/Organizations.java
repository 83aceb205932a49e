package dev.gatehouse.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import software.amazon.awssdk.services.organizations.OrganizationsClient;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/** Reads of AWS Organizations: the OU tree and its accounts, page by page, and an account's tags. */
public final class Organizations {

    private final OrganizationsClient organizations;
    private final AwsCalls calls;

    Organizations(IdentityCenterClients clients) {
        this.organizations = clients.organizations();
        this.calls = clients.calls();
    }

    /** Walks the OU tree from the root, breadth first: each OU before its children, with its accounts. */
    public void walkOrganization(Consumer<OrganizationalUnit> units, Consumer<AwsAccount> accounts) {
        Deque<String> parents = new ArrayDeque<>();
        calls.pages(AwsService.ORGANIZATIONS, "ListRoots",
                token -> organizations.listRoots(r -> r.nextToken(token)),
                response -> response.roots().stream().map(root -> root.id()).toList(),
                response -> response.nextToken(), parents::add);
        while (!parents.isEmpty()) {
            String parent = parents.poll();
            calls.pages(AwsService.ORGANIZATIONS, "ListOrganizationalUnitsForParent",
                    token -> organizations.listOrganizationalUnitsForParent(
                            r -> r.parentId(parent).maxResults(20).nextToken(token)),
                    response -> response.organizationalUnits(), response -> response.nextToken(),
                    unit -> {
                        units.accept(new OrganizationalUnit(unit.id(), parent, unit.name()));
                        parents.add(unit.id());
                    });
            calls.pages(AwsService.ORGANIZATIONS, "ListAccountsForParent",
                    token -> organizations.listAccountsForParent(r -> r.parentId(parent).maxResults(20).nextToken(token)),
                    response -> response.accounts(), response -> response.nextToken(),
                    account -> accounts.accept(new AwsAccount(account.id(), parent, account.name(), account.email(),
                            account.statusAsString())));
        }
    }

    /** The account's tags (ListTagsForResource), by key. */
    public Map<String, String> accountTags(String accountId) {
        Map<String, String> tags = new LinkedHashMap<>();
        calls.pages(AwsService.ORGANIZATIONS, "ListTagsForResource",
                token -> organizations.listTagsForResource(r -> r.resourceId(accountId).nextToken(token)),
                response -> response.tags(), response -> response.nextToken(), tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }
}
