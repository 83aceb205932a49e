package dev.gatehouse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.access.internal.AccessProperties;
import dev.gatehouse.access.internal.GrantRepository;
import dev.gatehouse.access.internal.Granting;
import dev.gatehouse.access.internal.RequestRepository;
import dev.gatehouse.access.internal.Requesters;
import dev.gatehouse.access.internal.StoredGrant;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.AnyoneSignedIn;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.shared.DurationText;

/**
 * Granted access: one's own (extend, give back), the access one approves (revoke), and everyone's for
 * admins and auditors. Every method checks on the server what the signed-in person may do.
 */
@Service
@AnyoneSignedIn
public class GrantService {

    private final GrantRepository grants;
    private final RequestRepository requests;
    private final Granting granting;
    private final AccessPolicy policy;
    private final Requesters requesters;
    private final CurrentUser currentUser;
    private final StepUp stepUp;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessProperties settings;

    GrantService(GrantRepository grants, RequestRepository requests, Granting granting, AccessPolicy policy,
                 Requesters requesters, CurrentUser currentUser, StepUp stepUp, ApplicationEventPublisher events,
                 Clock clock, AccessProperties settings) {
        this.grants = grants;
        this.requests = requests;
        this.granting = granting;
        this.policy = policy;
        this.requesters = requesters;
        this.currentUser = currentUser;
        this.stepUp = stepUp;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** The AWS access portal each active grant links into, without a trailing slash; empty for no link. */
    public String portalUrl() {
        return settings.portalUrl();
    }

    /**
     * Lengthens the person's active grant within its rule: at once when the rule needs no approval, else
     * through an extension request that the rule's approvers decide like any other.
     *
     * @return the status of the extension: APPROVED when applied at once, PENDING when it waits for approval
     */
    @Transactional
    public RequestStatus extend(long grantId, Duration more, String justification) {
        UserRow me = requesters.requireSignedIn();
        StoredGrant grant = grants.lock(grantId).filter(g -> g.userId().equals(me.id()))
                .orElseThrow(() -> new AccessProblem("This is not one of your grants."));
        if (grant.status() != GrantStatus.ACTIVE) {
            throw new AccessProblem("Only active access can be extended.");
        }
        if (more == null || more.compareTo(AccessService.SHORTEST) < 0) {
            throw new AccessProblem("duration", "Extend by at least 15 minutes.");
        }
        String why = justification == null ? "" : justification.strip();
        Eligibility eligibility = policy.evaluate(me.id(), grant.accountId(), grant.permissionSetArn());
        AccessRule rule = eligibility.rule().filter(r -> eligibility.allowed())
                .orElseThrow(() -> new AccessProblem(eligibility.reason()));
        Instant newEnd = grant.endsAt().plus(more);
        Duration total = Duration.between(grant.startsAt(), newEnd);
        if (total.compareTo(rule.maxDuration()) > 0) {
            throw new AccessProblem("duration", "That would make " + DurationText.of(total) + " in all; the rule "
                    + "allows at most " + DurationText.of(rule.maxDuration()) + ".");
        }
        if (rule.justificationRequired() && why.length() < 10) {
            throw new AccessProblem("justification", "Say why you need longer (at least 10 characters).");
        }
        if (rule.mfaToRequest()) {
            stepUp.require("extend this access");
        }
        if (rule.automatic()) {
            if (!granting.extend(grantId, newEnd)) {
                throw new AccessProblem("This access is ending right now; request it again.");
            }
            events.publishEvent(new GrantExtended(grantId, grant.requestId(), me.displayName(), grant.userName(),
                    grant.accountId(), grant.accountName(), grant.permissionSetName(), newEnd, "Rule \"" + rule.name()
                    + "\" extends without approval", clock.instant()));
            return RequestStatus.APPROVED;
        }
        if (requests.pendingExtensionExists(grantId)) {
            throw new AccessProblem("An extension of this access already waits for approval.");
        }
        String approverId = requesters.approverFor(rule, me);
        long id = requests.insert(me.id(), me.displayName(), grant.accountId(), grant.accountName(),
                grant.permissionSetArn(), grant.permissionSetName(), rule, approverId, more,
                Optional.empty(), why, "", Optional.of(grantId), clock.instant());
        events.publishEvent(new AccessRequested(id, me.id(), me.displayName(), grant.accountId(), grant.accountName(),
                grant.permissionSetName(), "extension by " + DurationText.of(more), why, "", rule.approverType(),
                approverId, false, clock.instant()));
        return RequestStatus.PENDING;
    }

    /** The person's grants that are scheduled, active or being ended, soonest end first. */
    @Transactional(readOnly = true)
    public List<GrantSummary> myGrants() {
        return requesters.signedIn()
                .map(me -> grants.current(me.id())).orElse(List.of());
    }

    /** Everyone's current access, soonest end first; the search matches person, account or permission set. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<GrantSummary> currentGrants(String search, int offset, int limit) {
        return grants.current(search == null ? "" : search, offset, limit);
    }

    /** Every request sent in the range and what came of it, oldest first, handed over row by row. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public void eachGrantHistory(Optional<Instant> from, Optional<Instant> until, Consumer<GrantHistoryRow> each) {
        grants.eachHistory(from, until, each);
    }

    /** The requester ends their own access now. */
    @Transactional
    public void giveBack(long grantId) {
        UserRow me = requesters.requireSignedIn();
        StoredGrant grant = grants.lock(grantId).filter(g -> g.userId().equals(me.id()))
                .orElseThrow(() -> new AccessProblem("This is not one of your grants."));
        endEarly(grant, me.displayName(), "Given back by " + me.displayName());
    }

    /** Others' current access this person is an approver for, and so may revoke; soonest end first. */
    @Transactional(readOnly = true)
    public List<GrantSummary> revocableGrants(int offset, int limit) {
        return requesters.signedIn()
                .map(me -> grants.current(policy.approverScope(me.id()), offset, limit)).orElse(List.of());
    }

    /** An admin, or an approver of the grant's request, ends someone's access now, with a reason. */
    @Transactional
    public void revoke(long grantId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new AccessProblem("reason", "Say why the access is revoked.");
        }
        StoredGrant grant = grants.lock(grantId).orElseThrow(() -> new AccessProblem("This grant does not exist."));
        boolean admin = currentUser.require().has(GatehouseRole.ADMIN);
        if (!admin && !requesters.signedIn()
                .map(me -> requesters.mayApprove(me.id(), requests.lock(grant.requestId()).orElseThrow()))
                .orElse(false)) {
            throw new AccessDeniedException("Only admins and the request's approvers may revoke access");
        }
        String by = currentUser.require().displayName();
        endEarly(grant, by, "Revoked by " + by + ": " + why);
    }

    private void endEarly(StoredGrant grant, String by, String reason) {
        if (grant.status().finished()) {
            throw new AccessProblem("This access has already ended.");
        }
        granting.endNow(grant.id(), by, reason);
    }
}
