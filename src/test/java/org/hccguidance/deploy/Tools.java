package org.hccguidance.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Programs the deployment tests run. A missing one fails the test, naming it: CI installs them. */
final class Tools {

    private Tools() {
    }

    /** The program from the PATH or Debian's usual places; fails saying how to install it. */
    static Path require(String name, String neededFor) {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of),
                        Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin").map(Path::of))
                .map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not installed: " + neededFor + " needs it (Debian: "
                        + "apt-get install " + name + "; .ci/run installs it)"));
    }
}
