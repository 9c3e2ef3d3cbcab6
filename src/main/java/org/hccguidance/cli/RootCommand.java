package org.hccguidance.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top of the command line: only subcommands, help and version. */
@Command(name = Cli.NAME, mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {
                "Treatment guidance for advanced hepatocellular carcinoma: the REST service and the rule author's tools.",
                "With no command, or only Spring properties (--server.port=9090), the jar starts the REST service."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  " + Cli.NAME + " evaluate patient.json",
                "  " + Cli.NAME + " explain patient.json LENVATINIB",
                "  " + Cli.NAME + " validate --rules rules --scenarios scenarios --watch",
                "  " + Cli.NAME + " help validate",
                "  source <(" + Cli.NAME + " completion)   # tab completion in bash or zsh"})
final class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing");
    }

    /** The jar's version from its manifest; a development build has none. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {Cli.NAME + " " + (v == null ? "(development build)" : v)};
        }
    }
}
