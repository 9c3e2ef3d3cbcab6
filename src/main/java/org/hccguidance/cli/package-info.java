/**
 * The command line on the same jar: {@code evaluate} one patient, {@code validate} a rule folder
 * against a scenario folder (the committee's sign-off run), and {@code scenario record}. It starts no
 * web server and keeps stdout for results only.
 */
package org.hccguidance.cli;
