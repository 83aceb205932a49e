package dev.gatehouse.access.ui;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessService;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.ui.NavigationCount;

/** The number on Active access, for admins: break-glass activations waiting for their follow-up. */
@Component
class FollowUpCount implements NavigationCount {

    private final AccessService access;
    private final CurrentUser currentUser;

    FollowUpCount(AccessService access, CurrentUser currentUser) {
        this.access = access;
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
        int count = access.breakGlassToFollowUpCount();
        return new Waiting(count, count == 1 ? "1 break-glass activation waits for an admin's follow-up"
                : count + " break-glass activations wait for an admin's follow-up");
    }
}
