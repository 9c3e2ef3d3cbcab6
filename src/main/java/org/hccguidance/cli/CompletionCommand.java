package org.hccguidance.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code completion}: the bash/zsh completion script, generated from the commands themselves so it never goes stale. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for " + Cli.NAME + ".",
                "With a launcher script named " + Cli.NAME + " on the PATH (exec java -jar /path/to/hcc-guidance.jar \"$@\"),"
                        + " load it in the current shell with: source <(" + Cli.NAME + " completion),"
                        + " or for every shell: " + Cli.NAME + " completion > /etc/bash_completion.d/" + Cli.NAME + "."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    CompletionCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
