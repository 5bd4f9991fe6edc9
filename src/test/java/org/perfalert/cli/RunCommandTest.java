package org.perfalert.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @Test
    void theServiceDoesNotStartOnBrokenRulesAndSaysWhere(@TempDir Path tmp) throws Exception {
        Path config = copy(Path.of("config"), tmp.resolve("config"));
        Files.writeString(config.resolve("application.properties"),
                "store.url=jdbc:h2:file:" + tmp.resolve("db/perfalert").toString().replace('\\', '/') + "\nhttp.port=0\n");
        Path rules = copy(Path.of("rules"), tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package perfalert.broken\nrule \"x\"\nwhen\n  foo(\nthen\nend\n");

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("run", "--config", config.toString(), "--rules", rules.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(Main.INPUT_ERROR);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("cannot be used").containsPattern("broken\\.drl:\\d+");
    }

    @Test
    void aPasswordInTheStoreUrlOrALoginWithoutTlsIsRefusedAtStartUpWithoutShowingThePassword(@TempDir Path tmp) throws Exception {
        Path config = copy(Path.of("config"), tmp.resolve("config"));
        Files.writeString(config.resolve("application.properties"),
                "store.url=jdbc:postgresql://127.0.0.1:1/perfalert?user=pa&password=Hunter2\nhttp.port=0\n");
        CliRun run = CliRun.run("run", "--config", config.toString(), "--rules", "rules");
        assertThat(run.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(run.err()).contains("store.url holds a password", "PERFALERT_STORE_PASSWORD").doesNotContain("Hunter2")
                .contains("-XX:+ExitOnOutOfMemoryError");   // this test JVM runs without the flag: the service says so

        Files.writeString(config.resolve("application.properties"), "store.url=jdbc:h2:file:"
                + tmp.resolve("db/perfalert").toString().replace('\\', '/') + "\nhttp.port=0\nmail.mode=smtp\nmail.smtp.user=perfalert\n");
        run = CliRun.run("run", "--config", config.toString(), "--rules", "rules");
        assertThat(run.exit()).isEqualTo(Main.INPUT_ERROR);
        assertThat(run.err()).contains("clear text", "mail.smtp.starttls=true", "mail.smtp.allow-plaintext=true");
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }
}
