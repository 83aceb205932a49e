package dev.gatehouse.directory.ui;

import java.util.List;
import java.util.function.Function;

import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.shared.TimeText;

/**
 * Who holds what, from the access inventory, lazily loaded: account, permission set, person, and how:
 * standing (directly or through a named group) or just-in-time, with the grant and its end.
 */
final class AccessGrid {

    private AccessGrid() {
    }

    static DirectoryGrid<AccessHolding> create(Function<DirectoryPage, List<AccessHolding>> pages, boolean showAccount,
                                               boolean showPerson) {
        DirectoryGrid<AccessHolding> grid = new DirectoryGrid<>("Filter access",
                "Account, permission set, person or group", pages);
        if (showAccount) {
            grid.addSortableColumn(row -> row.account().name(), "Account", DirectorySort.ACCOUNT).setAutoWidth(true);
        }
        grid.addSortableColumn(row -> row.permissionSet().name(), "Permission set", DirectorySort.PERMISSION_SET)
                .setAutoWidth(true);
        if (showPerson) {
            grid.addSortableColumn(AccessGrid::person, "Person", DirectorySort.PERSON).setFlexGrow(1);
        }
        grid.addSortableColumn(AccessGrid::how, "How", DirectorySort.GROUP).setFlexGrow(1);
        grid.setEmptyStateText("No access matches.");
        return grid;
    }

    /** A grant's holder the last sync did not have is shown by the name the request recorded. */
    private static String person(AccessHolding row) {
        return row.person().userName().isEmpty() ? row.person().displayName()
                : row.person().displayName() + " (" + row.person().userName() + ")";
    }

    private static String how(AccessHolding row) {
        return row.source() + row.held().grant().map(grant -> ", until " + TimeText.of(grant.endsAt())).orElse("");
    }
}
