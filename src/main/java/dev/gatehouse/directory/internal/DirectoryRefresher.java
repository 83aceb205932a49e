package dev.gatehouse.directory.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.aws.DirectoryUser;
import dev.gatehouse.aws.IdentityCenter;

/** Reads one account's (with its owner tag) or one person's current state from Identity Center into the mirror. */
@Component
public class DirectoryRefresher {

    private final IdentityCenter identityCenter;
    private final RefreshRepository repository;
    private final OwnerTagKey ownerTags;

    DirectoryRefresher(IdentityCenter identityCenter, RefreshRepository repository, OwnerTagKey ownerTags) {
        this.identityCenter = identityCenter;
        this.repository = repository;
        this.ownerTags = ownerTags;
    }

    /** With its owner tag. @return the number of assignments the account has now */
    @Transactional
    public int refreshAccount(String accountId) {
        OffsetDateTime readFrom = repository.now();
        List<String> provisioned = new ArrayList<>();
        identityCenter.permissionSets().provisionedPermissionSets(accountId, provisioned::add);
        List<AccountAssignment> assignments = new ArrayList<>();
        for (String set : provisioned) {
            identityCenter.accountAssignments().assignments(accountId, set, assignments::add);
        }
        repository.replaceAccountAccess(accountId, provisioned, assignments, readFrom);
        repository.accountOwnerTag(accountId, ownerTags.valueIn(identityCenter.organizations().accountTags(accountId)));
        return assignments.size();
    }

    /** @return the person as Identity Center has them now, or empty when they were removed there */
    @Transactional
    public Optional<DirectoryUser> refreshUser(String userId) {
        Optional<DirectoryUser> user = identityCenter.identityStore().user(userId);
        if (user.isEmpty()) {
            repository.removeUser(userId);
            return user;
        }
        List<String> groups = new ArrayList<>();
        identityCenter.identityStore().membershipsOf(userId, membership -> groups.add(membership.groupId()));
        repository.replaceUser(user.get(), groups);
        return user;
    }
}
