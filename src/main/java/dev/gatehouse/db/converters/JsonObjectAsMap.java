package dev.gatehouse.db.converters;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jooq.JSONB;
import org.jooq.exception.DataTypeException;
import org.jooq.impl.AbstractConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@code jsonb} object of strings (a permission set's tags) as a map sorted by key; NULL reads as empty. */
public final class JsonObjectAsMap extends AbstractConverter<JSONB, Map<String, String>> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> OBJECT = new TypeReference<>() {
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    public JsonObjectAsMap() {
        super(JSONB.class, (Class<Map<String, String>>) (Class) Map.class);
    }

    @Override
    public Map<String, String> from(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            SortedMap<String, String> map = JSON.readValue(json.data(), OBJECT);
            return Collections.unmodifiableSortedMap(map);
        } catch (JsonProcessingException e) {
            throw new DataTypeException("Not a JSON object of strings: " + json.data(), e);
        }
    }

    @Override
    public JSONB to(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        try {
            return JSONB.valueOf(JSON.writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new DataTypeException("Cannot write as JSON: " + map, e);
        }
    }
}
