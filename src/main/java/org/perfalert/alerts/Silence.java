package org.perfalert.alerts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A silence: exceptions whose metric, area and rule match the patterns are stored but not emailed
 * until the end date (inclusive). Patterns are exact names or globs with '*' (e.g. policeuk.*).
 */
public record Silence(long id, String metricPattern, String areaPattern, String rulePattern,
                      LocalDate endsOn, String reason, String createdBy, Instant createdAt) { }
