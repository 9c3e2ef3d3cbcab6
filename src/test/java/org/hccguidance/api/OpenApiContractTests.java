package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hccguidance.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTests extends ContractService {

    static final Path LIVE = Path.of("target/openapi.json");

    @LocalServerPort
    int port;
    JsonNode spec;

    @BeforeAll
    void fetchAndWriteTheLiveDocument() throws Exception {
        Http.Reply r = new Http(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        spec = r.json();
        Files.createDirectories(LIVE.getParent());
        Files.writeString(LIVE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(spec) + "\n");
    }

    @Test
    void written() {
        assertThat(LIVE).exists();
    }
}
