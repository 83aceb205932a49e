package dev.gatehouse.review;

import java.util.Objects;

/**
 * One stage of reviewers.
 *
 * @param principalId the Identity Store user or group id for NAMED_PERSON and NAMED_GROUP, '' otherwise
 */
public record ReviewerStage(ReviewerKind kind, String principalId) {

    public ReviewerStage {
        Objects.requireNonNull(kind, "kind");
        principalId = principalId == null ? "" : principalId.strip();
    }

    public static ReviewerStage manager() {
        return new ReviewerStage(ReviewerKind.MANAGER, "");
    }

    public static ReviewerStage accountOwner() {
        return new ReviewerStage(ReviewerKind.ACCOUNT_OWNER, "");
    }

    public static ReviewerStage permissionSetOwner() {
        return new ReviewerStage(ReviewerKind.PERMISSION_SET_OWNER, "");
    }

    public static ReviewerStage person(String userId) {
        return new ReviewerStage(ReviewerKind.NAMED_PERSON, userId);
    }

    public static ReviewerStage group(String groupId) {
        return new ReviewerStage(ReviewerKind.NAMED_GROUP, groupId);
    }
}
