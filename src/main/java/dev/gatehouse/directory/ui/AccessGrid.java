package dev.gatehouse.directory.ui;

import java.util.List;
import java.util.function.Function;

import dev.gatehouse.directory.AccessRow;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;

/** Standing access, lazily loaded: account, permission set, person, and whether it comes through a group. */
final class AccessGrid {

    private AccessGrid() {
    }

    static DirectoryGrid<AccessRow> create(Function<DirectoryPage, List<AccessRow>> pages, boolean showAccount,
                                           boolean showPerson) {
        DirectoryGrid<AccessRow> grid = new DirectoryGrid<>("Filter access",
                "Account, permission set, person or group", pages);
        if (showAccount) {
            grid.addSortableColumn(AccessRow::accountName, "Account", DirectorySort.ACCOUNT).setAutoWidth(true);
        }
        grid.addSortableColumn(AccessRow::permissionSetName, "Permission set", DirectorySort.PERMISSION_SET)
                .setAutoWidth(true);
        if (showPerson) {
            grid.addSortableColumn(row -> row.displayName() + " (" + row.userName() + ")", "Person",
                    DirectorySort.PERSON).setFlexGrow(1);
        }
        grid.addSortableColumn(row -> row.viaGroup().isEmpty() ? "Directly" : "Through group " + row.viaGroup(),
                "How", DirectorySort.GROUP).setFlexGrow(1);
        grid.setEmptyStateText("No standing access matches.");
        return grid;
    }
}
