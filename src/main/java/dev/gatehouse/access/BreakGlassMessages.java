package dev.gatehouse.access;

import java.util.List;

/**
 * Tells the people a break-glass activation concerns at once, in the activation's own transaction, and
 * says who was told how, so the person who broke the glass reads what really went out. The notification
 * module implements it; access knows nothing of channels.
 */
public interface BreakGlassMessages {

    /** Queues the messages about these activations (one submission, one per account) and says where they go. */
    MessagesSent send(List<AccessRequested> activations);
}
