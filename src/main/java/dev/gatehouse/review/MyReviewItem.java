package dev.gatehouse.review;

/** One of a reviewer's items on My reviews, with what they weigh to decide it. */
public record MyReviewItem(ReviewItemRow item, ItemContext context) {
}
