package org.hccguidance.cli;

import picocli.CommandLine.Option;

/** {@code --scenarios DIR}, shared by the commands that run the scenario suite. */
final class ScenariosOption {

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Scenario folder (default: ./scenarios when it exists, else the suite inside the jar).")
    String scenarios;
}
