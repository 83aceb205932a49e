package dev.gatehouse.permissionset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The editor's Format button, and the line Access Analyzer's path-named findings are shown on. */
class InlinePolicyTextTest {

    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Read",
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "*"
                },
                {
                  "Effect": "Deny",
                  "Action": [
                    "s3:DeleteObject",
                    "s3:PutObject"
                  ],
                  "Resource": "*",
                  "Condition": {
                    "StringNotEquals": {
                      "aws:ResourceTag/env.name": "dev"
                    }
                  }
                }
              ]
            }""";

    @Test
    void format_indents_by_two_spaces_and_keeps_the_key_order_as_written() {
        String squashed = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Resource\":[],\"Effect\":\"Allow\","
                + "\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Condition\":{},\"Sid\":\"Say \\\"hi\\\"\"}}";

        assertThat(InlinePolicyText.format(squashed)).contains("""
                {
                  "Version": "2012-10-17",
                  "Statement": {
                    "Resource": [],
                    "Effect": "Allow",
                    "Action": [
                      "s3:Get*",
                      "s3:List*"
                    ],
                    "Condition": {},
                    "Sid": "Say \\"hi\\""
                  }
                }""");
        assertThat(InlinePolicyText.format(POLICY)).as("an already formatted policy stays as it is").contains(POLICY);
    }

    @Test
    void format_keeps_numbers_booleans_and_null_as_written() {
        assertThat(InlinePolicyText.format("{\"a\":[1.50,true,null],\"b\":-3}"))
                .contains("{\n  \"a\": [\n    1.50,\n    true,\n    null\n  ],\n  \"b\": -3\n}");
    }

    @Test
    void format_leaves_text_that_is_not_json_to_the_validator_and_blank_text_blank() {
        assertThat(InlinePolicyText.format("{\"Version\": ")).isEmpty();
        assertThat(InlinePolicyText.format("  \n")).contains("");
    }

    @Test
    void the_line_of_a_path_as_access_analyzer_names_it() {
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[0].Action")).isEqualTo(OptionalInt.of(7));
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[1].Action[1]")).isEqualTo(OptionalInt.of(14));
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[1].Condition.StringNotEquals[\"aws:ResourceTag/env.name\"]"))
                .isEqualTo(OptionalInt.of(19));
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[0].Action[0]")).as("a single action is the list's only item")
                .isEqualTo(OptionalInt.of(7));
        assertThat(InlinePolicyText.lineOf(POLICY, "Version")).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void a_single_statement_is_statement_zero_and_paths_that_lead_nowhere_have_no_line() {
        String single = "{\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": \"*\"\n  }\n}";

        assertThat(InlinePolicyText.lineOf(single, "Statement[0].Action")).isEqualTo(OptionalInt.of(4));
        assertThat(InlinePolicyText.lineOf(single, "Statement[1]")).isEmpty();
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[2].Action")).isEmpty();
        assertThat(InlinePolicyText.lineOf(POLICY, "Statement[x]")).isEmpty();
        assertThat(InlinePolicyText.lineOf("{not json", "Statement")).isEmpty();
    }
}
