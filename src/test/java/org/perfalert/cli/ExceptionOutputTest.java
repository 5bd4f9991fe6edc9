package org.perfalert.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.model.AreaType;
import org.perfalert.model.Direction;
import org.perfalert.model.PerformanceException;
import org.perfalert.model.Severity;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The output of evaluate and backtest: written month by month, and CSV that a spreadsheet will not run. */
class ExceptionOutputTest {
    static final YearMonth JAN = YearMonth.of(2025, 1), FEB = YearMonth.of(2025, 2);

    static PerformanceException exception(YearMonth month, String area, String headline, double value) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("value", value);
        evidence.put("previous", List.of(1.5, 2.0));
        evidence.put("since", "2024-03");
        return new PerformanceException("twelve-month-low", "crime", AreaType.DISTRICT, area, month, Severity.HIGH,
                Direction.IMPROVEMENT, headline, evidence);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(\"http://x\") | '=HYPERLINK(\"http://x\")",
            "+44 1223 | '+44 1223",
            "-1 | '-1",
            "@SUM(A1) | '@SUM(A1)",
            "Fenland | Fenland",
            "a=b | a=b",
    })
    void aTextCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe(String text, String cell) {
        assertThat(ExceptionOutput.cell(text)).isEqualTo(cell);
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreNeutralisedAndEmptyCellsStayEmpty() {
        assertThat(ExceptionOutput.cell("\tx")).isEqualTo("'\tx");
        assertThat(ExceptionOutput.cell("\rx")).isEqualTo("'\rx");
        assertThat(ExceptionOutput.cell("")).isEmpty();
    }

    @Test
    void csvNeutralisesEveryTextCellButWritesANegativeValueAsANumber() throws Exception {
        StringWriter text = new StringWriter();
        ExceptionOutput.print(List.of(exception(JAN, "=HYPERLINK(\"http://evil\")", "=HYPERLINK(\"http://evil\") – Crime -3 in January 2025", -3.0)),
                "csv", new PrintWriter(text));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.toString())).getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.get("area")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(row.get("headline")).startsWith("'=HYPERLINK");
        assertThat(row.get("value")).isEqualTo("-3.0");
        assertThat(row.get("rule")).isEqualTo("twelve-month-low");
        assertThat(new ObjectMapper().readTree(row.get("evidence")).get("value").asDouble()).isEqualTo(-3.0);
    }

    @Test
    void monthsWrittenOneAfterAnotherGiveTheSameJsonArrayAsAllAtOnce() throws Exception {
        List<PerformanceException> jan = List.of(exception(JAN, "Fenland", "Fenland – Crime 3 in January 2025: lowest", 3.0));
        List<PerformanceException> feb = List.of(exception(FEB, "Fenland", "Fenland – Crime 2 in February 2025: lowest", 2.0),
                exception(FEB, "Peterborough", "Peterborough – Crime 7 in February 2025: lowest", 7.25));
        StringWriter all = new StringWriter(), streamed = new StringWriter();
        ExceptionOutput.print(List.of(jan.get(0), feb.get(0), feb.get(1)), "json", new PrintWriter(all));

        try (ExceptionOutput out = ExceptionOutput.open("json", new PrintWriter(streamed))) {
            out.write(jan);
            // January is out before February is evaluated
            assertThat(streamed.toString()).contains("January 2025").doesNotContain("February");
            out.write(feb);
        }

        assertThat(streamed.toString()).isEqualTo(all.toString());
        JsonNode array = new ObjectMapper().readTree(streamed.toString());
        assertThat(array).hasSize(3);
        assertThat(array.get(2).get("evidence").get("value").asDouble()).isEqualTo(7.25);
        assertThat(array.get(0).get("evidence").get("previous").get(1).asDouble()).isEqualTo(2.0);
    }

    /** Evidence is rounded by arithmetic for speed: it must be exactly the rounding of the shortest decimal form. */
    @Test
    void evidenceNumbersAreRoundedExactlyAsTheirDecimalFormRounds() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.00005, 0.00015, 2.00005, -2.00005, 1e-10, 12.0, 1440.0, -3.0,
                123456789.12345, 1e9, 1e12, 1e20, Double.MIN_VALUE, 0.49999999999999994, Double.NaN, Double.POSITIVE_INFINITY));
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, r.nextInt(14) - 5);
            values.add((r.nextDouble() - 0.4) * magnitude);
            values.add(Math.round(r.nextDouble() * magnitude * 100_000) / 100_000.0); // five decimals: ties at the fifth
            values.add((double) r.nextInt(100_000));
        }
        for (double v : values) assertThat(EvidenceNumbers.round(v)).as("%s", v).isEqualTo(EvidenceNumbers.exactly(v));
    }

    @Test
    void nothingFoundIsAnEmptyArrayOrASentence() {
        StringWriter json = new StringWriter(), text = new StringWriter();
        ExceptionOutput.print(List.of(), "json", new PrintWriter(json));
        ExceptionOutput.print(List.of(), "text", new PrintWriter(text));
        assertThat(json.toString().trim()).isEqualTo("[ ]");
        assertThat(text.toString().trim()).isEqualTo("No exceptions.");
    }
}
