package org.perfalert.rules;

import java.time.YearMonth;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The numbers a rule used, in the order it adds them (CONTRACT.md 3, "evidence"). Kept in two small
 * arrays rather than a hash map: an evaluation writes hundreds of thousands of them and a backtest
 * holds a month's worth at a time.
 */
public final class Evidence {
    private String[] keys = new String[5]; // the standard rules add at most five
    private Object[] values = new Object[5];
    private int size;

    /** Adds a key (a key given again keeps its place); months are written as YYYY-MM, lists and numbers as they are, null stays null. */
    public Evidence put(String key, Object value) {
        Object v = value instanceof YearMonth m ? m.toString() : value instanceof List<?> l ? List.copyOf(l) : value;
        for (int i = 0; i < size; i++) if (keys[i].equals(key)) { values[i] = v; return this; }
        if (size == keys.length) { keys = Arrays.copyOf(keys, size * 2); values = Arrays.copyOf(values, size * 2); }
        keys[size] = key;
        values[size++] = v;
        return this;
    }

    /** The evidence as a read-only map in the order the rule added it. */
    public Map<String, Object> asMap() { return new Read(Arrays.copyOf(keys, size), Arrays.copyOf(values, size)); }

    /** An ordered, read-only map over two arrays. */
    private static final class Read extends AbstractMap<String, Object> {
        private final String[] keys;
        private final Object[] values;

        Read(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override public int size() { return keys.length; }

        @Override public Object get(Object key) {
            for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return values[i];
            return null;
        }

        @Override public boolean containsKey(Object key) {
            for (String k : keys) if (k.equals(key)) return true;
            return false;
        }

        @Override public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override public int size() { return keys.length; }
                @Override public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        int next;
                        @Override public boolean hasNext() { return next < keys.length; }
                        @Override public Entry<String, Object> next() {
                            if (next >= keys.length) throw new NoSuchElementException();
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }
            };
        }
    }
}
