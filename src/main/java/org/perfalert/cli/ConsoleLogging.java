package org.perfalert.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * perfalert's logging, set up in code rather than from a logback.xml: reading an XML configuration
 * and a pattern layout was about a fifth of a small command's start (issue 16). Warnings and errors
 * of the libraries, and perfalert's own messages, go to standard error as
 * "HH:mm:ss.SSS LEVEL logger - message" (the logger's name shortened to about 20 characters). A
 * configuration file given with -Dlogback.configurationFile, or a logback-test.xml (the tests'), is
 * used instead, unless -Dperfalert.logging=console (tests that run perfalert in a child JVM).
 */
public class ConsoleLogging extends ContextAwareBase implements Configurator {
    private static final int LOGGER_WIDTH = 20;
    private static final Map<String, Level> LEVELS = Map.of(
            "org.drools", Level.WARN,
            // analysts' rule folders need not mirror package names, and settings in constraints are constant
            "org.drools.compiler.kie.builder.impl.KieBuilderImpl", Level.ERROR,
            "org.drools.mvel.MVELConstraint", Level.ERROR,
            // rule build errors are reported by "rules check" at the analyst's file and line
            "org.drools.compiler.kie.builder.impl.KieProject", Level.OFF,
            "org.kie", Level.WARN,
            "org.apache.camel", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.quartz", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean console = "console".equals(System.getProperty("perfalert.logging")); // a test's child JVM, logging as users see it
        if (!console && (System.getProperty("logback.configurationFile") != null || getClass().getClassLoader().getResource("logback-test.xml") != null))
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        Line line = new Line();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** One event as a line (and its stack trace, if any). */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private final ZoneId zone = ZoneId.systemDefault();

        @Override
        public String doLayout(ILoggingEvent event) {
            LocalTime t = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
            StringBuilder b = new StringBuilder(128);
            b.append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':').append(two(t.getSecond())).append('.');
            int ms = t.getNano() / 1_000_000;
            b.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms).append(' ');
            String level = event.getLevel().toString();
            b.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
            b.append(shortened(event.getLoggerName(), LOGGER_WIDTH)).append(" - ").append(oneLine(event.getFormattedMessage())).append(System.lineSeparator());
            if (event.getThrowableProxy() != null) b.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            return b.toString();
        }

        /** A line break inside a message (a file name, a cell from a file) is written as \\n: no line can be forged. */
        private static String oneLine(String message) {
            return message == null || message.indexOf('\n') < 0 ? message : message.replace("\r\n", "\n").replace("\n", "\\n");
        }

        private static String two(int n) { return n < 10 ? "0" + n : String.valueOf(n); }
    }

    /** A dotted name cut to about width characters: its leading parts to their first letter, from the left, the last part whole. */
    static String shortened(String name, int width) {
        if (name.length() <= width) return name;
        String[] parts = name.split("\\.");
        int length = name.length();
        for (int i = 0; i < parts.length - 1 && length > width; i++) {
            length -= parts[i].length() - Math.min(1, parts[i].length());
            parts[i] = parts[i].isEmpty() ? "" : parts[i].substring(0, 1);
        }
        return String.join(".", parts);
    }
}
