package dev.gatehouse.permissionset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the editor shows beside each field, as "SEVERITY field line:column: message". */
class PermissionSetValidatorTest {

    private static final String READ_LOGS = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadLogs",
                  "Effect": "Allow",
                  "Action": ["logs:GetLogEvents", "logs:Describe*"],
                  "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:app:*"
                }
              ]
            }""";

    @Test
    void a_well_formed_permission_set_has_nothing_to_say() {
        PermissionSetSpec spec = PermissionSetSpec.named("ReadLogs").withDescription("Read application logs")
                .withSessionDuration("PT4H").withRelayState("https://console.aws.amazon.com/cloudwatch/")
                .withManagedPolicyArns(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess")).withInlinePolicy(READ_LOGS)
                .withTags(Map.of("team", "platform"));

        assertThat(PermissionSetValidator.validate(spec)).isEmpty();
    }

    @Test
    void the_name_is_required_at_most_32_characters_and_without_spaces() {
        assertThat(seen(PermissionSetSpec.named(""))).containsExactly("ERROR name: Give the permission set a name.");
        assertThat(seen(PermissionSetSpec.named("A".repeat(33))))
                .containsExactly("ERROR name: The name has 33 characters: AWS allows at most 32.");
        assertThat(seen(PermissionSetSpec.named("Read logs!"))).containsExactly(
                "ERROR name: The name may contain only letters, digits and + = , . @ _ -, not spaces, '!'.");
        assertThat(seen(PermissionSetSpec.named("Ops+Dev=1,a.b@c_d-e"))).isEmpty();
    }

    @Test
    void the_description_is_at_most_700_latin_1_characters() {
        assertThat(seen(PermissionSetSpec.named("Ops").withDescription("x".repeat(701))))
                .containsExactly("ERROR description: The description has 701 characters: AWS allows at most 700.");
        assertThat(seen(PermissionSetSpec.named("Ops").withDescription("Déploiement → prod"))).containsExactly(
                "ERROR description: AWS takes only Latin-1 letters and signs in a description, not '→'.");
    }

    @Test
    void sessions_last_from_one_to_twelve_hours_in_iso_8601() {
        assertThat(seen(PermissionSetSpec.named("Ops").withSessionDuration("4 hours"))).containsExactly(
                "ERROR sessionDuration: \"4 hours\" is not an ISO-8601 duration: write PT4H for four hours, PT1H30M for an hour and a half.");
        assertThat(seen(PermissionSetSpec.named("Ops").withSessionDuration("PT30M"))).containsExactly(
                "ERROR sessionDuration: Sessions must last from 1 to 12 hours (PT1H to PT12H), not PT30M.");
        assertThat(seen(PermissionSetSpec.named("Ops").withSessionDuration("PT13H"))).hasSize(1);
        assertThat(seen(PermissionSetSpec.named("Ops").withSessionDuration("PT12H"))).isEmpty();
        assertThat(seen(PermissionSetSpec.named("Ops").withSessionDuration("PT1H"))).isEmpty();
    }

    @Test
    void the_relay_state_is_an_https_address_of_at_most_240_characters() {
        assertThat(seen(PermissionSetSpec.named("Ops").withRelayState("ec2 console"))).containsExactly(
                "ERROR relayState: The relay state is where the console opens after sign-in: an https:// address such as "
                        + "https://console.aws.amazon.com/ec2/, not \"ec2 console\".");
        assertThat(seen(PermissionSetSpec.named("Ops").withRelayState("https://console.aws.amazon.com/" + "a".repeat(220))))
                .containsExactly("ERROR relayState: The relay state has 251 characters: AWS allows at most 240.");
        assertThat(seen(PermissionSetSpec.named("Ops").withRelayState("http://console.aws.amazon.com/ec2/"))).containsExactly(
                "WARNING relayState: The relay state is an http:// address: the AWS console is served over https://.");
        assertThat(seen(PermissionSetSpec.named("Ops").withRelayState("https://console.aws.amazon.com/s3/<b>")))
                .contains("ERROR relayState: AWS does not take '<', '>' in a relay state.");
    }

    @Test
    void managed_policies_are_aws_managed_arns_each_attached_once() {
        assertThat(seen(PermissionSetSpec.named("Ops").withManagedPolicyArns(List.of("ReadOnlyAccess")))).containsExactly(
                "ERROR managedPolicyArns: \"ReadOnlyAccess\" is not the ARN of an AWS managed policy, "
                        + "arn:aws:iam::aws:policy/ReadOnlyAccess for example.");
        assertThat(seen(PermissionSetSpec.named("Ops").withManagedPolicyArns(List.of("arn:aws:iam::111122223333:policy/Deploy"))))
                .containsExactly("ERROR managedPolicyArns: arn:aws:iam::111122223333:policy/Deploy is a policy of one account: "
                        + "a permission set names such policies as customer managed policies, by name and path, and each "
                        + "account must have it.");
        assertThat(seen(PermissionSetSpec.named("Ops").withManagedPolicyArns(List.of(
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"))))
                .containsExactly("ERROR managedPolicyArns: arn:aws:iam::aws:policy/job-function/ViewOnlyAccess is attached twice.");
    }

    @Test
    void at_most_ten_policies_are_attached_aws_and_customer_managed_together() {
        List<String> managed = List.of("ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess",
                "AmazonRDSReadOnlyAccess", "CloudWatchReadOnlyAccess", "AWSLambda_ReadOnlyAccess",
                "AmazonSQSReadOnlyAccess", "AmazonSNSReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess")
                .stream().map(name -> "arn:aws:iam::aws:policy/" + name).toList();
        PermissionSetSpec nine = PermissionSetSpec.named("Ops").withManagedPolicyArns(managed);

        assertThat(seen(nine)).isEmpty();
        assertThat(seen(nine.withCustomerManagedPolicies(List.of(PolicyReference.of("Deploy"), PolicyReference.of("Logs")))))
                .contains("ERROR customerManagedPolicies: 11 policies are attached (9 AWS managed, 2 customer managed): IAM "
                        + "allows 10 per role. Combine some, or move their statements into the inline policy.");
    }

    @Test
    void each_customer_managed_policy_warns_that_every_account_defines_it() {
        assertThat(seen(PermissionSetSpec.named("Ops").withCustomerManagedPolicies(List.of(
                new PolicyReference("Deploy", "/team/"))))).containsExactly(
                "WARNING customerManagedPolicies: Customer managed policy /team/Deploy is defined in each account, not here: "
                        + "whoever can edit IAM policies in an account decides what it grants there, and an account "
                        + "without it fails to provision.");
    }

    @Test
    void customer_managed_references_follow_iams_name_and_path_patterns() {
        assertThat(seen(PermissionSetSpec.named("Ops").withCustomerManagedPolicies(List.of(
                new PolicyReference("Deploy", "team"))))).containsExactly(
                "ERROR customerManagedPolicies: The path of customer managed policy Deploy, \"team\", must start and end "
                        + "with / (\"/\", or \"/team/\"), with letters, digits and . , + @ = _ - between.");
        assertThat(seen(PermissionSetSpec.named("Ops").withCustomerManagedPolicies(List.of(
                new PolicyReference("Deploy policy", "/"))))).containsExactly(
                "ERROR customerManagedPolicies: The customer managed policy name \"Deploy policy\" may contain only letters, "
                        + "digits and + = , . @ _ -, not spaces.");
        assertThat(seen(PermissionSetSpec.named("Ops").withCustomerManagedPolicies(List.of(
                new PolicyReference("D".repeat(129), "/"))))).containsExactly("ERROR customerManagedPolicies: The customer "
                        + "managed policy name " + "D".repeat(129) + " has 129 characters: IAM allows at most 128.");
        assertThat(seen(PermissionSetSpec.named("Ops").withCustomerManagedPolicies(List.of(
                PolicyReference.of("Deploy"), new PolicyReference("Deploy", ""))))).contains(
                "ERROR customerManagedPolicies: Customer managed policy /Deploy is attached twice.");
    }

    @Test
    void tags_follow_aws_limits_and_keep_the_aws_prefix_for_aws() {
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(Map.of("aws:owner", "me")))).containsExactly(
                "ERROR tags: The tag key aws:owner starts with aws:, which AWS keeps for itself.");
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(Map.of("k".repeat(129), "v")))).containsExactly(
                "ERROR tags: The tag key " + "k".repeat(129) + " has 129 characters: AWS allows at most 128.");
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(Map.of("team", "v".repeat(257))))).containsExactly(
                "ERROR tags: The value of tag team has 257 characters: AWS allows at most 256.");
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(Map.of("cost;center", "42")))).containsExactly(
                "ERROR tags: The tag key cost;center may contain letters, digits, spaces and _ . : / = + - @, not ';'.");
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(Map.of("", "x")))).containsExactly("ERROR tags: A tag has no key.");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("tag" + i, "v");
        }
        assertThat(seen(PermissionSetSpec.named("Ops").withTags(many))).containsExactly("ERROR tags: 51 tags: AWS allows at most 50.");
    }

    @Test
    void json_that_does_not_parse_is_shown_at_its_line_and_column() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}
                  ]
                }""")).containsExactly("ERROR 4:67: Unexpected } here: expected a key in double quotes (is there a comma too many?).");
        assertThat(inline("""
                {
                  "Version": "2012-10-17"
                  "Statement": []
                }""")).containsExactly("ERROR 3:3: Unexpected \" here: expected a comma between two entries, or a closing }.");
        assertThat(inline("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n")).containsExactly(
                "ERROR 4:1: The policy ends too early: a closing } or ], or a closing quote, is missing.");
        assertThat(inline("{\"Statement\": {\"Effect\": Allow}}")).containsExactly(
                "ERROR 1:26: \"Allow\" is not a JSON value: put text in double quotes.");
        assertThat(inline("{} {}")).containsExactly(
                "ERROR 1:4: There is more text after the end of the policy: a policy is one JSON object.");
    }

    @Test
    void the_version_is_2012_10_17_and_without_one_variables_are_plain_text() {
        assertThat(inline("""
                {
                  "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
                }""")).containsExactly("WARNING 1:1: The policy has no Version, so IAM reads it as 2008-10-17, where policy "
                + "variables such as ${aws:username} are plain text: add \"Version\": \"2012-10-17\".");
        assertThat(inline("""
                {
                  "Version": "2024-01-01",
                  "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}
                }""")).containsExactly("ERROR 2:14: Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not "
                + "\"2024-01-01\": it is the policy language's version, not a date of yours.");
    }

    @Test
    void unknown_top_level_keys_and_a_missing_or_misshapen_statement_are_errors() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "statement": []
                }""")).containsExactly(
                "ERROR 3:3: \"statement\" is not a policy element: a policy has Version, Statement and optionally Id "
                        + "(did you mean Statement? names are case-sensitive).",
                "ERROR 1:1: The policy has no Statement: add \"Statement\": [{\"Effect\": \"Allow\", \"Action\": ..., \"Resource\": ...}].");
        assertThat(inline("{\"Version\": \"2012-10-17\", \"Statement\": \"Allow all\"}")).containsExactly(
                "ERROR 1:40: Statement must be one statement {...} or a list of them [{...}, ...], not the text \"Allow all\".");
        assertThat(inline("[{\"Effect\": \"Allow\"}]")).containsExactly("ERROR 1:1: A policy is a JSON object, "
                + "{\"Version\": ..., \"Statement\": [...]}, not a list.");
    }

    @Test
    void each_statement_has_an_effect_one_action_element_and_one_resource_element() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject"},
                    {"Sid": "Two", "Action": "s3:GetObject", "Resource": "*", "NotResource": "arn:aws:s3:::a"}
                  ]
                }""")).containsExactly(
                "ERROR 4:16: Statement 1: Effect must be \"Allow\" or \"Deny\" (with that capitalisation), not \"allow\".",
                "ERROR 4:51: Statement 1 has both Action and NotAction: keep one.",
                "ERROR 4:5: Statement 1 has no Resource: add \"Resource\" (or NotResource).",
                "ERROR 5:5: Statement 2 (Two) has no Effect: add \"Effect\": \"Allow\" or \"Deny\".",
                "ERROR 5:63: Statement 2 (Two) has both Resource and NotResource: keep one.");
    }

    @Test
    void sids_are_alphanumeric_and_unique() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"},
                    {"Sid": "read-logs", "Effect": "Allow", "Action": "logs:Get*", "Resource": "*"}
                  ]
                }""")).containsExactly(
                "ERROR 5:13: Statement 2: Sid Read is already used by the statement on line 4: each statement needs its own Sid.",
                "ERROR 6:13: Statement 3: Sid \"read-logs\" may contain only letters A-Z and a-z and digits 0-9.");
    }

    @Test
    void an_identity_policy_names_no_principal_and_no_unknown_elements() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {"AWS": "*"},
                      "Action": "s3:GetObject",
                      "Resources": "*"
                    }
                  ]
                }""")).containsExactly(
                "ERROR 6:7: Statement 1: Principal belongs in resource policies; a permission set's policy applies to "
                        + "whoever holds it, so remove Principal.",
                "ERROR 8:7: Statement 1: \"Resources\" is not a statement element; a statement has Sid, Effect, Action or "
                        + "NotAction, Resource or NotResource, and Condition.",
                "ERROR 4:5: Statement 1 has no Resource: add \"Resource\" (or NotResource).");
    }

    @Test
    void actions_are_service_colon_action_and_resources_arns_or_a_star() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": [
                        "s3:Get*",
                        "s3GetObject",
                        "ec2:Describe?nstances"
                      ],
                      "Resource": ["arn:aws:s3:::bucket/*", "bucket"]
                    }
                  ]
                }""")).containsExactly(
                "ERROR 8:9: Statement 1: \"s3GetObject\" is not an action: write service:Action, for example s3:GetObject, "
                        + "with * or ? as wildcards.",
                "ERROR 11:45: Statement 1: \"bucket\" is not a resource: write an ARN, "
                        + "arn:partition:service:region:account:resource, or *.");
        assertThat(inline("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": [], \"Resource\": \"*\"}}"))
                .containsExactly("ERROR 1:69: Statement 1: Action is an empty list: name at least one.");
    }

    @Test
    void conditions_use_iams_operators_and_prefixed_keys() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Deny",
                      "Action": "*",
                      "Resource": "*",
                      "Condition": {
                        "StringEqual": {"aws:RequestedRegion": "eu-west-1"},
                        "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*"]},
                        "NullIfExists": {"aws:TokenIssueTime": "true"},
                        "IpAddress": {"SourceIp": "203.0.113.0/24"},
                        "Bool": {"aws:MultiFactorAuthPresent": false},
                        "DateGreaterThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}
                      }
                    }
                  ]
                }""")).containsExactly(
                "ERROR 9:9: Statement 1: \"StringEqual\" is not a condition operator; IAM knows StringEquals, StringLike, "
                        + "ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, Null and the like, optionally with "
                        + "IfExists and a ForAllValues: or ForAnyValue: prefix.",
                "ERROR 11:9: Statement 1: \"NullIfExists\" is not a condition operator (did you mean Null?); IAM knows "
                        + "StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, Null and "
                        + "the like, optionally with IfExists and a ForAllValues: or ForAnyValue: prefix.",
                "ERROR 12:23: Statement 1: \"SourceIp\" is not a condition key: write prefix:key, for example aws:SourceIp or s3:prefix.");
    }

    @Test
    void a_key_written_twice_is_an_error_on_its_second_line() {
        assertThat(inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": {
                    "Effect": "Allow",
                    "Action": "s3:GetObject",
                    "Resource": "*",
                    "Action": "s3:PutObject"
                  }
                }""")).containsExactly("ERROR 7:5: \"Action\" appears twice in the same object: readers keep only one of them. "
                + "Merge the two.");
    }

    @Test
    void the_inline_policy_is_at_most_32768_bytes_and_10240_characters_besides_whitespace() {
        String padded = "{\"Version\": \"2012-10-17\", \"Statement\": [" + " ".repeat(33_000)
                + "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}";
        assertThat(inline(padded)).containsExactly("ERROR: The inline policy is 33,104 bytes: AWS allows at most 32,768.");

        String many = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" 
                + "\"s3:GetObject\",".repeat(700) + "\"s3:PutObject\"],\"Resource\":\"*\"}]}";
        assertThat(inline(many)).containsExactly("ERROR: The inline policy has 10,598 characters besides spaces and line "
                + "breaks: AWS allows at most 10,240. Move statements into a managed policy, or use wildcards.");
    }

    @Test
    void everything_on_everything_is_a_security_warning_and_admin_level_without_a_boundary() {
        String everything = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*"}
                  ]
                }""";
        assertThat(seen(PermissionSetSpec.named("Ops").withInlinePolicy(everything))).containsExactly(
                "SECURITY_WARNING permissionsBoundary: This permission set gives admin-level access (inline policy allows "
                        + "* on *) and has no permissions boundary: its holder can do anything in each account it is "
                        + "assigned in, including giving themselves more. Attach a boundary unless it is meant for administrators.",
                "SECURITY_WARNING inlinePolicy 4:5: Statement 1 allows every action on every resource (* on *): whoever "
                        + "holds this permission set administers each account it is assigned in. Name the actions and "
                        + "resources they need.");
        assertThat(seen(PermissionSetSpec.named("Ops").withInlinePolicy(everything)
                .withPermissionsBoundary(PermissionsBoundary.managedPolicy("arn:aws:iam::aws:policy/PowerUserAccess"))))
                .as("with a boundary only the statement is flagged").hasSize(1);
    }

    @Test
    void the_aws_managed_administrator_policies_without_a_boundary_are_a_security_warning() {
        assertThat(seen(PermissionSetSpec.named("Ops").withManagedPolicyArns(List.of("arn:aws:iam::aws:policy/IAMFullAccess"))))
                .containsExactly("SECURITY_WARNING permissionsBoundary: This permission set gives admin-level access (AWS "
                        + "managed IAMFullAccess) and has no permissions boundary: its holder can do anything in each "
                        + "account it is assigned in, including giving themselves more. Attach a boundary unless it is "
                        + "meant for administrators.");
        assertThat(seen(PermissionSetSpec.named("Ops").withManagedPolicyArns(List.of("arn:aws:iam::aws:policy/AdministratorAccess"))
                .withPermissionsBoundary(PermissionsBoundary.customerManaged(PolicyReference.of("Guardrails")))))
                .containsExactly("WARNING permissionsBoundary: The boundary, customer managed policy /Guardrails, is defined "
                        + "in each account: whoever can edit IAM policies in an account can widen it there.");
    }

    @Test
    void iam_star_and_pass_role_on_every_resource_are_security_warnings_on_their_line() {
        List<String> findings = inline("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "Deploy",
                      "Effect": "Allow",
                      "Action": [
                        "iam:*",
                        "iam:Pass*"
                      ],
                      "Resource": "*"
                    },
                    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app"}
                  ]
                }""");

        assertThat(findings).containsExactly(
                "SECURITY_WARNING 8:9: Statement 1 (Deploy) allows iam:* on every resource: the holder can create users "
                        + "and roles and attach any policy to them, so they can give themselves any access. Limit it to "
                        + "the IAM actions and roles needed.",
                "SECURITY_WARNING 9:9: Statement 1 (Deploy) allows iam:Pass* on every resource: the holder can hand any "
                        + "role, an admin role included, to a service they control and act as it. Name the roles in Resource.");
    }

    @Test
    void a_boundary_arn_must_be_aws_managed() {
        assertThat(seen(PermissionSetSpec.named("Ops").withPermissionsBoundary(
                PermissionsBoundary.managedPolicy("arn:aws:iam::111122223333:policy/Boundary")))).containsExactly(
                "ERROR permissionsBoundary: \"arn:aws:iam::111122223333:policy/Boundary\" is not the ARN of an AWS managed "
                        + "policy: a boundary from one account is named as a customer managed policy, by name and path.");
    }

    /** The findings of the inline policy alone, as "SEVERITY line:column: message" (no position when there is none). */
    private static List<String> inline(String policy) {
        return PermissionSetValidator.validate(PermissionSetSpec.named("Ops").withPermissionsBoundary(
                        PermissionsBoundary.managedPolicy("arn:aws:iam::aws:policy/PowerUserAccess")).withInlinePolicy(policy))
                .stream().map(finding -> {
                    assertThat(finding.field()).isEqualTo("inlinePolicy");
                    assertThat(finding.source()).isEqualTo(PolicyFinding.Source.GATEHOUSE);
                    return finding.severity() + (finding.line() == 0 ? "" : " " + finding.line() + ":" + finding.column())
                            + ": " + finding.message();
                }).toList();
    }

    private static List<String> seen(PermissionSetSpec spec) {
        return PermissionSetValidator.validate(spec).stream().map(finding -> finding.severity() + " " + finding.field()
                + (finding.line() == 0 ? "" : " " + finding.line() + ":" + finding.column()) + ": " + finding.message()).toList();
    }
}
