package org.hccguidance.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --name value} options, with unknown options rejected. */
record CliArgs(List<String> positional, Map<String, String> options) {

    static CliArgs parse(List<String> args, Set<String> allowed) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else {
                    if (i + 1 >= args.size()) {
                        throw new CliException(2, "option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (!allowed.contains(name)) {
                    throw new CliException(2, "unknown option --" + name + "; allowed: " + allowed.stream().sorted().map(s -> "--" + s).toList());
                }
                options.put(name, value);
            } else {
                positional.add(a);
            }
        }
        return new CliArgs(positional, options);
    }

    String option(String name) {
        return options.get(name);
    }
}
