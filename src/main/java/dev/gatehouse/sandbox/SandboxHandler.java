package dev.gatehouse.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Dispatches awsJson1_1 requests by their X-Amz-Target, after rate limits and injected faults. */
final class SandboxHandler implements HttpHandler {

    static final String ORGANIZATIONS = "AWSOrganizationsV20161128";
    static final String IDENTITY_STORE = "AWSIdentityStore";
    static final String SSO_ADMIN = "SWBExternalService";
    /** IAM speaks awsQuery (a form-encoded Action, XML back), not awsJson; requests carry no X-Amz-Target. */
    static final String IAM = "iam";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrganizationsApi organizations;
    private final IdentityStoreApi identityStore;
    private final SsoAdminApi ssoAdmin;
    private final IamApi iam;
    private final AssignmentWrites writes;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private volatile SandboxSettings settings;
    private volatile RateLimits limits;
    private volatile Random random;

    SandboxHandler(SandboxOrganization organization, SandboxSettings settings) {
        settings(settings);
        this.organizations = new OrganizationsApi(organization, this);
        this.identityStore = new IdentityStoreApi(organization);
        this.writes = new AssignmentWrites(organization, () -> this.settings);
        ManagedPolicyCatalogue catalogue = ManagedPolicyCatalogue.aws();
        PermissionSetProvisioning provisioning = new PermissionSetProvisioning(organization, () -> this.settings);
        this.ssoAdmin = new SsoAdminApi(organization, writes,
                new PermissionSetWrites(organization, provisioning, catalogue), provisioning);
        this.iam = new IamApi(catalogue);
    }

    void settings(SandboxSettings settings) {
        this.settings = settings;
        this.limits = new RateLimits(settings.rateLimitScale());
        this.random = new Random(settings.seed());
    }

    /** Answers the operation with AccessDeniedException, as AWS does when the role's policy lacks it; false undoes it. */
    void deny(String operation, boolean deny) {
        if (deny) {
            denied.add(operation);
        } else {
            denied.remove(operation);
        }
    }

    AssignmentWrites writes() {
        return writes;
    }

    Map<String, LongAdder> calls() {
        return calls;
    }

    boolean emptyPage() {
        return settings.emptyPageRate() > 0 && random.nextDouble() < settings.emptyPageRate();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (target == null && contentType != null
                    && contentType.startsWith("application/x-www-form-urlencoded")) {
                handleQuery(exchange, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                return;
            }
            if (target == null || !target.contains(".")) {
                respond(exchange, 400, error(new AwsError(400, "UnknownOperationException", "Missing X-Amz-Target")));
                return;
            }
            String service = target.substring(0, target.indexOf('.'));
            String operation = target.substring(target.indexOf('.') + 1);
            calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
            JsonNode request = JSON.readTree(body);
            try {
                pause();
                misbehave(service, operation);
                if (denied.contains(operation)) {
                    throw new AwsError(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/"
                            + "gatehouse/gatehouse is not authorized to perform: " + iamPrefix(service) + ":" + operation);
                }
                ObjectNode response = switch (service) {
                    case ORGANIZATIONS -> organizations.handle(operation, request);
                    case IDENTITY_STORE -> identityStore.handle(operation, request);
                    case SSO_ADMIN -> ssoAdmin.handle(operation, request);
                    default -> throw new AwsError(400, "UnknownOperationException", "Unknown service " + service);
                };
                respond(exchange, 200, response);
            } catch (AwsError e) {
                respond(exchange, e.status, error(e));
            }
        }
    }

    private void handleQuery(HttpExchange exchange, String form) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String action = params.getOrDefault("Action", "");
        calls.computeIfAbsent(action, o -> new LongAdder()).increment();
        try {
            pause();
            misbehave(IAM, action);
            if (denied.contains(action)) {
                throw new AwsError(403, "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/gatehouse/"
                        + "gatehouse is not authorized to perform: iam:" + action);
            }
            respondXml(exchange, 200, iam.handle(action, params));
        } catch (AwsError e) {
            respondXml(exchange, e.status, IamApi.error(e));
        }
    }

    private static void respondXml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void misbehave(String service, String operation) {
        SandboxSettings current = settings;
        boolean limited = !limits.tryAcquire(service, operation);
        double roll = random.nextDouble();
        if (limited || roll < current.throttleRate()) {
            throw switch (service) {
                case ORGANIZATIONS -> new AwsError(400, "TooManyRequestsException", "Rate exceeded");
                case IDENTITY_STORE -> new AwsError(400, "ThrottlingException", "Rate exceeded", 1);
                case IAM -> new AwsError(400, "Throttling", "Rate exceeded");
                default -> new AwsError(400, "ThrottlingException", "Rate exceeded");
            };
        }
        if (roll < current.throttleRate() + current.serverErrorRate()) {
            throw new AwsError(500, switch (service) {
                case ORGANIZATIONS -> "ServiceException";
                case IAM -> "ServiceFailure";
                default -> "InternalServerException";
            }, "Injected failure");
        }
    }

    private static String iamPrefix(String service) {
        return switch (service) {
            case ORGANIZATIONS -> "organizations";
            case IDENTITY_STORE -> "identitystore";
            default -> "sso";
        };
    }

    private void pause() {
        long millis = settings.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ObjectNode error(AwsError e) {
        ObjectNode body = JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage());
        if (e.retryAfterSeconds != null) {
            body.put("RetryAfterSeconds", e.retryAfterSeconds);
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        if (status != 200) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", body.get("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String required(JsonNode request, String field, String validationError) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw AwsError.validation(validationError, field + " is required");
        }
        return value.asText();
    }
}
