package org.perfalert.store;

import org.perfalert.model.SeriesKey;

import java.time.Instant;
import java.time.YearMonth;

/** One change of a stored observation: the figure before and after, the file that changed it and when. */
public record Revision(SeriesKey key, YearMonth month,
                       double oldValue, Long oldNumerator, Long oldDenominator, String oldSource,
                       double newValue, Long newNumerator, Long newDenominator,
                       String source, Instant revisedAt) { }
