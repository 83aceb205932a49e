package dev.gatehouse.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * IAM's ListPolicies for the AWS managed policy catalogue, in IAM's awsQuery protocol: a form-encoded POST
 * naming the Action, answered in XML, paged with Marker, IsTruncated and MaxItems (1 to 1,000, default 100).
 * The sandbox's account has no customer managed policies, so Scope=Local lists none. As in AWS, a listed
 * policy carries no Description (only GetPolicy returns it).
 */
final class IamApi {

    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String POLICY_DATE = "2015-02-06T18:39:46Z";

    private final ManagedPolicyCatalogue catalogue;

    IamApi(ManagedPolicyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The XML answer to one request; an {@link AwsError} for a refusal. */
    String handle(String action, Map<String, String> params) {
        if (!"2010-05-08".equals(params.get("Version"))) {
            throw new AwsError(400, "InvalidInput", "Version must be 2010-05-08");
        }
        if (!action.equals("ListPolicies")) {
            throw new AwsError(400, "InvalidAction", "Sandbox does not serve IAM " + action);
        }
        return listPolicies(params);
    }

    private String listPolicies(Map<String, String> params) {
        String scope = params.getOrDefault("Scope", "All");
        if (!List.of("All", "AWS", "Local").contains(scope)) {
            throw validation("scope", scope, "Member must satisfy enum value set: [All, AWS, Local]");
        }
        if ("true".equals(params.get("OnlyAttached"))) {
            throw new AwsError(400, "InvalidInput", "The sandbox has no IAM roles, so OnlyAttached is not modelled");
        }
        String prefix = params.getOrDefault("PathPrefix", "/");
        int maxItems = maxItems(params.get("MaxItems"));
        List<ManagedPolicyCatalogue.Policy> matching = scope.equals("Local") ? List.of()
                : catalogue.all().stream().filter(p -> p.path().startsWith(prefix)).toList();
        String query = scope + "|" + prefix;
        int offset = offset(params.get("Marker"), query);
        int end = Math.min(matching.size(), offset + maxItems);
        StringBuilder xml = new StringBuilder("<ListPoliciesResponse xmlns=\"" + NAMESPACE + "\"><ListPoliciesResult>");
        xml.append("<IsTruncated>").append(end < matching.size()).append("</IsTruncated>");
        if (end < matching.size()) {
            xml.append("<Marker>").append(marker(query, end)).append("</Marker>");
        }
        xml.append("<Policies>");
        for (ManagedPolicyCatalogue.Policy p : matching.subList(Math.min(offset, matching.size()), end)) {
            xml.append("<member>")
                    .append(element("PolicyName", p.name()))
                    .append(element("DefaultVersionId", "v1"))
                    .append(element("PolicyId", p.policyId()))
                    .append(element("Path", p.path()))
                    .append(element("Arn", p.arn()))
                    .append(element("AttachmentCount", "0"))
                    .append(element("PermissionsBoundaryUsageCount", "0"))
                    .append(element("IsAttachable", "true"))
                    .append(element("CreateDate", POLICY_DATE))
                    .append(element("UpdateDate", POLICY_DATE))
                    .append("</member>");
        }
        xml.append("</Policies></ListPoliciesResult>").append(metadata()).append("</ListPoliciesResponse>");
        return xml.toString();
    }

    private static int maxItems(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw validation("maxItems", value, "Member must have value between 1 and 1000");
    }

    private static int offset(String marker, String query) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            int separator = decoded.lastIndexOf('#');
            if (separator > 0 && decoded.substring(0, separator).equals(query)) {
                return Integer.parseInt(decoded.substring(separator + 1));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new AwsError(400, "InvalidInput", "Invalid Marker.");
    }

    private static String marker(String query, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((query + "#" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static AwsError validation(String field, String value, String constraint) {
        return new AwsError(400, "ValidationError", "1 validation error detected: Value '" + value + "' at '"
                + field + "' failed to satisfy constraint: " + constraint);
    }

    /** IAM's error document: Sender for a 4xx, Receiver for a 5xx. */
    static String error(AwsError e) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + (e.status >= 500 ? "Receiver" : "Sender")
                + "</Type>" + element("Code", e.type) + element("Message", e.getMessage()) + "</Error>"
                + element("RequestId", UUID.randomUUID().toString()) + "</ErrorResponse>";
    }

    private static String metadata() {
        return "<ResponseMetadata>" + element("RequestId", UUID.randomUUID().toString()) + "</ResponseMetadata>";
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
