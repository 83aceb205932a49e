package dev.gatehouse.access.ui;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.ui.NavigationCount;

/** The number on Active access, for admins: break-glass activations waiting for their follow-up. */
@Component
class FollowUpCount implements NavigationCount {

    private final BreakGlassFollowUps followUps;
    private final CurrentUser currentUser;

    FollowUpCount(BreakGlassFollowUps followUps, CurrentUser currentUser) {
        this.followUps = followUps;
        this.currentUser = currentUser;
    }

    @Override
    public Class<ActiveAccessView> view() {
        return ActiveAccessView.class;
    }

    @Override
    public Waiting waiting() {
        if (currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isEmpty()) {
            return Waiting.NOTHING;
        }
        int count = followUps.waitingCount();
        return new Waiting(count, count == 1 ? "1 break-glass activation waits for an admin's follow-up"
                : count + " break-glass activations wait for an admin's follow-up");
    }
}
