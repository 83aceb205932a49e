package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static dev.gatehouse.TestUsers.as;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.grid.Grid;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequesterSteps;
import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.shared.TimeText;

/** A directory screen over the synced demo organization. */
abstract class DirectoryViewTest extends KaribuTest {

    @Autowired
    protected Directory directory;
    @Autowired
    protected AccessInventory inventory;
    @Autowired
    protected TestRules rules;
    @Autowired
    protected SandboxAccounts accounts;
    @Autowired
    private AccessService access;
    @Autowired
    private DirectorySyncJob job;

    @BeforeEach
    void syncedDemoOrganization() {
        DemoDirectory.ensureSynced(job);
    }

    /**
     * Riley asks for each permission set on the account, Avery (Riley's manager) approves, the grants
     * become active, and then a full sync runs, so the mirror has the assignments the grants made.
     *
     * @return the active grants by permission set name
     */
    protected Map<String, GrantSummary> approvedForRileyAndSynced(String accountId, String... permissionSets) {
        rules.clear();
        String riley = rules.userId(TestUsers.REQUESTER);
        Map<String, GrantSummary> granted = new LinkedHashMap<>();
        for (String name : permissionSets) {
            String arn = rules.permissionSetArn(name);
            rules.save(TestRules.draft("Manager approves " + name, RequesterType.USER, riley, ScopeType.ORGANIZATION,
                    "", arn, 1, ApproverType.MANAGER, ""));
            long request = as(TestUsers.REQUESTER, () -> access.submit(RequesterSteps.form(arn, accountId, "")).get(0));
            as(TestUsers.APPROVER, () -> access.decide(request, true, "Go ahead"));
            granted.put(name, RequesterSteps.awaitGrant(access, request, GrantStatus.ACTIVE));
        }
        job.run(SyncTrigger.MANUAL, null).filter(run -> run.status() == SyncStatus.SUCCEEDED)
                .orElseThrow(() -> new IllegalStateException("The directory did not sync"));
        return granted;
    }

    /** Every row of the grid as the person reads it, page after page. */
    protected static List<List<String>> rows(Grid<?> grid) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < _size(grid); row++) {
            rows.add(_getFormattedRow(grid, row));
        }
        return rows;
    }

    /** Who holds what on the account, as its screen asks the inventory (signed in as an admin or auditor). */
    protected List<AccessHolding> onAccount(String accountId, DirectoryPage page) {
        return inventory.page(InventoryScope.ORGANIZATION.onAccount(accountId), page);
    }

    /** What the "How" column says of a row: standing, and how, or just-in-time with the grant and its end. */
    protected static String how(AccessHolding row) {
        AccessHolding.Held held = row.held();
        return switch (held.how()) {
            case DIRECT -> "Standing: assigned directly";
            case GROUP -> "Standing: via group " + held.groupName();
            case GRANT -> "Just-in-time: grant #" + held.grant().orElseThrow().id() + " of request #"
                    + held.grant().orElseThrow().requestId() + ", until "
                    + TimeText.of(held.grant().orElseThrow().endsAt());
        };
    }

    /** What the "How" column says of an active grant. */
    protected static String justInTime(GrantSummary grant) {
        return "Just-in-time: grant #" + grant.id() + " of request #" + grant.requestId() + ", until "
                + TimeText.of(grant.endsAt());
    }
}
