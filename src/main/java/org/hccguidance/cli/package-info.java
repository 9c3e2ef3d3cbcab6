/**
 * The command line on the same jar, built on picocli: {@code evaluate} one patient, {@code explain} why an
 * option was or was not given, {@code validate} a rule folder against a scenario folder (the committee's
 * sign-off run, and with {@code --watch} the rule author's edit loop), {@code scenario record},
 * {@code responses}, {@code completion} and {@code serve}. Every command has {@code --help}, misspellings get
 * the nearest real command or option, and exit codes have one meaning each ({@link org.hccguidance.cli.ExitCodes}).
 * Commands start no web server and keep stdout for results only; only {@code serve}, no arguments, or
 * nothing but Spring properties start the service.
 */
package org.hccguidance.cli;
