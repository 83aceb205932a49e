package dev.gatehouse.access.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.security.CurrentUser;

/** The signed-in person as an Identity Store user, and who approves their requests. */
@Component
public class Requesters {

    private final DirectoryLookup directory;
    private final CurrentUser currentUser;

    Requesters(DirectoryLookup directory, CurrentUser currentUser) {
        this.directory = directory;
        this.currentUser = currentUser;
    }

    public Optional<UserRow> signedIn() {
        return directory.userBySignIn(currentUser.require().directoryUserName());
    }

    /** @throws AccessProblem saying why, when the person maps to no Identity Store user */
    public UserRow requireSignedIn() {
        return signedIn().orElseThrow(() -> new AccessProblem(notInDirectory()));
    }

    public String notInDirectory() {
        return "Your sign-in (" + currentUser.require().directoryUserName() + ") matches no Identity Center user, "
                + "so you cannot request or approve access. An admin can check the user lookup setting or run a "
                + "directory sync.";
    }

    /** Whom a request under the rule goes to: the named user or group, or the requester's manager now. */
    public String approverFor(AccessRule rule, UserRow requester) {
        return switch (rule.approverType()) {
            case MANAGER -> directory.managerId(requester.id()).orElse("");
            case NONE -> "";
            default -> rule.approverId();
        };
    }

    /** Whether the person is among the request's approvers (never for their own request). */
    public boolean mayApprove(String userId, StoredRequest request) {
        if (userId.equals(request.requesterId())) {
            return false;
        }
        return switch (request.approverType()) {
            case NONE -> false;
            case USER, MANAGER -> request.approverId().equals(userId);
            case GROUP -> directory.groupIds(userId).contains(request.approverId());
        };
    }
}
