package org.hccguidance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user meets it, each case in a JVM of its own: a typo or an unknown command is a
 * usage error with a suggestion and never a web server; every command has its help; the server starts
 * only when asked for.
 */
class CliCommandLineTests {

    private static final Duration QUICK = Duration.ofSeconds(60);

    /** Runs the jar's main class with a free port in SERVER_PORT, watching that port for as long as it runs. */
    private static Outcome runWatchingThePort(Path dir, String... args) throws Exception {
        int port = CliProcess.freePort();
        try (CliProcess p = CliProcess.start(dir, Map.of("SERVER_PORT", Integer.toString(port)), args)) {
            boolean opened = false;
            long deadline = System.nanoTime() + QUICK.toNanos();
            while (p.isAlive() && System.nanoTime() < deadline) {
                opened |= CliProcess.listening(port);
                Thread.sleep(50);
            }
            int code = p.waitFor(Duration.ofSeconds(5));
            return new Outcome(code, p.out(), p.err(), opened);
        }
    }

    private record Outcome(int code, String out, String err, boolean portOpened) {
    }

    private static Path patient(Path dir) throws IOException {
        return Files.writeString(dir.resolve("patient.json"), CliTests.PATIENT);
    }

    @Test
    void aMisspeltCommandIsAUsageErrorWithASuggestionAndStartsNoServer(@TempDir Path dir) throws Exception {
        Outcome r = runWatchingThePort(dir, "evalute", patient(dir).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("error: unknown command 'evalute'").contains("did you mean 'evaluate'?")
                .contains("Usage: hcc-guidance").contains("Run 'hcc-guidance --help'");
        assertThat(r.out()).isEmpty();
        assertThat(r.portOpened()).isFalse();
        assertThat(r.out() + r.err()).doesNotContain("Tomcat").doesNotContain("Started GuidanceApplication");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithoutAFalseSuggestion(@TempDir Path dir) throws Exception {
        Outcome r = runWatchingThePort(dir, "forecast", "patient.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("error: unknown command 'forecast'").doesNotContain("did you mean")
                .contains("Commands: serve, evaluate, explain, validate, scenario, responses, impact, completion, help");
        assertThat(r.portOpened()).isFalse();
    }

    @Test
    void aMisspeltOptionNamesTheNearestOptionOfThatCommand(@TempDir Path dir) throws Exception {
        Outcome r = runWatchingThePort(dir, "validate", "--scenaros", "scenarios");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--scenaros' for hcc-guidance validate")
                .contains("did you mean '--scenarios'?").contains("Usage: hcc-guidance validate");
        assertThat(r.portOpened()).isFalse();
    }

    @Test
    void helpIsACommandNotAServer(@TempDir Path dir) throws Exception {
        Outcome r = runWatchingThePort(dir, "help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: hcc-guidance [-hV] [COMMAND]").contains("explain").contains("Exit codes:");
        assertThat(r.portOpened()).isFalse();
    }

    @Test
    void serveStartsTheServiceAndOnlySpringPropertiesAreAccepted(@TempDir Path dir) throws Exception {
        Outcome bad = runWatchingThePort(dir, "serve", "rules");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("serve takes Spring properties as --name=value, not 'rules'");
        assertThat(bad.portOpened()).isFalse();

        int port = CliProcess.freePort();
        try (CliProcess p = CliProcess.start(dir, Map.of(), "serve", "--server.port=" + port,
                "--guidance.rules.dir=" + Path.of("rules").toAbsolutePath(), "--guidance.scenarios.dir=" + Path.of("scenarios").toAbsolutePath(),
                "--guidance.data.dir=" + dir.resolve("data"), "--guidance.reload.watch=false")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!CliProcess.listening(port) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(CliProcess.listening(port)).as("serve opens its port; stderr:\n%s", p.err()).isTrue();
        }
    }

    @Test
    void aPatientCanBePipedIn(@TempDir Path dir) throws Exception {
        try (CliProcess p = CliProcess.start(dir, Map.of(), "explain", "-", "LENVATINIB", "--rules",
                Path.of("rules").toAbsolutePath().toString(), "--format", "json")) {
            p.type(CliTests.PATIENT);
            p.endInput();
            assertThat(p.waitFor(Duration.ofSeconds(120))).as(p.err()).isZero();
            assertThat(p.out()).contains("\"status\" : \"RECOMMENDED\"");
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"", "serve", "evaluate", "explain", "validate", "scenario", "scenario record", "responses", "completion"})
    void everyCommandHasHelpWithItsUsageAndTheExitCodes(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        CliTests.Result r = CliTests.run(args);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: hcc-guidance" + (command.isEmpty() ? " " : " " + command + " "))
                .contains("Exit codes:").contains("2   usage error").contains("3   rules refused");
        assertThat(r.err()).isEmpty();
        if (!command.isEmpty() && !command.contains(" ")) {
            assertThat(CliTests.run("help", command).out()).isEqualTo(r.out());
        }
    }

    @Test
    void missingAndBadValuesAreUsageErrorsNamingTheProblem(@TempDir Path dir) throws IOException {
        CliTests.Result missing = CliTests.run("explain", patient(dir).toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'CODE'").contains("Usage: hcc-guidance explain");

        CliTests.Result format = CliTests.run("evaluate", patient(dir).toString(), "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("expected one of [text, json]");

        CliTests.Result coverage = CliTests.run("validate", "--min-coverage", "120");
        assertThat(coverage.code()).isEqualTo(2);
        assertThat(coverage.err()).contains("--min-coverage must be a percentage between 0 and 100");

        CliTests.Result noSubcommand = CliTests.run("scenario");
        assertThat(noSubcommand.code()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("a scenario command is missing: record");

        CliTests.Result both = CliTests.run("responses", "--out", "a.json", "--compare", "b.json");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void onlyNoArgumentsServeOrSpringPropertiesStartTheServer() {
        assertThat(Cli.startsServer(new String[0])).isTrue();
        assertThat(Cli.startsServer(new String[] {"--server.port=9090", "--guidance.rules.dir=/srv/rules"})).isTrue();
        assertThat(Cli.startsServer(new String[] {"--spring.profiles.active=benchmark"})).isTrue();
        assertThat(Cli.startsServer(new String[] {"--help"})).isFalse();
        assertThat(Cli.startsServer(new String[] {"--rules=x"})).isFalse();
        assertThat(Cli.startsServer(new String[] {"evaluate", "--server.port=1"})).isFalse();
        assertThat(Cli.startsServer(new String[] {"serve"})).isFalse();   // through the serve command
    }
}
