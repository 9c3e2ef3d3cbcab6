package org.hccguidance.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code scenario}: the scenario tools; today {@code record}. */
@Command(name = "scenario", mixinStandardHelpOptions = true, description = "Scenario tools: record a patient's guidance as a new scenario.")
final class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a scenario command is missing: " + String.join(", ", spec.subcommands().keySet()));
    }
}
