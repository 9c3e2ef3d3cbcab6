package org.hccguidance;

import org.hccguidance.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two faces: with a CLI command ({@code evaluate}, {@code validate}, {@code scenario}) it
 * runs that command without starting the web server; otherwise it starts the REST service.
 */
@SpringBootApplication
public class GuidanceApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(GuidanceApplication.class, args);
    }
}
