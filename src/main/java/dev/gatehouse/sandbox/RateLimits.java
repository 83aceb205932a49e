package dev.gatehouse.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's documented request rates as token buckets: SSO Admin shares one bucket,
 * Identity Store has one per API, Organizations one per operation, IAM one.
 */
final class RateLimits {

    private record Limit(double perSecond, double burst) {
    }

    private static final Limit SSO_ADMIN = new Limit(20, 20);
    private static final Limit IDENTITY_STORE = new Limit(20, 20);
    /** IAM publishes no rate for its reads; Gatehouse's pacer stays below this one. */
    private static final Limit IAM = new Limit(10, 20);
    private static final Map<String, Limit> ORGANIZATIONS = Map.of(
            "ListAccounts", new Limit(8, 12),
            "ListChildren", new Limit(6, 10),
            "ListParents", new Limit(5, 8),
            "ListAccountsForParent", new Limit(5, 8),
            "ListOrganizationalUnitsForParent", new Limit(5, 8),
            "ListRoots", new Limit(1, 2));
    private static final Limit ORGANIZATIONS_DEFAULT = new Limit(5, 8);

    private final double scale;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(double scale) {
        this.scale = scale;
    }

    /** False when the call exceeds its rate and must be throttled. */
    boolean tryAcquire(String service, String operation) {
        if (scale <= 0) {
            return true;
        }
        String key;
        Limit limit;
        switch (service) {
            case SandboxHandler.SSO_ADMIN -> {
                key = "sso";
                limit = SSO_ADMIN;
            }
            case SandboxHandler.IAM -> {
                key = "iam";
                limit = IAM;
            }
            case SandboxHandler.IDENTITY_STORE -> {
                key = "identitystore:" + operation;
                limit = IDENTITY_STORE;
            }
            default -> {
                key = "organizations:" + operation;
                limit = ORGANIZATIONS.getOrDefault(operation, ORGANIZATIONS_DEFAULT);
            }
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limit.perSecond() * scale, limit.burst() * scale))
                .tryTake();
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond, double capacity) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1, capacity);
            this.tokens = this.capacity;
        }

        synchronized boolean tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
