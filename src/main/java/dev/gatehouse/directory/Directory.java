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
}
