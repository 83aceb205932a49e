package dev.gatehouse.directory.ui;

import java.util.List;
import java.util.function.BiFunction;

import com.vaadin.flow.component.grid.Grid;

import dev.gatehouse.directory.AccessRow;

/** Standing access, lazily loaded: account, permission set, person, and whether it comes through a group. */
final class AccessGrid extends Grid<AccessRow> {

    AccessGrid(BiFunction<Integer, Integer, List<AccessRow>> page, boolean showAccount, boolean showPerson) {
        if (showAccount) {
            addColumn(AccessRow::accountName).setHeader("Account").setAutoWidth(true);
        }
        addColumn(AccessRow::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        if (showPerson) {
            addColumn(row -> row.displayName() + " (" + row.userName() + ")").setHeader("Person").setFlexGrow(1);
        }
        addColumn(row -> row.viaGroup().isEmpty() ? "Directly" : "Through group " + row.viaGroup())
                .setHeader("How").setFlexGrow(1);
        setEmptyStateText("No standing access.");
        setItems(query -> page.apply(query.getOffset(), query.getLimit()).stream());
        setSizeFull();
    }
}
