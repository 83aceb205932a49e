package dev.gatehouse.permissionset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Validation and statement diff of an inline policy near AWS's size limit (about 10,000 characters), as the
 * editor runs them on each edit: p50 and p95 over many runs, target p95 under 50 ms. The report is
 * target/benchmark/permission-set-validation.txt.
 */
@Tag("benchmark")
class PolicyValidationBenchmark {

    private static final int WARM_UP = 300;
    private static final int RUNS = 2_000;

    @Test
    void validating_and_comparing_a_ten_thousand_character_policy() throws Exception {
        String before = policy(0);
        String after = policy(1);
        long characters = after.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        PermissionSetSpec was = PermissionSetSpec.named("Bench").withInlinePolicy(before);
        PermissionSetSpec is = was.withInlinePolicy(after);
        assertThat(PermissionSetValidator.validate(is)).as("a valid policy, so every check runs to the end")
                .noneMatch(PolicyFinding::blocksSaving);

        for (int i = 0; i < WARM_UP; i++) {
            PermissionSetValidator.validate(is);
            PermissionSetDiff.between(was, is);
        }
        double[] millis = new double[RUNS];
        int changes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            PermissionSetValidator.validate(is);
            PermissionSetDiff diff = PermissionSetDiff.between(was, is);
            millis[i] = (System.nanoTime() - start) / 1e6;
            changes = diff.statements().size();
        }
        Arrays.sort(millis);
        double p50 = millis[RUNS / 2];
        double p95 = millis[(int) Math.ceil(RUNS * 0.95) - 1];
        String report = String.format("Permission-set validation benchmark: inline policy of %,d characters "
                + "(%,d besides whitespace), %d statements, %d statement changes; validate + diff over %,d runs "
                + "after %,d warm-up: p50 %.2f ms, p95 %.2f ms, max %.2f ms (target p95 < 50 ms)%n",
                after.length(), characters, STATEMENTS, changes, RUNS, WARM_UP, p50, p95, millis[RUNS - 1]);
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/permission-set-validation.txt"), report);
        assertThat(p95).isLessThan(50.0);
    }

    private static final int STATEMENTS = 36;

    /** Thirty-six statements (about 10,000 characters besides whitespace) with actions, resources and conditions; variant 1 widens, narrows and reorders some. */
    private static String policy(int variant) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
            String actions = variant == 1 && i % 10 == 3 ? "\"s3:*\"" : "\"s3:GetObject\", \"s3:ListBucket\", \"logs:Get*\"";
            statements.add("""
                        {
                          "Sid": "Stmt%d",
                          "Effect": "%s",
                          "Action": [%s, "ec2:Describe*"],
                          "Resource": [
                            "arn:aws:s3:::bucket-%d/*",
                            "arn:aws:logs:eu-west-1:111122223333:log-group:app-%d:*"
                          ],
                          "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}
                        }""".formatted(i, i % 7 == 6 ? "Deny" : "Allow", actions, i, i + variant * (i % 10 == 5 ? 1 : 0)));
        }
        if (variant == 1) {
            statements.add(statements.remove(0));
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + String.join(",\n", statements) + "\n  ]\n}";
    }
}
