package org.hccguidance.api;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running service the contract tests call over HTTP: the shipped rules and scenarios, an admin
 * and a client account. The properties are exactly those of {@link GuidanceApiTests}, so that the
 * test run starts this service once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/api",
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=admin-secret", "GUIDANCE_CLIENT_PASSWORD=client-secret"})
abstract class ContractService {

    static final String[] ADMIN = {"admin", "admin-secret"};
    static final String[] CLIENT = {"client", "client-secret"};
}
