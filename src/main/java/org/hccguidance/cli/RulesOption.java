package org.hccguidance.cli;

import picocli.CommandLine.Option;

/** {@code --rules DIR}, shared by every command that loads a rule set. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule folder to use (default: ./rules when it exists, else the rules inside the jar).")
    String rules;
}
