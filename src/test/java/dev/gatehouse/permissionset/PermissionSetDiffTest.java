package dev.gatehouse.permissionset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gatehouse.permissionset.PermissionSetDiff.StatementChange;
import dev.gatehouse.permissionset.PermissionSetDiff.ValueChange;
import dev.gatehouse.permissionset.PermissionSetDiff.Verdict;

/** What a reviewer of a permission-set change is shown: what changed, and whether it can give anyone more access. */
class PermissionSetDiffTest {

    private static final String READ = """
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::logs/*"}""";
    private static final String NO_DELETE = """
            {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}""";

    private static final PermissionSetSpec BASE = PermissionSetSpec.named("Logs").withDescription("Read logs")
            .withSessionDuration("PT2H").withManagedPolicyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"))
            .withInlinePolicy(policy(READ, NO_DELETE)).withTags(Map.of("team", "platform", "cost", "42"));

    @Test
    void the_same_definition_changes_nothing() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.verdict()).isEqualTo(Verdict.NO_ACCESS_CHANGE);
    }

    @Test
    void whitespace_key_order_statement_order_and_one_value_against_a_list_of_one_are_no_change() {
        String rewritten = """
                {
                    "Statement": [
                        {"Resource": "*", "Action": ["s3:DeleteObject"], "Effect": "Deny"},
                        {"Resource": ["arn:aws:s3:::logs/*"], "Effect": "Allow", "Sid": "Read",
                         "Action": ["s3:ListBucket", "S3:GetObject"]}
                    ],
                    "Version": "2012-10-17"
                }""";

        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(rewritten));

        assertThat(diff.statements()).isEmpty();
        assertThat(diff.verdict()).isEqualTo(Verdict.NO_ACCESS_CHANGE);
    }

    @Test
    void name_description_relay_state_and_tags_are_shown_and_change_no_access() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withName("LogReaders").withDescription("Read app logs")
                .withRelayState("https://console.aws.amazon.com/s3/").withTags(Map.of("team", "data", "owner", "ana")));

        assertThat(diff.fields()).containsExactly(new ValueChange("name", "Logs", "LogReaders"),
                new ValueChange("description", "Read logs", "Read app logs"),
                new ValueChange("relayState", "", "https://console.aws.amazon.com/s3/"));
        assertThat(diff.tags().added()).isEqualTo(Map.of("owner", "ana"));
        assertThat(diff.tags().removed()).isEqualTo(Map.of("cost", "42"));
        assertThat(diff.tags().changed()).containsExactly(new ValueChange("team", "platform", "data"));
        assertThat(diff.verdict()).isEqualTo(Verdict.NO_ACCESS_CHANGE);
    }

    @Test
    void a_longer_session_adds_access_and_a_shorter_one_removes_it() {
        PermissionSetDiff longer = PermissionSetDiff.between(BASE, BASE.withSessionDuration("PT8H"));
        assertThat(longer.fields()).containsExactly(new ValueChange("sessionDuration", "PT2H", "PT8H"));
        assertThat(longer.addsAccess()).containsExactly(
                "Sessions change from PT2H to PT8H: a session outlives the assignment that opened it by longer.");

        PermissionSetDiff shorter = PermissionSetDiff.between(BASE, BASE.withSessionDuration(""));
        assertThat(shorter.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
        assertThat(shorter.removesAccess()).containsExactly("Sessions change from PT2H to AWS's default (PT1H).");
    }

    @Test
    void attaching_a_managed_or_customer_managed_policy_adds_access_and_detaching_removes_it() {
        PermissionSetDiff attached = PermissionSetDiff.between(BASE, BASE
                .withManagedPolicyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess"))
                .withCustomerManagedPolicies(List.of(new PolicyReference("Deploy", "/team/"))));

        assertThat(attached.managedPolicies().attached()).containsExactly("arn:aws:iam::aws:policy/AmazonS3FullAccess");
        assertThat(attached.customerManagedPolicies().attached()).containsExactly(new PolicyReference("Deploy", "/team/"));
        assertThat(attached.verdict()).isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(attached.addsAccess()).containsExactly(
                "Attaches the AWS managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess.",
                "Attaches the customer managed policy /team/Deploy, which grants whatever each account defines under that name.");

        PermissionSetDiff detached = PermissionSetDiff.between(BASE, BASE.withManagedPolicyArns(List.of()));
        assertThat(detached.managedPolicies().detached()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(detached.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
    }

    @Test
    void attaching_a_boundary_removes_access_and_removing_or_replacing_one_adds_it() {
        PermissionsBoundary boundary = PermissionsBoundary.managedPolicy("arn:aws:iam::aws:policy/PowerUserAccess");
        PermissionSetSpec bounded = BASE.withPermissionsBoundary(boundary);

        assertThat(PermissionSetDiff.between(BASE, bounded).verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
        assertThat(PermissionSetDiff.between(BASE, bounded).boundary()).hasValueSatisfying(change ->
                assertThat(change.after()).isEqualTo(boundary));
        assertThat(PermissionSetDiff.between(bounded, BASE).addsAccess()).containsExactly(
                "Removes the permissions boundary AWS managed policy arn:aws:iam::aws:policy/PowerUserAccess.");
        assertThat(PermissionSetDiff.between(bounded, BASE.withPermissionsBoundary(
                PermissionsBoundary.customerManaged(PolicyReference.of("Guardrails")))).verdict()).isEqualTo(Verdict.ADDS_ACCESS);
    }

    @Test
    void a_new_allow_statement_adds_access_on_its_line() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy(READ, NO_DELETE, """
                {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}""")));

        assertThat(diff.statements()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(StatementChange.Kind.ADDED);
            assertThat(change.sid()).isEqualTo("Write");
            assertThat(change.afterLine()).isEqualTo(6);
            assertThat(change.addsAccess()).isTrue();
        });
        assertThat(diff.addsAccess()).containsExactly(
                "Adds statement Write (line 6): Allow s3:putobject on arn:aws:s3:::logs/*.");
    }

    @Test
    void removing_an_allow_or_adding_a_deny_only_removes_access() {
        PermissionSetDiff removed = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy(NO_DELETE)));
        assertThat(removed.statements()).extracting(StatementChange::kind).containsExactly(StatementChange.Kind.REMOVED);
        assertThat(removed.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
        assertThat(removed.removesAccess()).containsExactly(
                "Removes statement Read (line 4 before): Allow s3:getobject, s3:listbucket on arn:aws:s3:::logs/*.");

        PermissionSetDiff denied = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy(READ, NO_DELETE, """
                {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}""")));
        assertThat(denied.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
    }

    @Test
    void removing_a_deny_adds_access() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy(READ)));

        assertThat(diff.verdict()).isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(diff.addsAccess()).containsExactly(
                "Removes statement 2 (line 5 before): Deny s3:deleteobject on *.");
    }

    @Test
    void narrowing_an_allow_by_sid_removes_access_and_widening_it_adds_access() {
        PermissionSetDiff narrower = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy("""
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::logs/app/*",
                 "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}""", NO_DELETE)));
        assertThat(narrower.statements()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(StatementChange.Kind.CHANGED);
            assertThat(change.addsAccess()).isFalse();
            assertThat(change.before()).contains("\"s3:ListBucket\"");
        });
        assertThat(narrower.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);

        PermissionSetDiff wider = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy("""
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::logs/*"}""", NO_DELETE)));
        assertThat(wider.verdict()).isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(wider.addsAccess()).containsExactly("Changes statement Read (line 4) in a way Gatehouse cannot prove "
                + "narrower: now Allow s3:get* on arn:aws:s3:::logs/*.");
    }

    @Test
    void a_changed_statement_gatehouse_cannot_compare_counts_as_adding_access() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withInlinePolicy(policy("""
                {"Sid": "Read", "Effect": "Allow", "NotAction": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"}""", NO_DELETE)));

        assertThat(diff.verdict()).isEqualTo(Verdict.ADDS_ACCESS);
    }

    @Test
    void dropping_a_condition_from_an_allow_adds_access_and_dropping_one_from_a_deny_only_removes() {
        String conditioned = """
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                 "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}""";
        String unconditioned = """
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""";
        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(conditioned)),
                BASE.withInlinePolicy(policy(unconditioned))).verdict()).isEqualTo(Verdict.ADDS_ACCESS);

        String denyOutsideOffice = """
                {"Sid": "Office", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}""";
        String denyAlways = """
                {"Sid": "Office", "Effect": "Deny", "Action": "*", "Resource": "*"}""";
        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(READ, denyOutsideOffice)),
                BASE.withInlinePolicy(policy(READ, denyAlways))).verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(READ, denyAlways)),
                BASE.withInlinePolicy(policy(READ, denyOutsideOffice))).verdict()).isEqualTo(Verdict.ADDS_ACCESS);
    }

    @Test
    void statements_without_sid_are_matched_by_what_they_say() {
        String listBuckets = """
                {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}""";
        PermissionSetDiff diff = PermissionSetDiff.between(BASE.withInlinePolicy(policy(listBuckets, NO_DELETE)),
                BASE.withInlinePolicy(policy(NO_DELETE, """
                        {"Action": ["s3:ListAllMyBuckets"], "Effect": "Allow", "Resource": ["*"]}""")));

        assertThat(diff.statements()).isEmpty();
    }

    @Test
    void an_allow_replaced_by_one_inside_it_adds_nothing_even_without_a_sid() {
        String all = """
                {"Effect": "Allow", "Action": "logs:*", "Resource": "*"}""";
        String some = """
                {"Effect": "Allow", "Action": ["logs:Get*", "logs:Describe*"], "Resource": "arn:aws:logs:*:*:log-group:app*"}""";

        PermissionSetDiff diff = PermissionSetDiff.between(BASE.withInlinePolicy(policy(all)), BASE.withInlinePolicy(policy(some)));

        assertThat(diff.statements()).extracting(StatementChange::kind)
                .containsExactly(StatementChange.Kind.ADDED, StatementChange.Kind.REMOVED);
        assertThat(diff.verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
    }

    @Test
    void a_wildcard_that_only_looks_narrower_is_not_taken_for_narrower() {
        String getOne = """
                {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObjec?", "Resource": "*"}""";
        String getAny = """
                {"Sid": "A", "Effect": "Allow", "Action": "s3:GetObjec*", "Resource": "*"}""";

        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(getOne)), BASE.withInlinePolicy(policy(getAny)))
                .verdict()).isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(getAny)), BASE.withInlinePolicy(policy(getOne)))
                .verdict()).isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
    }

    @Test
    void an_inline_policy_that_is_not_json_cannot_be_proved_harmless() {
        PermissionSetDiff diff = PermissionSetDiff.between(BASE, BASE.withInlinePolicy("{\"Statement\": ["));

        assertThat(diff.addsAccess()).containsExactly(
                "The inline policy after the change is not JSON, so Gatehouse cannot tell what the change allows.");
    }

    @Test
    void a_first_inline_policy_adds_its_allows_and_removing_it_removes_them() {
        PermissionSetSpec without = BASE.withInlinePolicy("");

        assertThat(PermissionSetDiff.between(without, BASE).verdict()).isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(PermissionSetDiff.between(BASE, without).verdict()).as("the Deny goes too").isEqualTo(Verdict.ADDS_ACCESS);
        assertThat(PermissionSetDiff.between(BASE.withInlinePolicy(policy(READ)), without).verdict())
                .isEqualTo(Verdict.ONLY_REMOVES_ACCESS);
    }

    @Test
    void a_version_change_is_shown_and_adds_access_where_policy_variables_are_used() {
        String home = """
                {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username}/*"}""";
        PermissionSetSpec old = BASE.withInlinePolicy("{\"Version\": \"2008-10-17\", \"Statement\": [" + home + "]}");

        PermissionSetDiff diff = PermissionSetDiff.between(old, BASE.withInlinePolicy(policy(home)));

        assertThat(diff.fields()).containsExactly(new ValueChange("inlinePolicy.Version", "2008-10-17", "2012-10-17"));
        assertThat(diff.verdict()).isEqualTo(Verdict.ADDS_ACCESS);
    }

    /** A policy with one statement a line, the first on line 4. */
    private static String policy(String... statements) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    " + String.join(",\n    ", statements) + "\n  ]\n}";
    }
}
