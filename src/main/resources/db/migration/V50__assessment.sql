-- Calibrated signals (issue 12, SIGNALS.md): what the rule pack judged of each exception, kept with its row so the
-- email plan of a stored month and the weekly digest see it: a JSON object {"kind": "signal" | "threshold" |
-- "exception", "notable": true | false, "strength": number, "calibrated": {"expected", "phi", "z", "z_year"}}.
-- Null for rows stored before (judged by their rule id: kind from the standard rules, notable for signals and
-- thresholds). Portable SQL: H2 and PostgreSQL.
ALTER TABLE alert ADD COLUMN assessment VARCHAR(1000);
