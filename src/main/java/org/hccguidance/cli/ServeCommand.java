package org.hccguidance.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code serve [--PROPERTY=VALUE...]}: the REST service, said explicitly. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the REST service (what the jar also does with no command).",
                "Spring properties follow as --name=value, for example --server.port=9090 --guidance.rules.dir=/srv/rules;"
                        + " every property is listed in the README's Configuration table."})
final class ServeCommand implements Callable<Integer> {

    private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z][\\w.\\-\\[\\]]*(=.*)?", Pattern.DOTALL);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "--PROPERTY=VALUE", arity = "0..*", description = "Spring properties for the service.")
    List<String> properties = new ArrayList<>();

    private final Cli.Server server;

    ServeCommand(Cli.Server server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        for (String p : properties) {
            if (!PROPERTY.matcher(p).matches()) {
                throw new ParameterException(spec.commandLine(), "serve takes Spring properties as --name=value, not '" + p + "'");
            }
        }
        server.start(properties.toArray(String[]::new));
        return Cli.SERVING;
    }
}
