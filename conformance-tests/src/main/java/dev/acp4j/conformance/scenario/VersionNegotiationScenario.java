package dev.acp4j.conformance.scenario;

import static dev.acp4j.conformance.catalog.Catalog.VERSION_NEGOTIATION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.conformance.catalog.Requirement;
import dev.acp4j.conformance.driver.Json;
import dev.acp4j.conformance.driver.Response;
import java.util.List;

/** initialize with a protocol version no agent supports: the answer must be one the agent does support. */
public final class VersionNegotiationScenario implements Scenario {

    static final int UNSUPPORTED_VERSION = 65535;

    @Override
    public String name() {
        return "version-negotiation";
    }

    @Override
    public List<Requirement> covers() {
        return List.of(VERSION_NEGOTIATION);
    }

    @Override
    public void run(ScenarioContext context) {
        Response response = context.client().initializeRaw(UNSUPPORTED_VERSION, AcpClient.noCapabilities());
        if (!response.isResult()) {
            context.fail(VERSION_NEGOTIATION, "initialize with protocolVersion " + UNSUPPORTED_VERSION
                    + " failed instead of answering a supported version: " + response.describe());
            return;
        }
        JsonNode version = response.result().path("protocolVersion");
        if (!version.isIntegralNumber() || version.longValue() < 0 || version.longValue() > UNSUPPORTED_VERSION) {
            context.fail(VERSION_NEGOTIATION, "protocolVersion in the answer is not a uint16: " + Json.brief(version));
        } else if (version.longValue() == UNSUPPORTED_VERSION) {
            context.fail(VERSION_NEGOTIATION, "echoed the unsupported protocolVersion " + UNSUPPORTED_VERSION);
        } else {
            context.pass(VERSION_NEGOTIATION, "asked for " + UNSUPPORTED_VERSION + ", answered protocolVersion "
                    + version.asText());
        }
    }
}
