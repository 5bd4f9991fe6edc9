package org.perfalert.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command's start leaves out changes nothing a user sees: the command line built for one command, the log lines. */
class StartPathTest {
    static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return exit + "\n" + out + "\n--\n" + err;
    }

    @Test
    void theCommandLineOfOneCommandAnswersAsTheWholeOne() {
        List<String[]> lines = List.of(new String[]{"evaluate", "--help"}, new String[]{"evaluate", "--nonsense"},
                new String[]{"backtest", "--from", "2020-13"}, new String[]{"rules", "check", "--help"}, new String[]{"rules", "chek"},
                new String[]{"silence", "--help"}, new String[]{"evalute"}, new String[]{"--help"}, new String[]{"help", "backtest"},
                new String[]{"--version"});
        for (String[] args : lines) {
            String whole = run(Main.commandLine(), args), one = run(Main.commandLine(args[0]), args);
            assertThat(one).as(String.join(" ", args)).isEqualTo(whole).isNotBlank();
        }
        assertThat(Main.commandLine("evaluate").getSubcommands()).containsOnlyKeys("evaluate");
        assertThat(Main.commandLine("help").getSubcommands()).hasSize(14);
    }

    @Test
    void logLinesKeepTheirFormat() {
        assertThat(ConsoleLogging.shortened("org.perfalert.Something.Long", 20)).isEqualTo("o.p.Something.Long");
        assertThat(ConsoleLogging.shortened("org.apache.camel.impl.engine.AbstractCamelContext", 20)).isEqualTo("o.a.c.i.e.AbstractCamelContext");
        assertThat(ConsoleLogging.shortened("org.drools.x", 20)).isEqualTo("org.drools.x");
        ConsoleLogging.Line line = new ConsoleLogging.Line();
        LoggerContext context = new LoggerContext();
        line.setContext(context);
        line.start();
        LoggingEvent e = new LoggingEvent("x", context.getLogger("org.kie.api.builder.SomethingLong"), Level.WARN, "hello {}", null, new Object[]{42});
        e.setTimeStamp(java.time.LocalDate.of(2026, 1, 2).atTime(3, 4, 5, 6_000_000).atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli());
        assertThat(line.doLayout(e)).isEqualTo("03:04:05.006 WARN  o.k.a.b.SomethingLong - hello 42" + System.lineSeparator());
        LoggingEvent forged = new LoggingEvent("x", context.getLogger("x"), Level.INFO, "file a\r\n03:04:05.006 ERROR x - forged\nb", null, null);
        forged.setTimeStamp(e.getTimeStamp());
        assertThat(line.doLayout(forged)).isEqualTo("03:04:05.006 INFO  x - file a\\n03:04:05.006 ERROR x - forged\\nb" + System.lineSeparator());
    }
}
