package org.perfalert.rules;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The numbers a rule used, in the order it adds them (CONTRACT.md 3, "evidence"). */
public final class Evidence {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a key; months are written as YYYY-MM, lists and numbers as they are, null stays null. */
    public Evidence put(String key, Object value) {
        values.put(key, value instanceof YearMonth m ? m.toString() : value instanceof List<?> l ? List.copyOf(l) : value);
        return this;
    }

    public Map<String, Object> asMap() { return Collections.unmodifiableMap(values); }
}
