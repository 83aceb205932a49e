package dev.gatehouse.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.gatehouse.directory.PermissionSetRow;

/** Admin-level access as reviewers are told it: by name, by AWS managed policy, or by what an inline policy allows. */
class AdminLevelAccessTest {

    @Test
    void the_aws_managed_administrator_and_iam_full_access_policies_are_admin_level() {
        assertThat(reason(List.of("arn:aws:iam::aws:policy/AdministratorAccess"), "")).contains("AWS managed AdministratorAccess");
        assertThat(reason(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMFullAccess"), ""))
                .contains("AWS managed IAMFullAccess");
        assertThat(reason(List.of("arn:aws:iam::aws:policy/PowerUserAccess"), "")).isEmpty();
    }

    @Test
    void an_inline_statement_allowing_everything_on_everything_is_admin_level() {
        assertThat(reason(List.of(), statement("\"Allow\"", "\"*\"", "\"*\""))).contains("inline policy allows * on *");
        assertThat(reason(List.of(), "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":[\"*\"]}}"))
                .as("a single statement, not a list").contains("inline policy allows * on *");
        assertThat(reason(List.of(), statement("\"Deny\"", "\"*\"", "\"*\""))).isEmpty();
        assertThat(reason(List.of(), statement("\"Allow\"", "\"*\"", "\"arn:aws:s3:::logs/*\""))).isEmpty();
    }

    @Test
    void an_inline_statement_allowing_iam_writes_is_admin_level_and_iam_reads_are_not() {
        assertThat(reason(List.of(), statement("\"Allow\"", "[\"s3:GetObject\",\"iam:Put*\"]", "\"*\"")))
                .contains("inline policy allows IAM writes (iam:Put*)");
        assertThat(reason(List.of(), statement("\"Allow\"", "\"iam:PassRole\"", "\"arn:aws:iam::1:role/x\"")))
                .contains("inline policy allows IAM writes (iam:PassRole)");
        assertThat(reason(List.of(), statement("\"Allow\"", "\"IAM:*\"", "\"*\""))).isPresent();
        assertThat(reason(List.of(), statement("\"Allow\"", "[\"iam:Get*\",\"iam:List*\"]", "\"*\""))).isEmpty();
        assertThat(reason(List.of(), statement("\"Allow\"", "[\"rds:*\",\"dynamodb:*\"]", "\"*\""))).isEmpty();
    }

    @Test
    void allowing_every_action_but_a_few_is_admin_level_unless_iam_is_among_them() {
        assertThat(reason(List.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"organizations:*\"],"
                + "\"Resource\":\"*\"}]}")).contains("inline policy allows every action but organizations:*");
        assertThat(reason(List.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],"
                + "\"Resource\":\"*\"}]}")).isEmpty();
    }

    @Test
    void a_name_the_last_admin_guard_knows_counts_when_the_policies_say_nothing_and_unreadable_policies_say_nothing() {
        assertThat(AdminLevelAccess.reason("BreakGlass", Optional.empty())).contains("named BreakGlass");
        assertThat(AdminLevelAccess.reason("Developer", Optional.empty())).isEmpty();
        assertThat(reason(List.of(), "{not json")).isEmpty();
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":" + effect + ",\"Action\":" + action
                + ",\"Resource\":" + resource + "}]}";
    }

    private static Optional<String> reason(List<String> managed, String inline) {
        return AdminLevelAccess.reason("Custom", Optional.of(new PermissionSetRow("arn:aws:sso:::permissionSet/ins/ps-1",
                "Custom", "", Optional.of(Duration.ofHours(1)), "", managed, List.of(), inline, "", Map.of(), 0)));
    }
}
