package dev.gatehouse.sandbox;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.Account;
import dev.gatehouse.sandbox.SandboxOrganization.OrganizationalUnit;

/**
 * AWS Organizations: roots, OUs by parent and accounts by parent, 20 per page at most, and an account's
 * tags (ListTagsForResource, which AWS pages too, with no MaxResults).
 */
final class OrganizationsApi {

    private static final String INVALID = "InvalidInputException";
    private static final String ORG_ARN = "arn:aws:organizations::111100000000:";

    private final SandboxOrganization org;
    private final SandboxHandler handler;
    private final Paging paging = new Paging(INVALID, 20);

    OrganizationsApi(SandboxOrganization org, SandboxHandler handler) {
        this.org = org;
        this.handler = handler;
    }

    ObjectNode handle(String operation, JsonNode request) {
        ObjectNode out = SandboxHandler.object();
        switch (operation) {
            case "ListRoots" -> paging.page(out, "Roots", List.of(SandboxOrganization.ROOT_ID), request, "roots",
                    false, id -> SandboxHandler.object().put("Id", id).put("Name", "Root")
                            .put("Arn", ORG_ARN + "root/o-sandbox/" + id));
            case "ListOrganizationalUnitsForParent" -> {
                String parent = parent(request);
                List<OrganizationalUnit> units;
                synchronized (org) {
                    units = org.units.values().stream().filter(u -> u.parentId().equals(parent)).toList();
                }
                paging.page(out, "OrganizationalUnits", units, request, "ous:" + parent, handler.emptyPage(),
                        u -> SandboxHandler.object().put("Id", u.id()).put("Name", u.name())
                                .put("Arn", ORG_ARN + "ou/o-sandbox/" + u.id()));
            }
            case "ListAccountsForParent" -> {
                String parent = parent(request);
                List<Account> accounts;
                synchronized (org) {
                    accounts = org.accounts.values().stream().filter(a -> a.parentId().equals(parent)).toList();
                }
                paging.page(out, "Accounts", accounts, request, "accounts:" + parent, handler.emptyPage(),
                        OrganizationsApi::account);
            }
            case "ListAccounts" -> {
                List<Account> accounts;
                synchronized (org) {
                    accounts = List.copyOf(org.accounts.values());
                }
                paging.page(out, "Accounts", accounts, request, "accounts", handler.emptyPage(),
                        OrganizationsApi::account);
            }
            case "ListTagsForResource" -> {
                String id = SandboxHandler.required(request, "ResourceId", INVALID);
                List<Map.Entry<String, String>> tags;
                synchronized (org) {
                    if (!org.accounts.containsKey(id)) {
                        throw new AwsError(400, "TargetNotFoundException", "No account " + id);
                    }
                    tags = List.copyOf(new TreeMap<>(org.tagsOf(id)).entrySet());
                }
                paging.page(out, "Tags", tags, request, "tags:" + id, false,
                        tag -> SandboxHandler.object().put("Key", tag.getKey()).put("Value", tag.getValue()));
            }
            default -> throw new AwsError(400, "UnknownOperationException", "Sandbox does not serve " + operation);
        }
        return out;
    }

    private String parent(JsonNode request) {
        String parent = SandboxHandler.required(request, "ParentId", INVALID);
        synchronized (org) {
            if (!parent.equals(SandboxOrganization.ROOT_ID) && !org.units.containsKey(parent)) {
                throw new AwsError(400, "ParentNotFoundException", "No parent " + parent);
            }
        }
        return parent;
    }

    private static JsonNode account(Account account) {
        return SandboxHandler.object().put("Id", account.id()).put("Name", account.name())
                .put("Email", account.email()).put("Status", account.status())
                .put("Arn", ORG_ARN + "account/o-sandbox/" + account.id())
                .put("JoinedMethod", "CREATED").put("JoinedTimestamp", 1_700_000_000);
    }
}
