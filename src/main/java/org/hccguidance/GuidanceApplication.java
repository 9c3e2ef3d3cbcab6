package org.hccguidance;

import org.hccguidance.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two faces: the REST service, started with no arguments, with {@code serve}, or with only
 * Spring properties; or a command of the rule author's command line ({@code evaluate}, {@code explain},
 * {@code validate}, ...; see {@code --help}), run without the web server. An unknown command is a usage
 * error (exit 2), never a server that starts by mistake.
 */
@SpringBootApplication
public class GuidanceApplication {

    public static void main(String[] args) {
        int code = Cli.run(args, System.out, System.err, springArgs -> SpringApplication.run(GuidanceApplication.class, springArgs));
        if (code != Cli.SERVING) {
            System.exit(code);
        }
    }
}
