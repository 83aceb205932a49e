package dev.gatehouse.sandbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.Group;
import dev.gatehouse.sandbox.SandboxOrganization.Membership;
import dev.gatehouse.sandbox.SandboxOrganization.User;

/**
 * Identity Store: users (with the enterprise extension's manager on request), groups (with ExternalIds for
 * those a SCIM sync made), memberships, and deleting a membership by its id. AWS does not refuse writes to a
 * SCIM-provisioned group; the IdP's next push undoes them, which is why Gatehouse leaves those alone.
 */
final class IdentityStoreApi {

    private static final String INVALID = "ValidationException";
    static final String ENTERPRISE = "aws:identitystore:enterprise";

    private final SandboxOrganization org;
    private final Paging paging = new Paging(INVALID, 100);

    IdentityStoreApi(SandboxOrganization org) {
        this.org = org;
    }

    ObjectNode handle(String operation, JsonNode request) {
        store(request);
        ObjectNode out = SandboxHandler.object();
        switch (operation) {
            case "ListUsers" -> {
                boolean enterprise = wantsEnterprise(request);
                List<User> users;
                synchronized (org) {
                    users = List.copyOf(org.users.values());
                }
                paging.page(out, "Users", users, request, "users", false, u -> user(u, enterprise));
            }
            case "DescribeUser" -> {
                String id = SandboxHandler.required(request, "UserId", INVALID);
                User user;
                synchronized (org) {
                    user = org.users.get(id);
                }
                if (user == null) {
                    throw new AwsError(400, "ResourceNotFoundException", "No user " + id);
                }
                out.setAll((ObjectNode) user(user, wantsEnterprise(request)));
            }
            case "ListGroups" -> {
                List<Group> groups;
                synchronized (org) {
                    groups = List.copyOf(org.groups.values());
                }
                paging.page(out, "Groups", groups, request, "groups", false, IdentityStoreApi::group);
            }
            case "DescribeGroup" -> {
                String id = SandboxHandler.required(request, "GroupId", INVALID);
                Group group;
                synchronized (org) {
                    group = org.groups.get(id);
                }
                if (group == null) {
                    throw new AwsError(400, "ResourceNotFoundException", "GROUP not found: " + id);
                }
                out.setAll((ObjectNode) group(group));
            }
            case "GetGroupMembershipId" -> {
                String group = SandboxHandler.required(request, "GroupId", INVALID);
                String user = memberUserId(request);
                Membership found;
                synchronized (org) {
                    if (!org.groups.containsKey(group)) {
                        throw new AwsError(400, "ResourceNotFoundException", "GROUP not found: " + group);
                    }
                    found = org.membershipsByGroup.getOrDefault(group, List.of()).stream()
                            .filter(m -> m.userId().equals(user)).findFirst().orElse(null);
                }
                if (found == null) {
                    throw new AwsError(400, "ResourceNotFoundException", "GROUP_MEMBERSHIP not found for member " + user
                            + " in group " + group);
                }
                out.put("MembershipId", found.id()).put("IdentityStoreId", SandboxOrganization.IDENTITY_STORE_ID);
            }
            case "DeleteGroupMembership" -> {
                String id = SandboxHandler.required(request, "MembershipId", INVALID);
                if (!org.removeMembership(id)) {
                    throw new AwsError(400, "ResourceNotFoundException", "GROUP_MEMBERSHIP not found: " + id);
                }
            }
            case "ListGroupMemberships" -> {
                String group = SandboxHandler.required(request, "GroupId", INVALID);
                List<Membership> memberships;
                synchronized (org) {
                    if (!org.groups.containsKey(group)) {
                        throw new AwsError(400, "ResourceNotFoundException", "No group " + group);
                    }
                    memberships = List.copyOf(org.membershipsByGroup.getOrDefault(group, List.of()));
                }
                paging.page(out, "GroupMemberships", memberships, request, "members:" + group, false,
                        this::membership);
            }
            case "ListGroupMembershipsForMember" -> {
                String user = memberUserId(request);
                List<Membership> memberships;
                synchronized (org) {
                    memberships = org.membershipsByGroup.values().stream().flatMap(List::stream)
                            .filter(m -> m.userId().equals(user)).toList();
                }
                paging.page(out, "GroupMemberships", memberships, request, "member-of:" + user, false,
                        this::membership);
            }
            default -> throw new AwsError(400, "UnknownOperationException", "Sandbox does not serve " + operation);
        }
        return out;
    }

    private static String memberUserId(JsonNode request) {
        JsonNode member = request.get("MemberId");
        if (member == null || member.get("UserId") == null) {
            throw AwsError.validation(INVALID, "MemberId.UserId is required");
        }
        return member.get("UserId").asText();
    }

    private static JsonNode group(Group g) {
        ObjectNode node = SandboxHandler.object().put("GroupId", g.id()).put("DisplayName", g.displayName())
                .put("Description", g.description()).put("IdentityStoreId", SandboxOrganization.IDENTITY_STORE_ID);
        if (g.externalIssuer() != null) {
            node.putArray("ExternalIds").addObject().put("Issuer", g.externalIssuer()).put("Id", g.displayName());
        }
        return node;
    }

    private JsonNode membership(Membership m) {
        ObjectNode node = SandboxHandler.object().put("MembershipId", m.id()).put("GroupId", m.groupId())
                .put("IdentityStoreId", SandboxOrganization.IDENTITY_STORE_ID);
        node.putObject("MemberId").put("UserId", m.userId());
        return node;
    }

    private static void store(JsonNode request) {
        String id = SandboxHandler.required(request, "IdentityStoreId", INVALID);
        if (!id.equals(SandboxOrganization.IDENTITY_STORE_ID)) {
            throw new AwsError(400, "ResourceNotFoundException", "No identity store " + id);
        }
    }

    private static boolean wantsEnterprise(JsonNode request) {
        JsonNode extensions = request.get("Extensions");
        if (extensions == null) {
            return false;
        }
        for (JsonNode name : extensions) {
            if (!name.asText().matches("aws:identitystore:[a-z]{1,20}")) {
                throw AwsError.validation(INVALID, "Invalid extension name " + name.asText());
            }
            if (name.asText().equals(ENTERPRISE)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode user(User user, boolean enterprise) {
        ObjectNode node = SandboxHandler.object().put("UserId", user.id()).put("UserName", user.userName())
                .put("DisplayName", user.displayName())
                .put("UserStatus", user.enabled() ? "ENABLED" : "DISABLED")
                .put("IdentityStoreId", SandboxOrganization.IDENTITY_STORE_ID);
        node.putObject("Name").put("GivenName", user.givenName()).put("FamilyName", user.familyName())
                .put("Formatted", user.displayName());
        node.putArray("Emails").addObject().put("Value", user.email()).put("Type", "work").put("Primary", true);
        if (enterprise && user.managerId() != null) {
            node.putObject("Extensions").putObject(ENTERPRISE).putObject("Manager").put("value", user.managerId());
        }
        return node;
    }
}
