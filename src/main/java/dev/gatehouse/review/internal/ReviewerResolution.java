package dev.gatehouse.review.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owner;
import dev.gatehouse.directory.Ownership;
import dev.gatehouse.directory.PrincipalType;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerStage;

/**
 * Finds who decides an item at a stage, or the fallback reviewer and why: there is no such reviewer, the
 * reviewer is the person under review (nobody reviews their own access), or they are disabled or gone. A
 * group decides through any member but the person under review, so a group whose only member is that
 * person falls back too. One resolution remembers what it looked up, so a launch asks the directory once
 * per person, account, permission set and group.
 */
public class ReviewerResolution {

    /** The item's ids the stage's reviewer depends on. */
    public record Subject(String personId, String accountId, String permissionSetArn) {
    }

    static final int MANAGERS_ONE_BY_ONE = 1_000;

    private final DirectoryLookup directory;
    private final String fallbackId;
    private final Map<String, Optional<String>> managers = new HashMap<>();
    private final Map<String, Optional<Ownership>> ownerships = new HashMap<>();
    private final Map<String, Optional<UserRow>> users = new HashMap<>();
    private final Map<String, Optional<GroupRow>> groups = new HashMap<>();
    private final Map<String, List<UserRow>> firstMembers = new HashMap<>();
    private Map<String, String> allManagers;

    public ReviewerResolution(DirectoryLookup directory, String fallbackId) {
        this.directory = directory;
        this.fallbackId = fallbackId;
    }

    public Reviewer reviewer(ReviewerStage stage, Subject subject) {
        return switch (stage.kind()) {
            case MANAGER -> manager(subject.personId())
                    .map(id -> person(id, "manager", subject))
                    .orElseGet(() -> fallback("The person under review has no manager in the Identity Store.", subject));
            case ACCOUNT_OWNER -> owner(OwnedKind.ACCOUNT, subject.accountId(), subject);
            case PERMISSION_SET_OWNER -> owner(OwnedKind.PERMISSION_SET, subject.permissionSetArn(), subject);
            case NAMED_PERSON -> person(stage.principalId(), "named reviewer", subject);
            case NAMED_GROUP -> group(stage.principalId(), "reviewer group", subject);
        };
    }

    /** One lookup per person, until a launch has asked so many that reading every manager at once is cheaper. */
    private Optional<String> manager(String personId) {
        if (allManagers == null && managers.size() >= MANAGERS_ONE_BY_ONE) {
            allManagers = directory.managerIds();
        }
        if (allManagers != null) {
            return Optional.ofNullable(allManagers.get(personId));
        }
        return managers.computeIfAbsent(personId, directory::managerId);
    }

    private Reviewer owner(OwnedKind kind, String resourceId, Subject subject) {
        Optional<Ownership> ownership = ownerships.computeIfAbsent(kind + ":" + resourceId, key -> directory.ownership(kind, resourceId));
        Optional<Owner> owner = ownership.flatMap(Ownership::owner);
        if (owner.isEmpty()) {
            return fallback("The " + kind.label() + " has no owner: "
                    + ownership.map(Ownership::missing).orElse("it is not in the directory."), subject);
        }
        String role = kind.label() + " owner";
        return owner.get().type() == PrincipalType.USER ? person(owner.get().id(), role, subject)
                : group(owner.get().id(), role, subject);
    }

    private Reviewer person(String userId, String role, Subject subject) {
        if (userId.equals(subject.personId())) {
            return fallback("The " + role + " is the person under review.", subject);
        }
        Optional<UserRow> user = users.computeIfAbsent(userId, directory::user);
        if (user.isEmpty()) {
            return fallback("The " + role + " is no longer in the directory.", subject);
        }
        if (!user.get().enabled()) {
            return fallback("The " + role + ", " + user.get().displayName() + ", is disabled in the Identity Store.",
                    subject);
        }
        return new Reviewer(Reviewer.Type.USER, userId, user.get().displayName(), "");
    }

    private Reviewer group(String groupId, String role, Subject subject) {
        Optional<GroupRow> group = groups.computeIfAbsent(groupId, directory::group);
        if (group.isEmpty()) {
            return fallback("The " + role + " is no longer in the directory.", subject);
        }
        // Two members are enough to know whether anyone but the person under review may decide.
        List<UserRow> members = firstMembers.computeIfAbsent(groupId, id -> directory.members(id, 2));
        if (members.stream().noneMatch(member -> !member.id().equals(subject.personId()))) {
            return fallback("The " + role + ", " + group.get().displayName() + ", has no member but the person under review.",
                    subject);
        }
        return new Reviewer(Reviewer.Type.GROUP, groupId, group.get().displayName(), "");
    }

    /** The fallback reviewer, for the reason given (the stage's reviewer left), or NOBODY when that is the person. */
    public Reviewer fallbackFor(String why, Subject subject) {
        return fallback(why, subject);
    }

    private Reviewer fallback(String why, Subject subject) {
        if (fallbackId.equals(subject.personId())) {
            return Reviewer.NOBODY;
        }
        String name = users.computeIfAbsent(fallbackId, directory::user).map(UserRow::displayName).orElse(fallbackId);
        return new Reviewer(Reviewer.Type.USER, fallbackId, name, why);
    }
}
