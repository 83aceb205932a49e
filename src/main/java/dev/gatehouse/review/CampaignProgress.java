package dev.gatehouse.review;

import java.util.List;

/** Where a campaign's items stand, overall and for each reviewer (the reviewer of the item's current stage). */
public record CampaignProgress(Counts overall, List<ReviewerProgress> reviewers) {

    public CampaignProgress {
        reviewers = List.copyOf(reviewers);
    }

    /** Items in each state; confirmed items count as removed. */
    public record Counts(int pending, int decided, int applying, int removed, int failed, int waitingForIdp) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public int total() {
            return pending + decided + applying + removed + failed + waitingForIdp;
        }

        Counts plus(ItemStatus status, int n) {
            return switch (status) {
                case PENDING -> new Counts(pending + n, decided, applying, removed, failed, waitingForIdp);
                case DECIDED -> new Counts(pending, decided + n, applying, removed, failed, waitingForIdp);
                case APPLYING -> new Counts(pending, decided, applying + n, removed, failed, waitingForIdp);
                case REMOVED, CONFIRMED -> new Counts(pending, decided, applying, removed + n, failed, waitingForIdp);
                case FAILED -> new Counts(pending, decided, applying, removed, failed + n, waitingForIdp);
                case WAITING_FOR_IDP -> new Counts(pending, decided, applying, removed, failed, waitingForIdp + n);
            };
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
