package dev.gatehouse.review;

import java.util.Objects;
import java.util.Optional;

/**
 * Which of a reviewer's items My reviews lists, and in which order; every part narrows (AND).
 *
 * @param decided        undecided: pending at the reviewer's stage; decided: anything else
 * @param adminLevelOnly only admin-level access (review's admin-level rule: the name, or the policies the
 *                       directory mirror knows)
 * @param accountId      only this account
 * @param permissionSetArn only this permission set
 * @param held           only access assigned directly, or only access through a group
 * @param kind           only items of this kind (standing access, rule eligibility, group membership, break glass)
 * @param search         text in the person's, account's, permission set's or group's name, or the account id
 * @param grouping       by person then account, or by account then person
 */
public record MyReviewsFilter(Decided decided, boolean adminLevelOnly, Optional<String> accountId,
                              Optional<String> permissionSetArn, Optional<HowHeld> held, Optional<ItemKind> kind,
                              String search, Grouping grouping) {

    public enum Decided { ANY, UNDECIDED, DECIDED }

    public enum Grouping { BY_PERSON, BY_ACCOUNT }

    public MyReviewsFilter {
        Objects.requireNonNull(decided, "decided");
        Objects.requireNonNull(grouping, "grouping");
        accountId = accountId == null ? Optional.empty() : accountId.filter(id -> !id.isBlank());
        permissionSetArn = permissionSetArn == null ? Optional.empty() : permissionSetArn.filter(arn -> !arn.isBlank());
        held = held == null ? Optional.empty() : held;
        kind = kind == null ? Optional.empty() : kind;
        search = search == null ? "" : search.strip();
    }

    /** Every item, by person. */
    public static MyReviewsFilter everything() {
        return new MyReviewsFilter(Decided.ANY, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "",
                Grouping.BY_PERSON);
    }

    public MyReviewsFilter decided(Decided which) {
        return new MyReviewsFilter(which, adminLevelOnly, accountId, permissionSetArn, held, kind, search, grouping);
    }

    public MyReviewsFilter adminLevelOnly(boolean only) {
        return new MyReviewsFilter(decided, only, accountId, permissionSetArn, held, kind, search, grouping);
    }

    public MyReviewsFilter account(Optional<String> id) {
        return new MyReviewsFilter(decided, adminLevelOnly, id, permissionSetArn, held, kind, search, grouping);
    }

    public MyReviewsFilter permissionSet(Optional<String> arn) {
        return new MyReviewsFilter(decided, adminLevelOnly, accountId, arn, held, kind, search, grouping);
    }

    public MyReviewsFilter held(Optional<HowHeld> how) {
        return new MyReviewsFilter(decided, adminLevelOnly, accountId, permissionSetArn, how, kind, search, grouping);
    }

    public MyReviewsFilter kind(Optional<ItemKind> which) {
        return new MyReviewsFilter(decided, adminLevelOnly, accountId, permissionSetArn, held, which, search, grouping);
    }

    public MyReviewsFilter search(String text) {
        return new MyReviewsFilter(decided, adminLevelOnly, accountId, permissionSetArn, held, kind, text, grouping);
    }

    public MyReviewsFilter grouping(Grouping by) {
        return new MyReviewsFilter(decided, adminLevelOnly, accountId, permissionSetArn, held, kind, search, by);
    }
}
