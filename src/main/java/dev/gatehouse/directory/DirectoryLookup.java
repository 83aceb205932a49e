package dev.gatehouse.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.internal.LookupRepository;
import dev.gatehouse.directory.internal.OwnershipReader;
import dev.gatehouse.directory.internal.SyncRunRepository;

/**
 * Facts about people, groups, accounts and permission sets from the last sync, for other modules'
 * services. It checks no role: the calling service authorizes its own methods.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryLookup {

    private final LookupRepository repository;
    private final OwnershipReader owners;
    private final SyncRunRepository syncRuns;

    DirectoryLookup(LookupRepository repository, OwnershipReader owners, SyncRunRepository syncRuns) {
        this.repository = repository;
        this.owners = owners;
        this.syncRuns = syncRuns;
    }

    /** When the last successful sync finished, so callers can tell how old these facts are; empty before the first. */
    public Optional<Instant> lastSuccessfulSync() {
        return syncRuns.lastSucceededAt();
    }

    /** Who owns the account or permission set, or why nobody does; empty when the sync has not seen it. */
    public Optional<Ownership> ownership(OwnedKind kind, String resourceId) {
        return owners.of(kind, resourceId);
    }

    /** The Identity Store user a signed-in person maps to: by userName, else by email (case-insensitive). */
    public Optional<UserRow> userBySignIn(String directoryUserName) {
        return repository.userByUserName(directoryUserName).or(() -> repository.userByEmail(directoryUserName));
    }

    public Optional<UserRow> user(String userId) {
        return repository.user(userId);
    }

    /** The Identity Store groups the user is a member of. */
    public Set<String> groupIds(String userId) {
        return repository.groupIds(userId);
    }

    /** {@link #groupIds(String)} for several people in one query, for screens that show a page of them. */
    public Map<String, Set<String>> groupIds(Collection<String> userIds) {
        return repository.groupIds(userIds);
    }

    /** The people of these ids the directory knows (with their managers' names), by id, in one query. */
    public Map<String, UserRow> users(Collection<String> userIds) {
        return repository.users(userIds).stream().collect(Collectors.toMap(UserRow::id, user -> user));
    }

    public Optional<String> managerId(String userId) {
        return repository.managerId(userId);
    }

    /** Every user who has a manager, with the manager's id: for callers that would otherwise ask thousands of times. */
    public Map<String, String> managerIds() {
        return repository.managerIds();
    }

    public Optional<GroupRow> group(String groupId) {
        return repository.group(groupId);
    }

    /** Members of the group, by name, at most {@code limit}. */
    public List<UserRow> members(String groupId, int limit) {
        return repository.members(groupId, limit);
    }

    public Optional<AccountRow> account(String accountId) {
        return repository.account(accountId);
    }

    /** The OU the account sits in and every OU above it; empty for an account placed at the root. */
    public Set<String> ouChain(String accountId) {
        return repository.ouChain(accountId);
    }

    /** {@link #ouChain} for several accounts in one query. */
    public Map<String, Set<String>> ouChains(Collection<String> accountIds) {
        return repository.ouChains(accountIds);
    }

    public Optional<OuRow> organizationalUnit(String ouId) {
        return repository.organizationalUnit(ouId);
    }

    /** The accounts within any of the scopes: the whole organization, these OUs (nested) or these accounts. */
    public List<AccountRow> accountsWithin(AccountScopes scopes, DirectoryPage page) {
        return repository.accountsWithin(scopes, page);
    }

    public Optional<PermissionSetRow> permissionSet(String arn) {
        return repository.permissionSet(arn);
    }

    /** The permission sets of these ARNs the directory knows, by ARN, in one query. */
    public Map<String, PermissionSetRow> permissionSets(Collection<String> arns) {
        return repository.permissionSets(arns).stream().collect(Collectors.toMap(PermissionSetRow::arn, set -> set));
    }

    /** All permission sets by name, for pickers; an instance has at most a few thousand. */
    public List<PermissionSetRow> permissionSets() {
        return repository.permissionSets();
    }

    /** People whose name, user name or email contains the text, for pickers. */
    public List<UserRow> findUsers(String text, int limit) {
        return repository.findUsers(text, limit);
    }

    public List<GroupRow> findGroups(String text, int limit) {
        return repository.findGroups(text, limit);
    }

    /** OUs whose name or path contains the text, for pickers. */
    public List<OuRow> findOrganizationalUnits(String text, int limit) {
        return repository.findOrganizationalUnits(text, limit);
    }
}
