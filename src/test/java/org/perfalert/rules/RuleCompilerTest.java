package org.perfalert.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Broken copies of the standard rule pack: every problem names the analyst's file and line. */
class RuleCompilerTest {
    @TempDir Path dir;

    /** Copies rules/ (once) and replaces one line of one file; returns the 1-based number of the changed line. */
    int copyWithChange(String file, String find, String replaceWith) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                if (!Files.exists(dir.resolve(p.getFileName()))) Files.copy(p, dir.resolve(p.getFileName())); // a second change keeps the first
        }
        List<String> lines = Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(find)) {
                lines.set(i, lines.get(i).replace(find, replaceWith));
                Files.write(dir.resolve(file), lines);
                return i + 1;
            }
        }
        throw new AssertionError(find + " not in " + file);
    }

    List<String> problems() {
        return catchThrowableOfType(RuleProblems.class, () -> RuleCompiler.compile(dir)).problems();
    }

    @Test
    void aSyntaxErrorNamesFileAndLine() throws IOException {
        int line = copyWithChange("thresholds.drl", "value > thresholdAbove )", "value > thresholdAbove");
        // the parser notices the missing bracket only at the next line ("then"); it is reported where it belongs
        String changed = Files.readAllLines(dir.resolve("thresholds.drl")).get(line - 1);
        assertThat(problems()).hasSize(1).first().asString()
                .startsWith(dir.resolve("thresholds.drl") + ":" + line + ":" + (changed.length() + 1) + ": \")\" missing at the end of this line")
                .contains("the \"(\" at line " + line + ", column " + (changed.indexOf("Series(") + 7) + " is not closed");
    }

    @Test
    void aMisspeltPropertyOrMethodOfTheFactGetsTheNearestNameInOneLineWithoutTheEnginesText() throws IOException {
        int condition = copyWithChange("thresholds.drl", "thresholdAbove != null, value > thresholdAbove", "thresholdAbove != null, valeu > thresholdAbove");
        int action = copyWithChange("spc.drl", "c.getShiftRun() + \" months", "c.getShiftRunn() + \" months");
        int method = copyWithChange("extremes.drl", "Series( sameMonthYearsAbove() >=", "Series( sameMonthYearsAbvoe() >=");
        List<String> problems = problems();
        assertThat(problems).contains(
                dir.resolve("thresholds.drl") + ":" + condition + ":42: Series has no property valeu (did you mean value?)",
                dir.resolve("extremes.drl") + ":" + method + ":18: Series has no method sameMonthYearsAbvoe() (did you mean sameMonthYearsAbove()?)");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("spc.drl") + ":" + action + ":")
                .endsWith("XmrChart has no method getShiftRunn() (did you mean getShiftRun()?)"));
        assertThat(problems).hasSize(3).allSatisfy(p -> assertThat(p).doesNotContain("\n", "[Line", "Unable to", "strict-mode", "[ERR", "Rule Compilation"));
    }

    @Test
    void anUnknownFieldNamesFileLineAndColumn() throws IOException {
        int line = copyWithChange("trends.drl", "$s : Series( counted,", "$s : Series( countd,");
        List<String> problems = problems();
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0)).startsWith(dir.resolve("trends.drl") + ":" + line + ":18:").contains("countd");
    }

    @Test
    void anUnknownFactTypeNamesFileAndLine() throws IOException {
        int line = copyWithChange("spc.drl", "    $s : Series( chart", "    $s : Serie( chart");
        assertThat(problems().get(0)).startsWith(dir.resolve("spc.drl") + ":" + line + ":").contains("Serie");
    }

    @Test
    void anErrorInAnActionNamesTheLineOfTheAction() throws IOException {
        int line = copyWithChange("extremes.drl", "$s.evidence().put(\"previous_min\"", "$s.evidense().put(\"previous_min\"");
        assertThat(problems()).hasSize(1).first().asString()
                .startsWith(dir.resolve("extremes.drl") + ":" + line + ":").contains("evidense");
    }

    @Test
    void aMissingSemicolonInAnActionPointsAtTheLineThatLacksIt() throws IOException {
        String line = "    int months = $s.getRisingRollingMonths();";
        int at = copyWithChange("trends.drl", line, line.substring(0, line.length() - 1));
        assertThat(problems()).first().asString()
                .startsWith(dir.resolve("trends.drl") + ":" + at + ":" + line.length() + ":").contains("\";\"");
    }

    @Test
    void anUnknownSettingAndABadSettingValueAreReported() throws IOException {
        int line = copyWithChange("spc.drl", "global Integer spcRun ", "global Integer spcRuns ");
        Files.writeString(dir.resolve("settings.properties"),
                Files.readString(dir.resolve("settings.properties")).replace("spc.sigma = 2.66", "spc.sigma = 2,66"));
        List<String> problems = problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("spc.drl") + ":" + line + ":16:").contains("spcRuns"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("settings.properties") + ":").contains("2,66"));
    }

    @Test
    void aSettingAskedForByNameMustBeInTheSettingsFile() throws IOException {
        int line = copyWithChange("spc.drl", "chart.shiftRun >= spcRun", "chart.shiftRun >= settings.whole(\"spc.runs\")");
        Files.writeString(dir.resolve("spc.drl"), Files.readString(dir.resolve("spc.drl"))
                .replace("import function", "global org.perfalert.rules.RuleSettings settings\nimport function"));
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("spc.drl") + ":" + (line + 1) + ":").contains("spc.runs"));
    }

    @Test
    void aQuestionWhoseWindowIsMissingFromTheSettingsNamesTheSettingAtTheRulesLine() throws IOException {
        int line = copyWithChange("averages.drl", "Series( average1yr != null, average1yr.significantlyAbove )",
                "Series( average1yr != null, average1yr.significantlyAbove )");
        Files.writeString(dir.resolve("settings.properties"),
                Files.readString(dir.resolve("settings.properties")).replace("average-1yr.months = 12", ""));
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("averages.drl") + ":" + line + ":18:")
                .contains("average1yr").contains("average-1yr.months"));
    }

    @Test
    void aWholeNumberGlobalOverADecimalSettingIsReported() throws IOException {
        int line = copyWithChange("spc.drl", "global Integer spcRun ", "global Integer spcSigma ");
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith(dir.resolve("spc.drl") + ":" + line + ":8:")
                .contains("spc.sigma").contains("2.66").contains("Double"));
    }

    @Test
    void aMissingFolderIsAProblemNotACrash() {
        assertThatThrownBy(() -> RuleCompiler.compile(dir.resolve("nowhere"))).isInstanceOf(RuleProblems.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void aRuleNameUsedInTwoFilesOfOnePackageIsAProblemNotALostRule() throws IOException {
        // the first file and the last, which are compiled apart when the folder is compiled in halves
        copyWithChange("averages.drl", "package perfalert.averages", "package perfalert.trends");
        Files.writeString(dir.resolve("averages.drl"), Files.readString(dir.resolve("averages.drl"))
                .replace("rule \"below-benchmark\"", "rule \"rolling-fall-streak\""));
        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("rolling-fall-streak"));
    }
}
