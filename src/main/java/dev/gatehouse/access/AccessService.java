package dev.gatehouse.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.access.internal.GrantRepository;
import dev.gatehouse.access.internal.Granting;
import dev.gatehouse.access.internal.RequestRepository;
import dev.gatehouse.access.internal.Requesters;
import dev.gatehouse.access.internal.StoredGrant;
import dev.gatehouse.access.internal.StoredRequest;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.AnyoneSignedIn;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.shared.DurationText;

/**
 * Requesting access and deciding requests (what happens to granted access is {@link GrantService}).
 * Every method acts for the signed-in person, who must map to an Identity Store user; each checks on
 * the server what that person may do.
 */
@Service
@AnyoneSignedIn
public class AccessService {

    static final Duration SHORTEST = FormChecks.SHORTEST;

    private final RequestRepository requests;
    private final GrantRepository grants;
    private final Granting granting;
    private final AccessPolicy policy;
    private final DirectoryLookup directory;
    private final Requesters requesters;
    private final CurrentUser currentUser;
    private final StepUp stepUp;
    private final BreakGlassMessages breakGlassMessages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessService(RequestRepository requests, GrantRepository grants, Granting granting, AccessPolicy policy,
                  DirectoryLookup directory, Requesters requesters, CurrentUser currentUser, StepUp stepUp,
                  BreakGlassMessages breakGlassMessages, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.grants = grants;
        this.granting = granting;
        this.policy = policy;
        this.directory = directory;
        this.requesters = requesters;
        this.currentUser = currentUser;
        this.stepUp = stepUp;
        this.breakGlassMessages = breakGlassMessages;
        this.events = events;
        this.clock = clock;
    }

    /** Why the signed-in person cannot request or approve at all, if so. */
    @Transactional(readOnly = true)
    public Optional<String> whyNotInDirectory() {
        return requesters.signedIn().isPresent() ? Optional.empty()
                : Optional.of(requesters.notInDirectory());
    }

    /** The permission sets some rule lets the person request, by name. */
    @Transactional(readOnly = true)
    public List<PermissionSetChoice> requestablePermissionSets() {
        UserRow me = requesters.requireSignedIn();
        Set<String> arns = new LinkedHashSet<>();
        policy.rulesFor(me.id()).forEach(rule -> arns.add(rule.permissionSetArn()));
        return arns.stream().flatMap(arn -> directory.permissionSet(arn).stream())
                .map(set -> new PermissionSetChoice(set.arn(), set.name(), set.description(), set.sessionDuration()))
                .sorted(Comparator.comparing(PermissionSetChoice::name)).toList();
    }

    /** The accounts some rule lets the person request the permission set on; the search matches name, id or OU path. */
    @Transactional(readOnly = true)
    public List<AccountRow> requestableAccounts(String permissionSetArn, String search, int offset, int limit) {
        UserRow me = requesters.requireSignedIn();
        boolean organization = false;
        Set<String> ous = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        for (AccessRule rule : policy.rulesFor(me.id())) {
            if (rule.permissionSetArn().equals(permissionSetArn)) {
                switch (rule.scopeType()) {
                    case ORGANIZATION -> organization = true;
                    case OU -> ous.add(rule.scopeId());
                    case ACCOUNT -> accounts.add(rule.scopeId());
                }
            }
        }
        return directory.accountsWithin(new AccountScopes(organization, ous, accounts),
                new DirectoryPage(search, DirectorySort.NAME, false, offset, limit));
    }

    /** What a request for the permission set on the account would need: limits, approvers, or why it is not allowed. */
    @Transactional(readOnly = true)
    public RequestPreview preview(String permissionSetArn, String accountId) {
        UserRow me = requesters.requireSignedIn();
        Eligibility eligibility = policy.evaluate(me.id(), accountId, permissionSetArn);
        Optional<Duration> breakGlass = policy.breakGlass(me.id(), accountId, permissionSetArn)
                .map(AccessRule::maxDuration);
        return eligibility.rule().filter(rule -> eligibility.allowed())
                .map(rule -> new RequestPreview(accountId, true, eligibility.reason(), rule.approvalSummary(),
                        eligibility.approverList(), rule.maxDuration(), rule.defaultDuration(),
                        rule.justificationRequired(), rule.ticketRequired(), rule.ticketExample(),
                        rule.futureStartAllowed(), breakGlass, rule.mfaToRequest()))
                .orElseGet(() -> new RequestPreview(accountId, false, eligibility.reason(), "", "",
                        Duration.ZERO, Duration.ZERO, false, false, "", false, breakGlass, false));
    }

    /**
     * Checks a later start as {@link #submit} does, so the form can refuse it before previewing an end.
     *
     * @throws AccessProblem for the {@code startsAt} field: in the past, more than 30 days ahead, or break-glass
     */
    public void checkStart(Optional<Instant> startsAt, boolean breakGlass) {
        FormChecks.start(startsAt, breakGlass, clock.instant());
    }

    /**
     * Sends one request per account; rules that need no approval grant at once. A break-glass form is
     * activated as {@link #activateBreakGlass} does.
     *
     * @return the new requests' ids
     * @throws AccessProblem naming the field that is wrong; nothing is sent then
     * @throws dev.gatehouse.security.StepUpRequired when a rule asks for MFA to request and the person has
     *         not stepped up recently; nothing is sent then
     */
    @Transactional
    public List<Long> submit(RequestForm form) {
        if (form.breakGlass()) {
            return activateBreakGlass(form).requestIds();
        }
        return store(form, requesters.requireSignedIn(), new ArrayList<>());
    }

    /**
     * Activates access at once under the accounts' break-glass rules, with a justification; the people
     * the rules name and the admins are told in the same transaction, and it waits to be followed up.
     *
     * @return the requests and who was told how
     * @throws AccessProblem naming the field that is wrong; nothing is activated then
     * @throws dev.gatehouse.security.StepUpRequired as {@link #submit} does
     */
    @Transactional
    public BreakGlassActivation activateBreakGlass(RequestForm form) {
        RequestForm breakGlass = new RequestForm(form.permissionSetArn(), form.accountIds(), form.duration(),
                form.startsAt(), form.justification(), form.ticket(), true);
        UserRow me = requesters.requireSignedIn();
        List<AccessRequested> activations = new ArrayList<>();
        List<Long> ids = store(breakGlass, me, activations);
        boolean approversNamed = activations.stream().anyMatch(a -> !a.approverId().isEmpty());
        return new BreakGlassActivation(ids, breakGlassMessages.send(activations), approversNamed,
                directory.managerId(me.id()).orElse(""));
    }

    private List<Long> store(RequestForm form, UserRow me, List<AccessRequested> published) {
        Instant now = clock.instant();
        FormChecks basics = FormChecks.of(form, now);
        List<String> accountIds = basics.accountIds();
        Duration duration = basics.duration();
        Optional<Instant> startsAt = basics.startsAt();
        String justification = basics.justification();
        String ticket = basics.ticket();
        String setName = directory.permissionSet(form.permissionSetArn()).map(set -> set.name())
                .orElseThrow(() -> new AccessProblem("permissionSet", "This permission set no longer exists."));

        record Checked(AccountRow account, AccessRule rule) {
        }
        List<Checked> checked = new ArrayList<>();
        for (String accountId : accountIds) {
            AccountRow account = directory.account(accountId)
                    .orElseThrow(() -> new AccessProblem("accounts", "Account " + accountId + " no longer exists."));
            AccessRule rule = form.breakGlass() ? policy.breakGlass(me.id(), accountId, form.permissionSetArn())
                    .orElseThrow(() -> new AccessProblem("accounts", account.name() + ": no break-glass rule lets you "
                            + "activate " + setName + " here."))
                    : allowedRule(me, account, form.permissionSetArn());
            if (duration.compareTo(rule.maxDuration()) > 0) {
                throw new AccessProblem("duration", account.name() + " allows at most "
                        + DurationText.of(rule.maxDuration()) + ".");
            }
            if (startsAt.isPresent() && !rule.futureStartAllowed()) {
                throw new AccessProblem("startsAt", account.name() + ": this access starts when approved; "
                        + "a later start is not allowed.");
            }
            if (rule.justificationRequired() && justification.length() < 10) {
                throw new AccessProblem("justification", "Say why you need this access (at least 10 characters).");
            }
            if (rule.ticketRequired() && !Pattern.compile(rule.ticketPattern()).matcher(ticket).matches()) {
                throw new AccessProblem("ticket", rule.ticketAdvice());
            }
            if (!form.breakGlass() && requests.pendingExists(me.id(), accountId, form.permissionSetArn())) {
                throw new AccessProblem("accounts", "You already have a pending request for " + setName + " on "
                        + account.name() + ".");
            }
            checked.add(new Checked(account, rule));
        }
        if (checked.stream().anyMatch(c -> c.rule().mfaToRequest())) {
            stepUp.require((form.breakGlass() ? "break glass into " : "request ") + setName);
        }
        List<Long> ids = new ArrayList<>();
        for (Checked c : checked) {
            String approverId = requesters.approverFor(c.rule(), me);
            long id = requests.insert(me.id(), me.displayName(), c.account().id(), c.account().name(),
                    form.permissionSetArn(), setName, c.rule(), approverId, duration, startsAt, justification, ticket,
                    Optional.empty(), now);
            AccessRequested requested = new AccessRequested(id, me.id(), me.displayName(), c.account().id(),
                    c.account().name(), setName, DurationText.of(duration), justification, ticket,
                    c.rule().approverType(), approverId, c.rule().emergency(), now);
            events.publishEvent(requested);
            published.add(requested);
            if (c.rule().automatic()) {
                approve(requests.lock(id).orElseThrow(), AccessRequestDecided.AUTOMATIC, (c.rule().emergency()
                        ? "Break-glass rule \"" : "Rule \"") + c.rule().name() + "\" grants without approval");
            }
            ids.add(id);
        }
        return ids;
    }

    private AccessRule allowedRule(UserRow me, AccountRow account, String permissionSetArn) {
        Eligibility eligibility = policy.evaluate(me.id(), account.id(), permissionSetArn);
        if (!eligibility.allowed()) {
            throw new AccessProblem("accounts", account.name() + ": " + eligibility.reason());
        }
        return eligibility.rule().orElseThrow();
    }

    /** Pending requests the person may decide and has not decided yet, oldest first. */
    @Transactional(readOnly = true)
    public List<RequestSummary> inbox(int offset, int limit) {
        return requesters.signedIn()
                .map(me -> requests.inbox(policy.approverScope(me.id()), offset, limit)).orElse(List.of());
    }

    /** Break-glass activations whose rule names the person to be told, until an admin follows them up. */
    @Transactional(readOnly = true)
    public List<RequestSummary> breakGlassToldToMe(int offset, int limit) {
        return requesters.signedIn()
                .map(me -> requests.breakGlassToldTo(policy.approverScope(me.id()), offset, limit))
                .orElse(List.of());
    }

    /** What waits on the Approvals screen for the person: requests to decide, break-glass to know of. */
    @Transactional(readOnly = true)
    public ApprovalsWaiting approvalsWaiting() {
        return requesters.signedIn().map(me -> policy.approverScope(me.id()))
                .map(scope -> new ApprovalsWaiting(requests.inboxCount(scope), requests.breakGlassToldToCount(scope)))
                .orElse(new ApprovalsWaiting(0, 0));
    }

    /**
     * Approves or denies a request. Nobody decides their own request; a quorum needs that many different
     * people; the last approval needed grants access, exactly once however many arrive together.
     *
     * @return PENDING while more approvals are needed, APPROVED, DENIED, or CANCELLED for an extension of
     *         access that ended meanwhile
     * @throws dev.gatehouse.security.StepUpRequired when approving a request whose rule asks for MFA to
     *         approve, and the approver has not stepped up recently
     */
    @Transactional
    public RequestStatus decide(long requestId, boolean approve, String comment) {
        UserRow me = requesters.requireSignedIn();
        String note = comment == null ? "" : comment.strip();
        if (note.length() > 1000) {
            throw new AccessProblem("comment", "Keep the comment under 1,000 characters.");
        }
        StoredRequest request = requests.lock(requestId)
                .orElseThrow(() -> new AccessProblem("This request does not exist."));
        if (request.requesterId().equals(me.id())) {
            throw new AccessProblem("You cannot decide your own request.");
        }
        if (!requesters.mayApprove(me.id(), request)) {
            throw new AccessProblem("You are not an approver for this request.");
        }
        if (request.status() != RequestStatus.PENDING) {
            throw new AccessProblem("This request is no longer pending: " + request.status().label() + ".");
        }
        if (!request.pendingUntil().isAfter(clock.instant())) {
            throw new AccessProblem("This request waited too long and has expired.");
        }
        if (approve && request.mfaToApprove()) {
            stepUp.require("approve this request");
        }
        if (!requests.addDecision(requestId, me.id(), me.displayName(), approve, note, clock.instant())) {
            throw new AccessProblem("You have already decided this request.");
        }
        if (!approve) {
            requests.finish(requestId, RequestStatus.DENIED, me.displayName(), note, clock.instant());
            events.publishEvent(request.decided(RequestStatus.DENIED, me.displayName(), note, clock.instant()));
            return RequestStatus.DENIED;
        }
        int approvals = requests.approvals(requestId);
        if (approvals >= request.approvalsRequired()) {
            return approve(request, me.displayName(), note);
        }
        events.publishEvent(request.decided(RequestStatus.PENDING, me.displayName(), "Approval " + approvals + " of "
                + request.approvalsRequired() + (note.isEmpty() ? "" : "; " + note), clock.instant()));
        return RequestStatus.PENDING;
    }

    /** The requester withdraws a request that is still pending. */
    @Transactional
    public void cancel(long requestId) {
        UserRow me = requesters.requireSignedIn();
        StoredRequest request = requests.lock(requestId).filter(r -> r.requesterId().equals(me.id()))
                .orElseThrow(() -> new AccessProblem("This is not one of your requests."));
        if (request.status() != RequestStatus.PENDING) {
            throw new AccessProblem("This request is no longer pending: " + request.status().label() + ".");
        }
        requests.finish(requestId, RequestStatus.CANCELLED, me.displayName(), "", clock.instant());
        events.publishEvent(request.decided(RequestStatus.CANCELLED, me.displayName(), "", clock.instant()));
    }

    /** The person's requests, newest first. */
    @Transactional(readOnly = true)
    public List<RequestSummary> myRequests(int offset, int limit) {
        return requesters.signedIn()
                .map(me -> requests.mine(me.id(), offset, limit)).orElse(List.of());
    }

    /** @return APPROVED, or CANCELLED for an extension of access that ended meanwhile */
    private RequestStatus approve(StoredRequest request, String by, String comment) {
        if (request.extendsGrant().isPresent()) {
            return approveExtension(request, request.extendsGrant().get(), by, comment);
        }
        requests.finish(request.id(), RequestStatus.APPROVED, by, comment, clock.instant());
        granting.grant(request);
        events.publishEvent(request.decided(RequestStatus.APPROVED, by, comment, clock.instant()));
        return RequestStatus.APPROVED;
    }

    /** An approved extension moves the grant's end; if the access ended meanwhile there is nothing to extend. */
    private RequestStatus approveExtension(StoredRequest request, long grantId, String by, String comment) {
        StoredGrant grant = grants.lock(grantId).orElseThrow();
        Instant newEnd = grant.endsAt().plus(request.duration());
        if (grant.status() != GrantStatus.ACTIVE || !granting.extend(grantId, newEnd)) {
            requests.finish(request.id(), RequestStatus.CANCELLED, by, "The access ended before the extension was "
                    + "approved", clock.instant());
            events.publishEvent(request.decided(RequestStatus.CANCELLED, by,
                    "The access ended before the extension was approved", clock.instant()));
            return RequestStatus.CANCELLED;
        }
        requests.finish(request.id(), RequestStatus.APPROVED, by, comment, clock.instant());
        events.publishEvent(request.decided(RequestStatus.APPROVED, by, comment, clock.instant()));
        events.publishEvent(new GrantExtended(grantId, grant.requestId(), by, grant.userName(), grant.accountId(),
                grant.accountName(), grant.permissionSetName(), newEnd,
                "Extension request #" + request.id() + " approved", clock.instant()));
        return RequestStatus.APPROVED;
    }
}
