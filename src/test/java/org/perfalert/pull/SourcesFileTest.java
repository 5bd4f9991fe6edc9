package org.perfalert.pull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.ConfigException;
import org.perfalert.ingest.TestConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** config/sources.yaml: the demo's file reads, a missing file means no sources, and every mistake is named with its fix. */
class SourcesFileTest {
    @TempDir Path dir;

    @Test
    void theRepositorysSourcesAreAFolderAndADisabledHttpExample() throws Exception {
        List<Source> sources = SourcesFile.load(TestConfig.repo().resolve("config"));

        assertThat(sources).extracting(Source::name, Source::kind, Source::enabled).containsExactly(
                org.assertj.core.groups.Tuple.tuple("exports", Source.Kind.FOLDER, true),
                org.assertj.core.groups.Tuple.tuple("open-data", Source.Kind.HTTP, false));
        Source.Http http = sources.get(1).http();
        assertThat(http.headers().get("X-Api-Key")).isEqualTo(new Source.Value(null, "OPEN_DATA_API_KEY"));
        assertThat(http.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sources.get(1).months()).isEqualTo(2);
    }

    @Test
    void noFileMeansNoSources() throws Exception {
        assertThat(SourcesFile.load(dir)).isEmpty();
    }

    @Test
    void aFullSqlSourceReads() throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - name: warehouse
                    kind: sql
                    schedule: "0 0 6 * * ?"
                    url: jdbc:postgresql://warehouse/perf
                    user: reader
                    password_env: WAREHOUSE_PASSWORD
                    query: SELECT * FROM figures WHERE month BETWEEN :from AND :to
                    timeout_seconds: 30
                """);
        Source s = SourcesFile.load(dir).get(0);
        assertThat(s.sql()).isEqualTo(new Source.Sql("jdbc:postgresql://warehouse/perf", "reader", "WAREHOUSE_PASSWORD",
                "SELECT * FROM figures WHERE month BETWEEN :from AND :to", Duration.ofSeconds(30)));
        assertThat(s.where()).doesNotContain("WAREHOUSE_PASSWORD");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kind: ftp| unknown kind \"ftp\" (use sql, http or folder)",
            "kind: http~    url: ftp://x/y| \"url\" must start with http:// or https://",
            "kind: http~    url: http://x/{month}.csv~    schedule: every day| schedule \"every day\" is not a cron expression",
            "kind: http~    url: http://x/a.csv~    api_key: abc| unknown setting \"api_key\" for a http source",
            "kind: http~    url: http://x/a.csv~    format: xml| unknown format \"xml\"",
            "kind: http~    url: http://x/a.csv~    headers: { X-Api-Key: { env: 'not a name' } }| header \"X-Api-Key\" must be one line of text, or { env: NAME }",
            "kind: http~    url: http://x/a.csv~    read_timeout_seconds: 0| \"read_timeout_seconds\" must be a whole number from 1 to 3600",
            "kind: http~    url: http://x/a.csv~    enabled: maybe| \"enabled\" must be true or false",
            "kind: sql~    url: jdbc:h2:mem:x~    user: sa~    query: DELETE FROM figures| must be one read-only SELECT",
            "kind: sql~    url: jdbc:h2:mem:x~    user: sa~    query: SELECT 1; DROP TABLE figures| must be one read-only SELECT",
            "kind: sql~    url: jdbc:h2:mem:x~    user: sa~    query: SELECT * FROM f WHERE m = :month| may only use the parameters :from and :to",
            "kind: sql~    url: jdbc:h2:mem:x;PASSWORD=secret~    user: sa~    query: SELECT 1| the JDBC URL holds a password",
            "kind: sql~    url: jdbc:h2:mem:x~    user: sa~    password_env: hunter2!~    query: SELECT 1| \"password_env\" must name an environment variable",
            "kind: sql~    url: jdbc:h2:mem:x~    query: SELECT 1| missing \"user\"",
            "kind: folder| missing \"dir\"",
    })
    void aMistakeIsNamedWithTheFileTheEntryAndTheFix(String settings, String expected) throws Exception {
        String entry = "  - name: my-source\n    schedule: \"0 0 6 * * ?\"\n    " + settings.replace("~", "\n") + "\n";
        // a later schedule line overrides the default one above (YAML takes the last)
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n" + entry);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SourcesFile.load(dir));

        assertThat(e).as("expected a problem for: " + settings).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith(dir.resolve("sources.yaml") + ": source 1 (my-source): ").contains(expected));
    }

    @Test
    void twoSourcesWithOneNameAndABadNameAreBothReported() throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - { name: drop, kind: folder, dir: a }
                  - { name: drop, kind: folder, dir: b }
                  - { name: "My Source", kind: folder, dir: c }
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SourcesFile.load(dir));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains("source 2 (drop)").contains("used twice");
        assertThat(e.problems().get(1)).contains("source 3 (My Source)").contains("lower-case letters");
    }
}
