package dev.gatehouse.permissionset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one admin-level judgement that reviews and the editor share (review's AdminLevelAccessTest covers its names). */
class AdminLevelPoliciesTest {

    @Test
    void iam_writes_on_any_resource_are_admin_level_and_star_on_one_bucket_is_not() {
        assertThat(AdminLevelPolicies.reason(List.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:Attach*\","
                + "\"Resource\":\"arn:aws:iam::111122223333:role/*\"}]}")).contains("inline policy allows IAM writes (iam:Attach*)");
        assertThat(AdminLevelPolicies.reason(List.of(), "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"arn:aws:s3:::logs/*\"}]}")).isEmpty();
    }

    @Test
    void a_policy_that_is_not_json_or_has_no_statements_says_nothing() {
        assertThat(AdminLevelPolicies.reason(List.of(), "{\"Statement\": [")).isEmpty();
        assertThat(AdminLevelPolicies.reason(List.of(), "{\"Version\": \"2012-10-17\"}")).isEmpty();
        assertThat(AdminLevelPolicies.reason(List.of("arn:aws:iam::aws:policy/AdministratorAccess"), "{\"Statement\": ["))
                .contains("AWS managed AdministratorAccess");
    }
}
