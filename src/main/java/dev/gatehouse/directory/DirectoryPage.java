package dev.gatehouse.directory;

/**
 * One page of a directory list, as a lazy grid asks for it.
 *
 * @param search text every row must contain in one of its searched columns; blank for all
 * @param sort   the column to sort by, then by a unique key so that pages never overlap
 */
public record DirectoryPage(String search, DirectorySort sort, boolean descending, int offset, int limit) {

    public DirectoryPage {
        search = search == null ? "" : search.strip();
    }

    /** The first {@code limit} rows, unfiltered, by name. */
    public static DirectoryPage first(int limit) {
        return new DirectoryPage("", DirectorySort.NAME, false, 0, limit);
    }

    public DirectoryPage matching(String text) {
        return new DirectoryPage(text, sort, descending, offset, limit);
    }

    public DirectoryPage sortedBy(DirectorySort column, boolean descendingOrder) {
        return new DirectoryPage(search, column, descendingOrder, offset, limit);
    }
}
