package org.hccguidance.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.hccguidance.explain.UnknownCodeException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The jar's command line, built on picocli: {@code serve}, {@code evaluate}, {@code explain},
 * {@code validate} (with {@code --watch}), {@code scenario record}, {@code responses}, {@code completion}
 * and {@code help}. Every command has {@code --help}; a misspelt command or option is answered with the
 * nearest real one and the usage, and exit code 2. The web server starts only with no arguments, with
 * {@code serve}, or with nothing but Spring properties ({@code --server.port=9090}); anything else is a
 * command or a usage error, never a server that silently starts.
 */
public final class Cli {

    /** What {@link #run} returns when it started the web server instead of running a command: do not exit. */
    public static final int SERVING = Integer.MIN_VALUE;

    /** The name completion scripts and usage use; a launcher script of this name runs the jar. */
    static final String NAME = "hcc-guidance";

    /** {@code --name.with.dots=value}: a Spring property, the only arguments the service itself takes. */
    private static final Pattern SPRING_PROPERTY = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\-\\[\\]]+)+=.*", Pattern.DOTALL);

    /** Starts the web server with the given Spring arguments. */
    @FunctionalInterface
    public interface Server {
        void start(String[] springArgs);
    }

    private Cli() {
    }

    /** Runs a command in this JVM, where starting the web server is not possible (tests, tools). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, springArgs -> {
            throw new CliException(ExitCodes.USAGE, "the web server cannot be started from here; run the jar with 'serve'");
        });
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Server server) {
        if (startsServer(args)) {
            server.start(args);
            return SERVING;
        }
        return commandLine(out, err, server).execute(args);
    }

    /** No arguments, or only Spring properties: the service, as the jar has always started. */
    static boolean startsServer(String[] args) {
        return args.length == 0 || Arrays.stream(args).allMatch(a -> SPRING_PROPERTY.matcher(a).matches());
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Server server) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.addSubcommand("serve", new ServeCommand(server));
        cl.addSubcommand("evaluate", new EvaluateCommand(out));
        cl.addSubcommand("explain", new ExplainCommand(out));
        cl.addSubcommand("validate", new ValidateCommand(out, err));
        cl.addSubcommand("scenario", new CommandLine(new ScenarioCommand()).addSubcommand("record", new RecordCommand(out)));
        cl.addSubcommand("responses", new ResponsesCommand(out));
        cl.addSubcommand("impact", new ImpactCommand(out));
        cl.addSubcommand("completion", new CompletionCommand(out));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        everyCommand(cl, c -> {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.described());
            c.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
            c.getCommandSpec().exitCodeOnExecutionException(ExitCodes.COULD_NOT_FINISH);
        });
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((e, command, parsed) -> failure(e, command));
        cl.setExecutionStrategy(parsed -> {
            List<CommandLine> chain = parsed.asCommandLineList();
            if (!(chain.get(chain.size() - 1).getCommand() instanceof ServeCommand)) {
                quietLogging();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    private static void everyCommand(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        cl.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /** A mistake on the command line: what was wrong, the nearest correct spelling, and the usage. */
    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + describe(ex));
        List<String> suggestions = suggestions(ex);
        if (!suggestions.isEmpty()) {
            err.println("did you mean " + String.join(" or ", suggestions.stream().limit(3).map(s -> "'" + s + "'").toList()) + "?");
        }
        err.println();
        err.print(cmd.getHelp().fullSynopsis());
        if (!cmd.getSubcommands().isEmpty()) {
            err.println("Commands: " + String.join(", ", cmd.getSubcommands().keySet()));
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static List<String> suggestions(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return List.of();
        }
        String first = u.getUnmatched().get(0);
        CommandLine cmd = u.getCommandLine();
        if (first.startsWith("-")) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> names = new java.util.ArrayList<>();
            cmd.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
            return Suggestions.nearest(name, names);
        }
        return Suggestions.nearest(first, cmd.getSubcommands().keySet());
    }

    private static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandLine cmd = u.getCommandLine();
            if (first.startsWith("-")) {
                return "unknown option '" + first + "' for " + cmd.getCommandSpec().qualifiedName();
            }
            if (!cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty()) {
                return "unknown command '" + first + "'";
            }
            return "unexpected argument '" + first + "'";
        }
        return ex.getMessage();
    }

    private static int failure(Exception e, CommandLine command) {
        PrintWriter err = command.getErr();
        if (e instanceof CliException c) {
            err.println("error: " + c.getMessage());
            err.flush();
            return c.exitCode();
        }
        if (e instanceof UnknownCodeException u) {
            err.println("error: " + u.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println("error: unexpected failure: " + e);
        err.flush();
        return ExitCodes.COULD_NOT_FINISH;
    }

    /** Stdout carries results only: library logging goes to stderr, and only when it is an error. */
    static void quietLogging() {
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
