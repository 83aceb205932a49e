package dev.gatehouse.db.converters;

import org.jooq.impl.AbstractConverter;

/**
 * A text column holding an enum constant's name (a status, a kind) as that enum; the column's CHECK
 * constraint names the same constants. A name the enum does not have fails loudly rather than reading as null.
 */
public class EnumByName<E extends Enum<E>> extends AbstractConverter<String, E> {

    public EnumByName(Class<E> type) {
        super(String.class, type);
    }

    @Override
    public E from(String name) {
        return name == null ? null : Enum.valueOf(toType(), name);
    }

    @Override
    public String to(E value) {
        return value == null ? null : value.name();
    }
}
