package dev.gatehouse.directory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.shared.SearchText;

/** The search and sort parts of a {@link DirectoryPage} as jOOQ conditions and orders. */
final class PageQueries {

    private PageQueries() {
    }

    /** A column the generated classes type as an enum (a status), as the text the database holds, for searching. */
    static Field<String> asText(Field<?> column) {
        return DSL.field(column.getQualifiedName(), SQLDataType.VARCHAR);
    }

    /** The page's search text in any of the fields, case-insensitive; no condition when there is no search. */
    @SafeVarargs
    static Condition contains(DirectoryPage page, Field<String>... fields) {
        if (page.search().isEmpty()) {
            return DSL.noCondition();
        }
        String pattern = SearchText.containsPattern(page.search());
        return DSL.or(Arrays.stream(fields).map(field -> field.likeIgnoreCase(pattern, SearchText.ESCAPE)).toList());
    }

    /** The chosen column in the page's direction, then the tie-breakers ascending, so pages never overlap. */
    static SortField<?>[] order(DirectoryPage page, Field<?> column, Field<?>... tieBreakers) {
        List<SortField<?>> order = new ArrayList<>();
        order.add(page.descending() ? column.desc() : column.asc());
        Arrays.stream(tieBreakers).map(Field::asc).forEach(order::add);
        return order.toArray(SortField[]::new);
    }
}
