package org.hccguidance.cli;

/** How a command prints its result: readable text, or only the JSON document (for piping). */
enum OutputFormat {
    text, json
}
