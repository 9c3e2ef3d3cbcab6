package org.hccguidance.cli;

/** A CLI failure with a message for the user and the exit code to leave with. */
class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
