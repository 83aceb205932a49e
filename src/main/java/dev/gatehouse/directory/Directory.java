package dev.gatehouse.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.DirectoryRepository;

/** Reading the mirror of the organization and Identity Center; admins and auditors only. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
public class Directory {

    private final DirectoryRepository repository;

    Directory(DirectoryRepository repository) {
        this.repository = repository;
    }

    /** Accounts whose name, id or OU path contains the search text. */
    public List<AccountRow> accounts(String search, DirectorySort sort, boolean descending, int offset, int limit) {
        return repository.accounts(search, sort, descending, offset, limit);
    }

    public Optional<AccountRow> account(String id) {
        return repository.account(id);
    }

    /** The organization's root, empty before the first sync. */
    public Optional<String> rootId() {
        return repository.rootId();
    }

    public List<OrganizationNode> children(String parentId, int offset, int limit) {
        return repository.children(parentId, offset, limit);
    }

    public int childCount(String parentId) {
        return repository.childCount(parentId);
    }

    public List<AccessRow> accessOnAccount(String accountId, int offset, int limit) {
        return repository.accessOnAccount(accountId, offset, limit);
    }

    public List<UserRow> users(String search, DirectorySort sort, boolean descending, int offset, int limit) {
        return repository.users(search, sort, descending, offset, limit);
    }

    public Optional<UserRow> user(String id) {
        return repository.user(id);
    }

    public List<String> groupsOf(String userId) {
        return repository.groupsOf(userId);
    }

    public List<AccessRow> accessOfUser(String userId, int offset, int limit) {
        return repository.accessOfUser(userId, offset, limit);
    }

    /** Groups whose name or description contains the search text, by name, with their member counts. */
    public List<GroupRow> groups(String search, int offset, int limit) {
        return repository.groups(search, offset, limit);
    }

    public Optional<GroupRow> group(String id) {
        return repository.group(id);
    }

    public List<UserRow> members(String groupId, int offset, int limit) {
        return repository.members(groupId, offset, limit);
    }

    /** What the group is assigned, account by account. */
    public List<GrantRow> groupGrants(String groupId, int offset, int limit) {
        return repository.groupGrants(groupId, offset, limit);
    }

    public List<PermissionSetRow> permissionSets(String search, int offset, int limit) {
        return repository.permissionSets(search, offset, limit);
    }

    /** By the ARN's last segment (ps-…), unique within the instance. */
    public Optional<PermissionSetRow> permissionSetById(String id) {
        return repository.permissionSetById(id);
    }

    /** The accounts the permission set is provisioned to. */
    public List<AccountRow> provisionedAccounts(String permissionSetArn, int offset, int limit) {
        return repository.provisionedAccounts(permissionSetArn, offset, limit);
    }
}
