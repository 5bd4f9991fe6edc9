package org.perfalert.rules.scenario;

import java.util.List;
import java.util.Map;

/**
 * A value read from a scenario file together with where it was written (line and column, from 1),
 * so every mistake can be reported as FILE:LINE:COLUMN. value is a Map&lt;String, YamlNode&gt; (in
 * file order), a List&lt;YamlNode&gt;, a String, a Double, a Boolean or null.
 */
public record YamlNode(Object value, int line, int column) {

    public boolean isMap() { return value instanceof Map; }

    public boolean isList() { return value instanceof List; }

    public boolean isNull() { return value == null; }

    public boolean isNumber() { return value instanceof Double; }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> map() { return (Map<String, YamlNode>) value; }

    @SuppressWarnings("unchecked")
    public List<YamlNode> list() { return (List<YamlNode>) value; }

    /** A scalar written as text (numbers and booleans as written, e.g. 12 or true). */
    public String text() {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
        return String.valueOf(value);
    }

    public double number() { return (Double) value; }

    /** "line 12, column 5", for messages. */
    public String where() { return line + ":" + column; }
}
