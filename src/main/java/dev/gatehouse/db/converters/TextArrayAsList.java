package dev.gatehouse.db.converters;

import java.util.List;

import org.jooq.impl.AbstractConverter;

/** A {@code varchar[]} column as an unmodifiable list; NULL reads as the empty list. */
public final class TextArrayAsList extends AbstractConverter<String[], List<String>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public TextArrayAsList() {
        super(String[].class, (Class<List<String>>) (Class) List.class);
    }

    @Override
    public List<String> from(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    @Override
    public String[] to(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }
}
