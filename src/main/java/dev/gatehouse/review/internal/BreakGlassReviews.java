package dev.gatehouse.review.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.security.AsSystem;

/**
 * A reviewer's decision on a break-glass activation awaiting follow-up, through the access module: a keep
 * follows it up with the reviewer's comment; a revoke ends the grant if it is still active, then follows it
 * up. Gatehouse acts for the reviewer (the follow-up is an admin's action) once the review module has
 * checked they decide the item; the note names them and the campaign.
 */
@Component
class BreakGlassReviews {

    static final int LONGEST_NOTE = 1_000;

    private final ItemRepository items;
    private final BreakGlassFollowUps followUps;
    /** Looked up when first used: the grant service needs the scheduler, which needs the review tasks. */
    private final ObjectProvider<GrantService> grants;

    BreakGlassReviews(ItemRepository items, BreakGlassFollowUps followUps, ObjectProvider<GrantService> grants) {
        this.items = items;
        this.followUps = followUps;
        this.grants = grants;
    }

    /** A keep at the last stage: followed up, and the item says so. */
    void keep(ReviewItemRow item, String comment, String by, Instant at) {
        long requestId = Long.parseLong(item.subjectId());
        Optional<RequestSummary> request = AsSystem.run(() -> followUps.waiting(requestId));
        if (request.isEmpty()) {
            items.applying(item.id(), ItemStatus.DECIDED, "Request #" + requestId + " was followed up already", at);
            return;
        }
        followUp(requestId, item, by + " kept it: " + comment);
        items.applying(item.id(), ItemStatus.DECIDED, "Followed up: kept by " + by, at);
    }

    /** A revoke: the grant ends now if it is still active, then the activation is followed up. */
    void revoke(ReviewItemRow item, String comment, String by, Instant at) {
        long requestId = Long.parseLong(item.subjectId());
        Optional<RequestSummary> request = AsSystem.run(() -> followUps.waiting(requestId));
        Optional<GrantSummary> live = request.flatMap(RequestSummary::grant)
                .filter(grant -> !grant.status().finished() && !grant.endingEarly());
        live.ifPresent(grant -> AsSystem.run(() -> {
            grants.getObject().revoke(grant.id(), "Access review \"" + item.campaignName() + "\", revoked by " + by
                    + (comment.isEmpty() ? "" : ": " + comment));
            return null;
        }));
        if (request.isPresent()) {
            followUp(requestId, item, by + " revoked it" + live.map(g -> " and grant #" + g.id() + " ended early")
                    .orElse("") + (comment.isEmpty() ? "" : ": " + comment));
        }
        items.applying(item.id(), ItemStatus.REMOVED, live.map(grant -> "Grant #" + grant.id()
                + " ends now; open AWS sessions last until their session duration runs out. ").orElse(
                "The grant had ended already. ") + (request.isPresent() ? "Followed up."
                : "Request #" + requestId + " was followed up already."), at);
    }

    private void followUp(long requestId, ReviewItemRow item, String what) {
        String note = "Access review \"" + item.campaignName() + "\": " + what;
        AsSystem.run(() -> {
            followUps.record(requestId, note.length() > LONGEST_NOTE ? note.substring(0, LONGEST_NOTE) : note);
            return null;
        });
    }
}
