package dev.gatehouse.aws.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps Gatehouse under AWS's request rates by waiting before a call rather than provoking throttling:
 * SSO Admin shares one rate, Identity Store has one per API, Organizations one per operation, IAM one. Rates are
 * AWS's times a factor below 1 (docs/architecture.md, The AWS adapter).
 */
public final class Pacer {

    private static final double SSO_ADMIN = 20;
    private static final double IDENTITY_STORE = 20;
    /** IAM publishes no rate for its reads; the catalogue is a handful of pages, so a modest rate costs nothing. */
    private static final double IAM = 10;
    private static final Map<String, Double> ORGANIZATIONS = Map.of(
            "ListAccounts", 8.0, "ListChildren", 6.0, "ListParents", 5.0, "ListAccountsForParent", 5.0,
            "ListOrganizationalUnitsForParent", 5.0, "ListRoots", 1.0);
    private static final double ORGANIZATIONS_DEFAULT = 5;

    private final double factor;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** @param factor share of AWS's rate to use; 0 turns pacing off */
    public Pacer(double factor) {
        this.factor = factor;
    }

    public void await(AwsService service, String operation) throws InterruptedException {
        if (factor <= 0) {
            return;
        }
        String key = switch (service) {
            case SSO_ADMIN -> "sso";
            case IDENTITY_STORE -> "identitystore:" + operation;
            case ORGANIZATIONS -> "organizations:" + operation;
            case IAM -> "iam";
        };
        double rate = switch (service) {
            case SSO_ADMIN -> SSO_ADMIN;
            case IDENTITY_STORE -> IDENTITY_STORE;
            case ORGANIZATIONS -> ORGANIZATIONS.getOrDefault(operation, ORGANIZATIONS_DEFAULT);
            case IAM -> IAM;
        };
        slots.computeIfAbsent(key, k -> new Slot(rate * factor)).take();
    }

    /** Hands out evenly spaced start times; a caller sleeps until its own. */
    private static final class Slot {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Slot(double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
        }

        void take() throws InterruptedException {
            long start;
            synchronized (this) {
                long now = System.nanoTime();
                start = Math.max(now, next);
                next = start + intervalNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
