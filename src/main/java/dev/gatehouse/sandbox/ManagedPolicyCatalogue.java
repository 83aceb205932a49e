package dev.gatehouse.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS managed policies by their real names, paths and descriptions, as IAM's ListPolicies with Scope=AWS
 * returns them (in name order) and as SSO Admin checks an attached ARN against them. Read once from
 * {@code aws-managed-policies.tsv}: path, name and description, tab-separated.
 */
final class ManagedPolicyCatalogue {

    /** One AWS managed policy. */
    record Policy(String name, String path, String description) {

        String arn() {
            return "arn:aws:iam::aws:policy" + path + name;
        }

        /** IAM's policy ids start ANPA; this one is stable for the name. */
        String policyId() {
            String hex = Integer.toHexString(arn().hashCode()).toUpperCase();
            return "ANPA" + "J".repeat(Math.max(0, 17 - hex.length())) + hex;
        }
    }

    private static final String RESOURCE = "aws-managed-policies.tsv";
    private static final ManagedPolicyCatalogue AWS = load();

    private final List<Policy> policies;
    private final Map<String, Policy> byArn = new LinkedHashMap<>();

    private ManagedPolicyCatalogue(List<Policy> policies) {
        this.policies = policies.stream().sorted(Comparator.comparing(Policy::name)).toList();
        this.policies.forEach(p -> byArn.put(p.arn(), p));
    }

    static ManagedPolicyCatalogue aws() {
        return AWS;
    }

    List<Policy> all() {
        return policies;
    }

    Optional<Policy> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    private static ManagedPolicyCatalogue load() {
        try (InputStream in = ManagedPolicyCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sandbox's " + RESOURCE + " is missing from the class path");
            }
            List<Policy> policies = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                if (fields.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected path, name and description in: " + line);
                }
                policies.add(new Policy(fields[1], fields[0], fields[2]));
            }
            return new ManagedPolicyCatalogue(policies);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox could not read " + RESOURCE, e);
        }
    }
}
