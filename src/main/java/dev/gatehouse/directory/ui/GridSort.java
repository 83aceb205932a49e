package dev.gatehouse.directory.ui;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;

import dev.gatehouse.directory.DirectorySort;

/** The column a lazy directory grid is sorted by; columns are keyed by {@link DirectorySort} names. */
record GridSort(DirectorySort column, boolean descending) {

    static GridSort of(Query<?, ?> query) {
        return query.getSortOrders().stream().findFirst()
                .map(order -> new GridSort(DirectorySort.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.DESCENDING))
                .orElse(new GridSort(DirectorySort.NAME, false));
    }
}
