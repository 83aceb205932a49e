package dev.gatehouse.aws;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ExternalId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.User;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/**
 * The Identity Store: users with their managers, groups and memberships, read page by page; and the one
 * write Gatehouse makes there, removing a person from a group.
 */
public final class IdentityStore {

    static final String ENTERPRISE_EXTENSION = "aws:identitystore:enterprise";

    private final IdentitystoreClient identityStore;
    private final AwsCalls calls;
    private final IdentityCenterClients clients;

    IdentityStore(IdentityCenterClients clients) {
        this.identityStore = clients.identityStore();
        this.calls = clients.calls();
        this.clients = clients;
    }

    public void users(Consumer<DirectoryUser> consumer) {
        calls.pages(AwsService.IDENTITY_STORE, "ListUsers",
                token -> identityStore.listUsers(r -> r.identityStoreId(clients.identityStoreId()).maxResults(100)
                        .extensions(ENTERPRISE_EXTENSION).nextToken(token)),
                response -> response.users(), response -> response.nextToken(),
                user -> consumer.accept(user(user)));
    }

    /** One user, or empty when Identity Center no longer has them. */
    public Optional<DirectoryUser> user(String userId) {
        try {
            var response = calls.call(AwsService.IDENTITY_STORE, "DescribeUser",
                    () -> identityStore.describeUser(r -> r.identityStoreId(clients.identityStoreId()).userId(userId)
                            .extensions(ENTERPRISE_EXTENSION)));
            return Optional.of(user(User.builder().userId(response.userId()).userName(response.userName())
                    .displayName(response.displayName()).name(response.name()).emails(response.emails())
                    .userStatus(response.userStatusAsString()).extensions(response.extensions()).build()));
        } catch (AwsCallFailed e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The groups one user belongs to. */
    public void membershipsOf(String userId, Consumer<GroupMembership> consumer) {
        calls.pages(AwsService.IDENTITY_STORE, "ListGroupMembershipsForMember",
                token -> identityStore.listGroupMembershipsForMember(r -> r.identityStoreId(clients.identityStoreId())
                        .memberId(m -> m.userId(userId)).maxResults(100).nextToken(token)),
                response -> response.groupMemberships(), response -> response.nextToken(),
                membership -> consumer.accept(new GroupMembership(membership.groupId(), userId)));
    }

    public void groups(Consumer<DirectoryGroup> consumer) {
        calls.pages(AwsService.IDENTITY_STORE, "ListGroups",
                token -> identityStore.listGroups(r -> r.identityStoreId(clients.identityStoreId()).maxResults(100)
                        .nextToken(token)),
                response -> response.groups(), response -> response.nextToken(),
                group -> consumer.accept(new DirectoryGroup(group.groupId(), group.displayName(),
                        group.description(), issuer(group.externalIds()))));
    }

    /** One group, or empty when the Identity Store no longer has it. */
    public Optional<DirectoryGroup> group(String groupId) {
        try {
            var response = calls.call(AwsService.IDENTITY_STORE, "DescribeGroup",
                    () -> identityStore.describeGroup(r -> r.identityStoreId(clients.identityStoreId()).groupId(groupId)));
            return Optional.of(new DirectoryGroup(response.groupId(), response.displayName(), response.description(),
                    issuer(response.externalIds())));
        } catch (AwsCallFailed e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Removes the person from the group: finds the membership (GetGroupMembershipId), then deletes it
     * (DeleteGroupMembership). Safe to repeat: a membership, member or group not found is already gone.
     *
     * @throws AwsCallFailed when AWS refuses (AccessDeniedException when the role may not) after its retries
     */
    public MembershipRemoval removeMembership(String groupId, String userId) {
        try {
            String membershipId = calls.call(AwsService.IDENTITY_STORE, "GetGroupMembershipId",
                    () -> identityStore.getGroupMembershipId(r -> r.identityStoreId(clients.identityStoreId())
                            .groupId(groupId).memberId(m -> m.userId(userId)))).membershipId();
            calls.call(AwsService.IDENTITY_STORE, "DeleteGroupMembership",
                    () -> identityStore.deleteGroupMembership(r -> r.identityStoreId(clients.identityStoreId())
                            .membershipId(membershipId)));
            return MembershipRemoval.REMOVED;
        } catch (AwsCallFailed e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return MembershipRemoval.ALREADY_GONE;
            }
            throw e;
        }
    }

    public void memberships(String groupId, Consumer<GroupMembership> consumer) {
        calls.pages(AwsService.IDENTITY_STORE, "ListGroupMemberships",
                token -> identityStore.listGroupMemberships(r -> r.identityStoreId(clients.identityStoreId())
                        .groupId(groupId).maxResults(100).nextToken(token)),
                response -> response.groupMemberships(), response -> response.nextToken(),
                membership -> {
                    if (membership.memberId() != null && membership.memberId().userId() != null) {
                        consumer.accept(new GroupMembership(groupId, membership.memberId().userId()));
                    }
                });
    }

    private static String issuer(List<ExternalId> externalIds) {
        return externalIds == null ? "" : externalIds.stream().map(ExternalId::issuer).filter(Objects::nonNull)
                .findFirst().orElse("");
    }

    private static DirectoryUser user(User user) {
        String email = user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                .or(() -> user.emails().stream().findFirst()).map(e -> e.value()).orElse("");
        String name = user.displayName() != null ? user.displayName()
                : user.name() == null ? user.userName()
                : (Objects.requireNonNullElse(user.name().givenName(), "") + " "
                        + Objects.requireNonNullElse(user.name().familyName(), "")).trim();
        boolean enabled = !"DISABLED".equals(user.userStatusAsString());
        return new DirectoryUser(user.userId(), user.userName(), name, email, enabled, manager(user));
    }

    /** The manager's id in the enterprise extension ({"Manager": {"value": id}}; key case varies in the wild). */
    static String manager(User user) {
        Document extension = user.extensions().get(ENTERPRISE_EXTENSION);
        if (extension == null || !extension.isMap()) {
            return null;
        }
        Document manager = field(extension, "Manager");
        if (manager == null) {
            return null;
        }
        if (manager.isString()) {
            return manager.asString();
        }
        Document value = manager.isMap() ? field(manager, "value") : null;
        return value != null && value.isString() ? value.asString() : null;
    }

    private static Document field(Document map, String name) {
        return map.asMap().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
