package dev.gatehouse.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.DirectoryRepository;
import dev.gatehouse.security.AdminOrAuditor;

/**
 * Reading the mirror of the organization and Identity Center; admins and auditors only. Every list
 * takes a {@link DirectoryPage}: its search matches the columns the list shows. Who holds what on an
 * account or a person is the {@link AccessInventory}'s.
 */
@Service
@Transactional(readOnly = true)
@AdminOrAuditor
public class Directory {

    private final DirectoryRepository repository;

    Directory(DirectoryRepository repository) {
        this.repository = repository;
    }

    /** Accounts whose name, id or OU path contains the search text; sorts by NAME, ID, PATH or EMAIL. */
    public List<AccountRow> accounts(DirectoryPage page) {
        return repository.accounts(page);
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

    /** People whose name, user name or email contains the search text; sorts by NAME, ID (user name) or EMAIL. */
    public List<UserRow> users(DirectoryPage page) {
        return repository.users(page);
    }

    public Optional<UserRow> user(String id) {
        return repository.user(id);
    }

    public List<String> groupsOf(String userId) {
        return repository.groupsOf(userId);
    }

    /** Groups whose name or description contains the search text, with member counts; sorts by NAME or COUNT. */
    public List<GroupRow> groups(DirectoryPage page) {
        return repository.groups(page);
    }

    public Optional<GroupRow> group(String id) {
        return repository.group(id);
    }

    /** Sorts by NAME, ID (user name) or EMAIL. */
    public List<UserRow> members(String groupId, DirectoryPage page) {
        return repository.members(groupId, page);
    }

    /** What the group is assigned, account by account; sorts by ACCOUNT or PERMISSION_SET. */
    public List<GrantRow> groupGrants(String groupId, DirectoryPage page) {
        return repository.groupGrants(groupId, page);
    }

    /** Sorts by NAME, SESSION (duration) or COUNT (accounts provisioned to). */
    public List<PermissionSetRow> permissionSets(DirectoryPage page) {
        return repository.permissionSets(page);
    }

    /** By the ARN's last segment (ps-…), unique within the instance. */
    public Optional<PermissionSetRow> permissionSetById(String id) {
        return repository.permissionSetById(id);
    }

    /** The accounts the permission set is provisioned to, searched and sorted as {@link #accounts}. */
    public List<AccountRow> provisionedAccounts(String permissionSetArn, DirectoryPage page) {
        return repository.provisionedAccounts(permissionSetArn, page);
    }
}
