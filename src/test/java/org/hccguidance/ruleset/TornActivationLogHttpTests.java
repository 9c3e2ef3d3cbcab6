package org.hccguidance.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared service started on a data folder whose activation log ended in a torn line. */
class TornActivationLogHttpTests extends ServiceWithAdmin {

    @Test
    void theServiceStartedAndItsHistoryHasEveryGoodEntry() throws IOException {
        Http http = new Http(port);
        Http.Reply r = http.get("/api/v1/ruleset/history");
        assertThat(r.status()).isEqualTo(200);
        JsonNode history = r.json();
        String live = http.get("/api/v1/ruleset").json().get("version").asText();
        assertThat(history.get(0).get("version").asText()).isEqualTo(EARLIER_VERSION);
        assertThat(history.findValuesAsText("version")).contains(live).doesNotContain("sha256:ab");
        // The start-up activation was written on a line of its own after the torn one, which stays as it was.
        List<String> lines = Files.readAllLines(DATA.resolve("activations.jsonl"));
        assertThat(lines.get(1)).isEqualTo(TORN_LINE);
        assertThat(lines.get(2)).contains("\"activatedBy\":\"startup\"");
    }
}
