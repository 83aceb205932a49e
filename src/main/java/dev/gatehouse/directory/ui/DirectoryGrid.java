package dev.gatehouse.directory.ui;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;

import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;

/**
 * A directory list: rows come page by page from the service, filtered by the grid's own search
 * field and sorted by the column the person picks. Sortable columns are keyed by {@link DirectorySort}.
 */
final class DirectoryGrid<T> extends Grid<T> {

    private final Function<DirectoryPage, List<T>> pages;
    private final SearchField search;

    DirectoryGrid(String searchLabel, String searchPlaceholder, Function<DirectoryPage, List<T>> pages) {
        this.pages = pages;
        this.search = new SearchField(searchLabel, searchPlaceholder, this::load);
        setSizeFull();
        load();
    }

    /** The field that filters this grid; the view places it. */
    SearchField search() {
        return search;
    }

    Column<T> addSortableColumn(ValueProvider<T, ?> value, String header, DirectorySort sort) {
        return addColumn(value).setHeader(header).setKey(sort.name()).setSortable(true);
    }

    Column<T> addPlainColumn(ValueProvider<T, ?> value, String header) {
        return addColumn(value).setHeader(header).setSortable(false);
    }

    private void load() {
        String text = search.getValue();
        setItems(query -> pages.apply(page(query, text)).stream());
    }

    static DirectoryPage page(Query<?, ?> query, String search) {
        DirectoryPage page = new DirectoryPage(search, DirectorySort.NAME, false, query.getOffset(), query.getLimit());
        return query.getSortOrders().stream().findFirst()
                .map(order -> page.sortedBy(DirectorySort.valueOf(order.getSorted()),
                        order.getDirection() == SortDirection.DESCENDING))
                .orElse(page);
    }
}
