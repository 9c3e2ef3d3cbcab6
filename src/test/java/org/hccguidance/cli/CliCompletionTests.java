package org.hccguidance.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated bash completion script, loaded into a real bash and asked to complete. */
class CliCompletionTests {

    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_hcc-guidance 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void completionCompletesCommandsAndOptionsInBash(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash is installed");
        CliTests.Result r = CliTests.run("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("hcc-guidance");
        Path script = Files.writeString(dir.resolve("hcc-guidance-completion.bash"), r.out());

        assertThat(complete(script, "hcc-guidance", "ev").lines()).containsExactly("evaluate");
        assertThat(complete(script, "hcc-guidance", "").lines()).contains("serve", "evaluate", "explain", "validate",
                "scenario", "responses", "completion", "help");
        assertThat(complete(script, "hcc-guidance", "validate", "--wa").lines()).containsExactly("--watch");
        assertThat(complete(script, "hcc-guidance", "explain", "--format", "").lines()).contains("text", "json");
        assertThat(complete(script, "hcc-guidance", "scenario", "").lines()).contains("record");
    }
}
