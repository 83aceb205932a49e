package dev.gatehouse.review;

import java.util.List;

/** Where a campaign's items stand, overall and for each reviewer (the reviewer of the item's current stage). */
public record CampaignProgress(Counts overall, List<ReviewerProgress> reviewers) {

    public CampaignProgress {
        reviewers = List.copyOf(reviewers);
    }

    /**
     * Items in each state; confirmed items count as removed.
     *
     * @param waitingForAdmin revokes an admin must carry out, such as changing an access rule
     */
    public record Counts(int pending, int decided, int applying, int removed, int failed, int waitingForIdp,
                         int waitingForAdmin) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        public int total() {
            return pending + decided + applying + removed + failed + waitingForIdp + waitingForAdmin;
        }

        Counts plus(ItemStatus status, int n) {
            return new Counts(pending + (status == ItemStatus.PENDING ? n : 0),
                    decided + (status == ItemStatus.DECIDED ? n : 0),
                    applying + (status == ItemStatus.APPLYING ? n : 0),
                    removed + (status == ItemStatus.REMOVED || status == ItemStatus.CONFIRMED ? n : 0),
                    failed + (status == ItemStatus.FAILED ? n : 0),
                    waitingForIdp + (status == ItemStatus.WAITING_FOR_IDP ? n : 0),
                    waitingForAdmin + (status == ItemStatus.WAITING_FOR_ADMIN ? n : 0));
        }
    }

    /** @param reviewer who decides the items now (NOBODY's items until an admin reassigns them) */
    public record ReviewerProgress(Reviewer reviewer, Counts counts) {
    }

    /** Adds up rows of (reviewer, status, count), in the order the reviewers first appear. */
    public static CampaignProgress of(List<StatusCount> rows) {
        Counts overall = Counts.NONE;
        java.util.Map<Reviewer, Counts> byReviewer = new java.util.LinkedHashMap<>();
        for (StatusCount row : rows) {
            overall = overall.plus(row.status(), row.count());
            byReviewer.merge(row.reviewer(), Counts.NONE.plus(row.status(), row.count()),
                    (a, b) -> a.plus(row.status(), row.count()));
        }
        return new CampaignProgress(overall, byReviewer.entrySet().stream()
                .map(e -> new ReviewerProgress(e.getKey(), e.getValue())).toList());
    }

    /** One reviewer's items in one state. @param reviewer without its note, so one reviewer is one key */
    public record StatusCount(Reviewer reviewer, ItemStatus status, int count) {
    }
}
