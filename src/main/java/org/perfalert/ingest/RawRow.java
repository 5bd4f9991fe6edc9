package org.perfalert.ingest;

/** One row of a tidy file (CSV line or JSON object) before checking: field texts and where they are. */
interface RawRow {
    /** The field's text, trimmed; null when the field is absent or empty. */
    String get(String field);

    /** Where the row is, for messages: FILE:LINE. */
    String where();

    /** Where a field is, for messages: FILE:LINE:COLUMN (or FILE:LINE when it is absent). */
    String where(String field);
}
