package dev.gatehouse.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.internal.RuleRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.AnyoneSignedIn;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.DurationText;

/**
 * The access rules: admins edit them, auditors read them, and the access module asks them who may
 * request what and who approves. When several rules match a request, {@link #PRECEDENCE} decides.
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

    /** How overlapping rules combine, as the rules screen explains it. */
    public static final String PRECEDENCE = "When several rules match a person, account and permission set, "
            + "Gatehouse applies exactly one: the one needing the fewest approvals, then the one allowing the "
            + "longest access, then the oldest. A rule whose approvers cannot be found (no manager recorded, an "
            + "empty group) is passed over.";

    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofDays(7);
    static final Duration LONGEST_PENDING = Duration.ofDays(14);
    static final Duration CONVERTED_LONGEST = Duration.ofHours(8);
    static final int LONGEST_TICKET_EXAMPLE = 40;
    static final int NAMED_APPROVERS = 10;

    private static final Comparator<AccessRule> ORDER = Comparator.comparingInt(AccessRule::approvalsRequired)
            .thenComparing(AccessRule::maxDuration, Comparator.reverseOrder())
            .thenComparing(AccessRule::id);

    private final RuleRepository rules;
    private final DirectoryLookup directory;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessPolicy(RuleRepository rules, DirectoryLookup directory, CurrentUser currentUser,
                 ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.directory = directory;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Rules by name whose name, permission set, scope, requesters or approvers contain the text. */
    @AdminOrAuditor
    public List<AccessRule> rules(String search, int offset, int limit) {
        return rules.page(search, offset, limit);
    }

    /**
     * Checks the rule, resolves its names from the directory and stores it.
     *
     * @throws RuleProblem naming the field that is wrong
     */
    @Transactional
    @AdminOnly
    public AccessRule save(AccessRule draft) {
        return stored(draft);
    }

    private AccessRule stored(AccessRule draft) {
        AccessRule rule = validated(draft);
        Optional<AccessRule> before = rule.id() == null ? Optional.empty() : rules.find(rule.id());
        if (rule.id() != null && before.isEmpty()) {
            throw new RuleProblem("id", "This rule was deleted meanwhile.");
        }
        long id = rule.id() == null ? rules.insert(rule) : rule.id();
        if (rule.id() != null) {
            rules.update(rule);
        }
        AccessRule saved = rules.find(id).orElseThrow();
        events.publishEvent(new AccessRuleChanged(id, currentUser.require().displayName(), rule.updatedAt(),
                before.map(AccessPolicy::describe).orElse(""), describe(saved)));
        return saved;
    }

    @Transactional
    @AdminOnly
    public void delete(long id) {
        deleted(id, currentUser.require().displayName());
    }

    /** The rule with this id, if it still exists. */
    @AdminOrAuditor
    public Optional<AccessRule> rule(long id) {
        return rules.find(id);
    }

    /**
     * Deletes a rule that names one person alone, because an access review revoked that person's
     * eligibility: audited as a rule change by the reviewer, under the review's decision id. Gatehouse calls
     * it for the reviewer once the review module has checked they decide the item.
     *
     * @return false when the rule is gone already
     * @throws RuleProblem when the rule no longer names that person alone
     */
    @Transactional
    @AdminOnly
    public boolean deleteRevokedInReview(long id, String userId, String decidedBy, String decisionId) {
        Optional<AccessRule> rule = rules.find(id);
        if (rule.isEmpty()) {
            return false;
        }
        if (rule.get().requesterType() != RequesterType.USER || !rule.get().requesterId().equals(userId)) {
            throw new RuleProblem("id", "Rule \"" + rule.get().name() + "\" no longer names this person alone.");
        }
        deleted(id, decidedBy + " (access review, decision " + decisionId + ")");
        return true;
    }

    private void deleted(long id, String actor) {
        rules.find(id).ifPresent(rule -> {
            rules.delete(id);
            events.publishEvent(new AccessRuleChanged(id, actor, clock.instant(), describe(rule), ""));
        });
    }

    /** People, groups, OUs, accounts or permission sets whose names contain the text, for the rule screens. */
    @AdminOrAuditor
    public List<Choice> choices(Picker picker, String text, int limit) {
        return switch (picker) {
            case PERSON -> directory.findUsers(text, limit).stream()
                    .map(u -> new Choice(u.id(), u.displayName() + " (" + u.userName() + ")")).toList();
            case GROUP -> directory.findGroups(text, limit).stream()
                    .map(g -> new Choice(g.id(), g.displayName())).toList();
            case OU -> directory.findOrganizationalUnits(text, limit).stream()
                    .map(ou -> new Choice(ou.id(), ou.path())).toList();
            case ACCOUNT -> directory.accountsWithin(new AccountScopes(true, Set.of(), Set.of()),
                            DirectoryPage.first(limit).matching(text)).stream()
                    .map(a -> new Choice(a.id(), a.name() + " (" + a.id() + ")")).toList();
            case PERMISSION_SET -> directory.permissionSets().stream()
                    .filter(set -> set.name().toLowerCase().contains(text.strip().toLowerCase())).limit(limit)
                    .map(set -> new Choice(set.arn(), set.name())).toList();
        };
    }

    /** The choice a picker would list for a stored id, to show it again; empty when the directory no longer has it. */
    @AdminOrAuditor
    public Optional<Choice> choice(Picker picker, String id) {
        return switch (picker) {
            case PERSON -> directory.user(id).map(u -> new Choice(u.id(), u.displayName() + " (" + u.userName() + ")"));
            case GROUP -> directory.group(id).map(g -> new Choice(g.id(), g.displayName()));
            case OU -> directory.organizationalUnit(id).map(ou -> new Choice(ou.id(), ou.path()));
            case ACCOUNT -> directory.account(id).map(a -> new Choice(a.id(), a.name() + " (" + a.id() + ")"));
            case PERMISSION_SET -> directory.permissionSet(id).map(set -> new Choice(set.arn(), set.name()));
        };
    }

    /** What a rule editor picker lists. */
    public enum Picker { PERSON, GROUP, OU, ACCOUNT, PERMISSION_SET }

    /**
     * The policy explainer: whether the person may request the permission set on the account, under
     * which rule and limits, who would approve, or which rule is missing.
     */
    @AdminOrAuditor
    public Eligibility explain(String userId, String accountId, String permissionSetArn) {
        return evaluate(userId, accountId, permissionSetArn);
    }

    /** The rules that let this person request anything, oldest first. */
    @AnyoneSignedIn
    public List<AccessRule> rulesFor(String userId) {
        return rules.forRequester(userId, directory.groupIds(userId));
    }

    /**
     * Whether the person may request the permission set on the account, under which rule, approved by
     * whom. Break-glass rules are not considered: they are for {@link #breakGlass} only.
     */
    @AnyoneSignedIn
    public Eligibility evaluate(String userId, String accountId, String permissionSetArn) {
        return evaluate(userId, accountId, permissionSetArn, new Live());
    }

    /** Someone, an account and a permission set, to evaluate. */
    public record Subject(String userId, String accountId, String permissionSetArn) {
    }

    /**
     * {@link #evaluate(String, String, String)} for several subjects at once, for a screen that shows a page
     * of them: the rules, the people's groups and managers and the accounts' OUs are read in one query each
     * for all of them, not once per subject.
     */
    @AnyoneSignedIn
    public Map<Subject, Eligibility> evaluateAll(Collection<Subject> subjects) {
        Facts facts = new Preloaded(subjects);
        Map<Subject, Eligibility> evaluated = new HashMap<>();
        subjects.forEach(subject -> evaluated.computeIfAbsent(subject, s -> evaluate(s.userId(), s.accountId(),
                s.permissionSetArn(), facts)));
        return evaluated;
    }

    private Eligibility evaluate(String userId, String accountId, String permissionSetArn, Facts facts) {
        List<AccessRule> matching = matching(userId, accountId, permissionSetArn, false, facts);
        if (matching.isEmpty()) {
            return new Eligibility(Optional.empty(), List.of(), 0, "No rule lets this person request this permission "
                    + "set on this account" + matching(userId, accountId, permissionSetArn, true, facts).stream()
                    .findFirst()
                    .map(rule -> " normally; break-glass rule \"" + rule.name() + "\" lets them activate it at once, "
                            + "for at most " + DurationText.of(rule.maxDuration()) + ".")
                    .orElse(". An admin can add one under Access rules."));
        }
        for (AccessRule rule : matching) {
            Approvers approvers = approvers(rule, userId, facts);
            if (rule.automatic() || !approvers.named().isEmpty()) {
                return new Eligibility(Optional.of(rule), approvers.named(), approvers.more(), "Rule \"" + rule.name()
                        + "\" applies" + (matching.size() > 1 ? " (" + matching.size() + " rules match; it needs the "
                        + "fewest approvals)" : "") + "." + (rule.sessionCapped() ? " It counts the AWS session: "
                        + "grants last at most " + DurationText.of(rule.maxDuration()) + " so that a session opened at "
                        + "their end closes in time." : ""));
            }
        }
        AccessRule first = matching.get(0);
        return new Eligibility(Optional.of(first), List.of(), 0, "Rule \"" + first.name() + "\" matches, but nobody "
                + "can approve: " + (first.approverType() == ApproverType.MANAGER
                ? "Identity Center records no manager for this person." : "the approver group has no other member."));
    }

    /**
     * A rule for standing access an access review converts to just in time, when no rule lets the person
     * request it yet: this person alone, this permission set on this account, approved by their manager (by
     * {@code approverWithoutManager} when the Identity Store records none), at most 8 hours at a time with a
     * justification. Open to reviewers, not only admins, because such a rule gives nothing by itself: every
     * request under it waits for an approval.
     */
    @Transactional
    @AnyoneSignedIn
    public AccessRule addRuleForConvertedAccess(String userId, String accountId, String permissionSetArn,
                                                String approverWithoutManager) {
        String person = directory.user(userId).map(UserRow::displayName).orElse(userId);
        String account = directory.account(accountId).map(a -> a.name()).orElse(accountId);
        String name = "Converted in review: " + person + " on " + account;
        boolean managed = directory.managerId(userId).isPresent();
        AccessRule draft = new AccessRule(null, name.length() > 80 ? name.substring(0, 80) : name, RequesterType.USER,
                userId, "", ScopeType.ACCOUNT, accountId, "", permissionSetArn, "", CONVERTED_LONGEST,
                Duration.ofHours(1), true, "", "", true, 1, managed ? ApproverType.MANAGER : ApproverType.USER,
                managed ? "" : approverWithoutManager, "", false, false, false, false, Duration.ofDays(1), null, "");
        return stored(draft);
    }

    /**
     * The break-glass rule that lets the person activate the permission set on the account at once, if
     * any; of several, the one allowing the longest access, then the oldest.
     */
    @AnyoneSignedIn
    public Optional<AccessRule> breakGlass(String userId, String accountId, String permissionSetArn) {
        return matching(userId, accountId, permissionSetArn, true, new Live()).stream().findFirst();
    }

    private List<AccessRule> matching(String userId, String accountId, String permissionSetArn, boolean emergency,
                                      Facts facts) {
        Set<String> chain = facts.ouChain(accountId);
        return facts.rulesFor(userId).stream()
                .filter(rule -> rule.emergency() == emergency && rule.permissionSetArn().equals(permissionSetArn))
                .filter(rule -> switch (rule.scopeType()) {
                    case ORGANIZATION -> true;
                    case OU -> chain.contains(rule.scopeId());
                    case ACCOUNT -> rule.scopeId().equals(accountId);
                })
                .map(rule -> sessionCounted(rule, facts))
                .sorted(ORDER).toList();
    }

    /**
     * A rule that counts the AWS session, as it applies now: its longest access less the permission set's
     * session duration, and never under the shortest grant.
     */
    private AccessRule sessionCounted(AccessRule rule, Facts facts) {
        if (!rule.sessionCapped()) {
            return rule;
        }
        Duration session = facts.permissionSet(rule.permissionSetArn())
                .map(PermissionSetRow::sessionOrLongest).orElse(Duration.ZERO);
        Duration longest = rule.maxDuration().minus(session);
        return rule.withLongestAccess(longest.compareTo(SHORTEST) < 0 ? SHORTEST : longest);
    }

    /** The rules under which this person approves others' requests. */
    @AnyoneSignedIn
    public ApproverScope approverScope(String approverId) {
        return new ApproverScope(approverId, directory.groupIds(approverId));
    }

    /** Who could approve the person's request under the rule: at most ten by name, and how many more. */
    private Approvers approvers(AccessRule rule, String requesterId, Facts facts) {
        return switch (rule.approverType()) {
            case NONE -> new Approvers(List.of(), 0);
            case USER -> new Approvers(rule.approverId().equals(requesterId) ? List.of()
                    : List.of(rule.approverLabel()), 0);
            case GROUP -> {
                List<String> named = facts.members(rule.approverId(), NAMED_APPROVERS + 1).stream()
                        .filter(member -> !member.id().equals(requesterId)).limit(NAMED_APPROVERS)
                        .map(UserRow::displayName).toList();
                int others = facts.group(rule.approverId()).map(GroupRow::members).orElse(named.size())
                        - (facts.groupIds(requesterId).contains(rule.approverId()) ? 1 : 0);
                yield new Approvers(named, Math.max(0, others - named.size()));
            }
            case MANAGER -> new Approvers(facts.managerName(requesterId).stream().toList(), 0);
        };
    }

    private record Approvers(List<String> named, int more) {
    }

    /** What evaluating a rule reads: from the directory as asked ({@link Live}), or read ahead for many ({@link Preloaded}). */
    private interface Facts {
        List<AccessRule> rulesFor(String userId);

        Set<String> ouChain(String accountId);

        Optional<PermissionSetRow> permissionSet(String arn);

        List<UserRow> members(String groupId, int limit);

        Optional<GroupRow> group(String groupId);

        Set<String> groupIds(String userId);

        Optional<String> managerName(String userId);
    }

    private final class Live implements Facts {
        @Override
        public List<AccessRule> rulesFor(String userId) {
            return AccessPolicy.this.rulesFor(userId);
        }

        @Override
        public Set<String> ouChain(String accountId) {
            return directory.ouChain(accountId);
        }

        @Override
        public Optional<PermissionSetRow> permissionSet(String arn) {
            return directory.permissionSet(arn);
        }

        @Override
        public List<UserRow> members(String groupId, int limit) {
            return directory.members(groupId, limit);
        }

        @Override
        public Optional<GroupRow> group(String groupId) {
            return directory.group(groupId);
        }

        @Override
        public Set<String> groupIds(String userId) {
            return directory.groupIds(userId);
        }

        @Override
        public Optional<String> managerName(String userId) {
            return directory.managerId(userId).flatMap(directory::user).map(UserRow::displayName);
        }
    }

    /**
     * The subjects' people, their groups, managers and rules and the accounts' OU chains, each read in one
     * query; what depends on a rule (its permission set, its approver group) once per rule. Anyone else
     * asked about is read as {@link Live} does.
     */
    private final class Preloaded implements Facts {
        private final Live live = new Live();
        private final Map<String, Set<String>> groups;
        private final Map<String, List<AccessRule>> rulesByPerson = new HashMap<>();
        private final Map<String, Set<String>> chains;
        private final Map<String, UserRow> people;
        private final Map<String, Optional<PermissionSetRow>> sets = new HashMap<>();
        private final Map<String, List<UserRow>> members = new HashMap<>();
        private final Map<String, Optional<GroupRow>> groupRows = new HashMap<>();

        Preloaded(Collection<Subject> subjects) {
            Set<String> userIds = subjects.stream().map(Subject::userId).collect(Collectors.toSet());
            groups = directory.groupIds(userIds);
            Set<String> anyGroup = groups.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            List<AccessRule> candidates = rules.forRequesters(userIds, anyGroup);
            for (String userId : userIds) {
                Set<String> mine = groups.getOrDefault(userId, Set.of());
                rulesByPerson.put(userId, candidates.stream().filter(rule -> switch (rule.requesterType()) {
                    case EVERYONE -> true;
                    case USER -> rule.requesterId().equals(userId);
                    case GROUP -> mine.contains(rule.requesterId());
                }).toList());
            }
            chains = directory.ouChains(subjects.stream().map(Subject::accountId).collect(Collectors.toSet()));
            people = directory.users(userIds);
        }

        @Override
        public List<AccessRule> rulesFor(String userId) {
            List<AccessRule> known = rulesByPerson.get(userId);
            return known != null ? known : live.rulesFor(userId);
        }

        @Override
        public Set<String> ouChain(String accountId) {
            Set<String> known = chains.get(accountId);
            return known != null ? known : live.ouChain(accountId);
        }

        @Override
        public Optional<PermissionSetRow> permissionSet(String arn) {
            return sets.computeIfAbsent(arn, live::permissionSet);
        }

        @Override
        public List<UserRow> members(String groupId, int limit) {
            return members.computeIfAbsent(groupId + "\n" + limit, key -> live.members(groupId, limit));
        }

        @Override
        public Optional<GroupRow> group(String groupId) {
            return groupRows.computeIfAbsent(groupId, live::group);
        }

        @Override
        public Set<String> groupIds(String userId) {
            Set<String> known = groups.get(userId);
            return known != null ? known : live.groupIds(userId);
        }

        @Override
        public Optional<String> managerName(String userId) {
            if (!groups.containsKey(userId)) {
                return live.managerName(userId);
            }
            return Optional.ofNullable(people.get(userId)).map(UserRow::managerName).filter(name -> !name.isEmpty());
        }
    }

    private AccessRule validated(AccessRule d) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new RuleProblem("name", "Give the rule a name of at most 80 characters.");
        }
        String requesterLabel = switch (d.requesterType()) {
            case EVERYONE -> "Everyone";
            case USER -> directory.user(d.requesterId()).map(UserRow::displayName)
                    .orElseThrow(() -> new RuleProblem("requesterId", "Choose the person who may request."));
            case GROUP -> directory.group(d.requesterId()).map(g -> g.displayName())
                    .orElseThrow(() -> new RuleProblem("requesterId", "Choose the group whose members may request."));
        };
        String scopeLabel = switch (d.scopeType()) {
            case ORGANIZATION -> "Whole organization";
            case OU -> directory.organizationalUnit(d.scopeId()).map(ou -> ou.path())
                    .orElseThrow(() -> new RuleProblem("scopeId", "Choose the organizational unit."));
            case ACCOUNT -> directory.account(d.scopeId()).map(a -> a.name() + " (" + a.id() + ")")
                    .orElseThrow(() -> new RuleProblem("scopeId", "Choose the account."));
        };
        String setName = directory.permissionSet(d.permissionSetArn() == null ? "" : d.permissionSetArn())
                .map(set -> set.name())
                .orElseThrow(() -> new RuleProblem("permissionSetArn", "Choose the permission set."));
        if (d.maxDuration() == null || d.maxDuration().compareTo(SHORTEST) < 0 || d.maxDuration().compareTo(LONGEST) > 0) {
            throw new RuleProblem("maxDuration", "The longest access must be between 15 minutes and 7 days.");
        }
        if (d.defaultDuration() == null || d.defaultDuration().compareTo(SHORTEST) < 0
                || d.defaultDuration().compareTo(d.maxDuration()) > 0) {
            throw new RuleProblem("defaultDuration", "The default must be at least 15 minutes and at most the longest access.");
        }
        String ticketPattern = d.ticketPattern() == null ? "" : d.ticketPattern().strip();
        String ticketExample = validatedTicketExample(ticketPattern, d.ticketExample());
        String approverLabel = validatedApprovers(d);
        if (!d.emergency() && (d.pendingTimeout() == null || d.pendingTimeout().compareTo(Duration.ofMinutes(5)) < 0
                || d.pendingTimeout().compareTo(LONGEST_PENDING) > 0)) {
            throw new RuleProblem("pendingTimeout", "A request may wait between 5 minutes and 14 days for approval.");
        }
        // Break-glass always asks why and starts at once; nobody approves it, so nothing waits.
        return new AccessRule(d.id(), name, d.requesterType(),
                d.requesterType() == RequesterType.EVERYONE ? "" : d.requesterId(), requesterLabel, d.scopeType(),
                d.scopeType() == ScopeType.ORGANIZATION ? "" : d.scopeId(), scopeLabel, d.permissionSetArn(), setName,
                d.maxDuration(), d.defaultDuration(), d.justificationRequired() || d.emergency(), ticketPattern,
                ticketExample, d.futureStartAllowed() && !d.emergency(), d.approvalsRequired(), d.approverType(),
                d.approverType() == ApproverType.USER || d.approverType() == ApproverType.GROUP ? d.approverId() : "",
                approverLabel, d.emergency(), d.sessionCapped(), d.mfaToRequest(), d.mfaToApprove() && !d.automatic(),
                d.emergency() ? Duration.ofHours(1) : d.pendingTimeout(), clock.instant(),
                currentUser.require().subject());
    }

    /** Requesters see the example, never the pattern, so a rule that asks for a ticket needs one that fits. */
    private static String validatedTicketExample(String ticketPattern, String example) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(ticketPattern);
        } catch (PatternSyntaxException e) {
            throw new RuleProblem("ticketPattern", "The ticket pattern is not a valid regular expression: "
                    + e.getDescription() + ".");
        }
        String ticket = example == null ? "" : example.strip();
        if (ticketPattern.isEmpty()) {
            return "";
        }
        if (ticket.isEmpty() || ticket.length() > LONGEST_TICKET_EXAMPLE) {
            throw new RuleProblem("ticketExample", "Give an example ticket of at most " + LONGEST_TICKET_EXAMPLE
                    + " characters, such as OPS-123: requesters see it instead of the pattern.");
        }
        if (!pattern.matcher(ticket).matches()) {
            throw new RuleProblem("ticketExample", "The example " + ticket + " does not match the ticket pattern.");
        }
        return ticket;
    }

    private String validatedApprovers(AccessRule d) {
        if (d.emergency()) {
            if (d.approvalsRequired() != 0) {
                throw new RuleProblem("approvalsRequired", "Break-glass needs no approvals: set 0.");
            }
            return switch (d.approverType()) {
                case NONE -> "";
                case USER -> directory.user(d.approverId() == null ? "" : d.approverId()).map(UserRow::displayName)
                        .orElseThrow(() -> new RuleProblem("approverId", "Choose the person who is told."));
                case GROUP -> directory.group(d.approverId() == null ? "" : d.approverId()).map(g -> g.displayName())
                        .orElseThrow(() -> new RuleProblem("approverId", "Choose the group whose members are told."));
                case MANAGER -> "Manager";
            };
        }
        if (d.approverType() == ApproverType.NONE) {
            if (d.approvalsRequired() != 0) {
                throw new RuleProblem("approvalsRequired", "An automatic rule needs no approvals: set 0.");
            }
            return "";
        }
        if (d.approvalsRequired() < 1 || d.approvalsRequired() > 5) {
            throw new RuleProblem("approvalsRequired", "Ask for between 1 and 5 approvals.");
        }
        return switch (d.approverType()) {
            case USER -> {
                if (d.approvalsRequired() != 1) {
                    throw new RuleProblem("approvalsRequired", "One person can give only one approval.");
                }
                yield directory.user(d.approverId() == null ? "" : d.approverId()).map(UserRow::displayName)
                        .orElseThrow(() -> new RuleProblem("approverId", "Choose the person who approves."));
            }
            case GROUP -> {
                var group = directory.group(d.approverId() == null ? "" : d.approverId())
                        .orElseThrow(() -> new RuleProblem("approverId", "Choose the group whose members approve."));
                if (group.members() < d.approvalsRequired()) {
                    throw new RuleProblem("approvalsRequired", group.displayName() + " has " + group.members()
                            + " members, fewer than the " + d.approvalsRequired() + " approvals asked for.");
                }
                yield group.displayName();
            }
            case MANAGER -> {
                if (d.approvalsRequired() != 1) {
                    throw new RuleProblem("approvalsRequired", "A manager can give only one approval.");
                }
                yield "Manager";
            }
            case NONE -> "";
        };
    }

    /** One line with everything the rule says, for the audit trail's before and after. */
    static String describe(AccessRule r) {
        List<String> parts = new ArrayList<>();
        parts.add("\"" + r.name() + "\": " + r.requesterLabel() + " may request " + r.permissionSetName() + " on "
                + r.scopeLabel());
        parts.add("up to " + DurationText.of(r.maxDuration()) + " (default " + DurationText.of(r.defaultDuration())
                + ")");
        parts.add(r.approvalSummary());
        parts.add(r.justificationRequired() ? "justification required" : "justification optional");
        parts.add(r.ticketRequired() ? "ticket matching " + r.ticketPattern()
                + (r.ticketExample().isEmpty() ? "" : " (like " + r.ticketExample() + ")") : "no ticket");
        parts.add(r.futureStartAllowed() ? "may start later" : "starts at once");
        if (r.sessionCapped()) {
            parts.add("the AWS session counts in the longest access");
        }
        if (r.mfaToRequest()) {
            parts.add("MFA to request");
        }
        if (r.mfaToApprove()) {
            parts.add("MFA to approve");
        }
        if (r.emergency()) {
            parts.add("break-glass");
        }
        if (!r.emergency()) {
            parts.add("pending for up to " + DurationText.of(r.pendingTimeout()));
        }
        return String.join("; ", parts);
    }
}
