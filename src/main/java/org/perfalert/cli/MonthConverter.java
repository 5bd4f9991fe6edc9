package org.perfalert.cli;

import picocli.CommandLine;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** YYYY-MM on the command line; anything else is a usage error. */
public class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("\"" + value + "\" is not a month (use YYYY-MM, e.g. 2025-03)");
        }
    }
}
