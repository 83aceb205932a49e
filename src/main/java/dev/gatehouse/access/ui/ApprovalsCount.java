package dev.gatehouse.access.ui;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.ApprovalsWaiting;
import dev.gatehouse.ui.NavigationCount;

/** The number on Approvals: requests waiting for the person's decision and break-glass naming them. */
@Component
class ApprovalsCount implements NavigationCount {

    private final AccessService access;

    ApprovalsCount(AccessService access) {
        this.access = access;
    }

    @Override
    public Class<ApprovalsView> view() {
        return ApprovalsView.class;
    }

    @Override
    public Waiting waiting() {
        ApprovalsWaiting waiting = access.approvalsWaiting();
        return new Waiting(waiting.total(), meaning(waiting));
    }

    static String meaning(ApprovalsWaiting waiting) {
        String decisions = waiting.decisions() == 1 ? "1 request waits for your decision"
                : waiting.decisions() + " requests wait for your decision";
        String breakGlass = waiting.breakGlass() == 1 ? "1 break-glass activation names you"
                : waiting.breakGlass() + " break-glass activations name you";
        if (waiting.breakGlass() == 0) {
            return decisions;
        }
        return waiting.decisions() == 0 ? breakGlass : decisions + "; " + breakGlass;
    }
}
