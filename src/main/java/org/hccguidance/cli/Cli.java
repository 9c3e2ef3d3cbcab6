package org.hccguidance.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Dispatches the jar's command-line commands. */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("evaluate", "validate", "scenario", "responses", "help", "--help");

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietLogging();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "evaluate" -> new EvaluateCommand(out).run(rest);
                case "validate" -> new ValidateCommand(out, err).run(rest);
                case "scenario" -> new RecordCommand(out).run(rest);
                case "responses" -> new ResponsesCommand(out).run(rest);
                default -> {
                    out.println(usage());
                    yield 0;
                }
            };
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        }
    }

    static String usage() {
        return String.join("\n",
                "usage:",
                "  java -jar hcc-guidance.jar                         start the REST service",
                "  java -jar hcc-guidance.jar evaluate PATIENT.json [--rules DIR] [--format text|json]",
                "  java -jar hcc-guidance.jar validate [--rules DIR] [--scenarios DIR] [--report FILE.html]",
                "                                     [--junit FILE.xml] [--min-coverage PERCENT]",
                "  java -jar hcc-guidance.jar scenario record PATIENT.json --id ID [--rules DIR] [--out FILE.yaml]",
                "  java -jar hcc-guidance.jar responses [--rules DIR] [--scenarios DIR] (--out FILE.json | --compare FILE.json)");
    }

    /** Stdout carries results only: library logging goes to stderr, and only when it is an error. */
    private static void quietLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%level %logger{20}: %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(ctx);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.ERROR);
        // Build failures are reported by the command itself, with file and line.
        ctx.getLogger("org.drools").setLevel(Level.OFF);
        ctx.getLogger("org.kie").setLevel(Level.OFF);
        ctx.getLogger("org.hccguidance").setLevel(Level.OFF);
    }
}
