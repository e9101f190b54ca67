package dev.acp4j.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.acp4j.schema.OfficialSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14's acceptance for sessions, modes and config options, through {@code bin/acp4j} with a fresh HOME. */
class SessionsLauncherIT extends LauncherTestBase {

    private static final Optional<Path> OFFICIAL = OfficialSchema.locate();

    /** One prompt's answer and the notifications that came before it. */
    record Turn(List<JsonNode> updates, JsonNode answer) {
        List<JsonNode> ofKind(String kind) {
            return updates.stream().filter(u -> kind.equals(u.at("/params/update/sessionUpdate").asText())).toList();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            ofKind("agent_message_chunk").forEach(u -> text.append(u.at("/params/update/content/text").asText()));
            return text.toString();
        }
    }

    private Path project() throws IOException {
        return Files.createDirectories(home.resolve("project"));
    }

    private Path sessions() {
        return home.resolve(".local/share/acp4j/sessions");
    }

    private AgentProcess agent() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        return agent;
    }

    private static Turn prompt(AgentProcess agent, String sessionId, String text) throws Exception {
        long id = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", text))));
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, before);
        return new Turn(before, answer);
    }

    private static Turn request(AgentProcess agent, String method, Map<String, Object> params) throws Exception {
        long id = agent.request(method, params);
        List<JsonNode> before = new ArrayList<>();
        JsonNode answer = agent.collectUntilResponse(id, before);
        return new Turn(before, answer);
    }

    private static void exit(AgentProcess agent) throws Exception {
        agent.closeStdin();
        assertThat(agent.waitFor(10_000)).isTrue();
        assertThat(agent.exitCode()).isZero();
    }

    @Test
    void initializeAdvertisesLoadAndEverySessionCapability() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        JsonNode result = agent.initialize(Map.of()).get("result");
        assertThat(result.at("/agentCapabilities/loadSession").asBoolean()).isTrue();
        for (String capability : List.of("list", "resume", "close", "delete", "additionalDirectories")) {
            assertThat(result.at("/agentCapabilities/sessionCapabilities/" + capability).isObject()).as(capability).isTrue();
        }
        assertThat(sessions()).as("nothing of the store before a session method").doesNotExist();
        checkOfficially(agent);
    }

    @Test
    void aSessionIsListedLoadedInOrderContinuedAndResumedByLaterProcesses() throws Exception {
        Path extra = Files.createDirectories(home.resolve("extra"));
        AgentProcess a = agent();
        JsonNode created = a.call("session/new", Map.of("cwd", project().toString(),
                "additionalDirectories", List.of(extra.toString()), "mcpServers", List.of()));
        String sessionId = created.at("/result/sessionId").asText();
        Turn first = prompt(a, sessionId, "What is in this project?");
        assertThat(first.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(first.ofKind("session_info_update")).singleElement()
                .satisfies(u -> assertThat(u.at("/params/update/title").asText()).isEqualTo("What is in this project?"));
        List<JsonNode> replyChunks = first.ofKind("agent_message_chunk");
        assertThat(replyChunks).isNotEmpty().allSatisfy(c ->
                assertThat(c.at("/params/update/messageId").asText()).isEqualTo(replyChunks.get(0).at("/params/update/messageId").asText()));
        exit(a);
        checkOfficially(a);

        AgentProcess b = agent();
        JsonNode listed = b.call("session/list", Map.of()).get("result");
        assertThat(listed.get("sessions")).singleElement().satisfies(s -> {
            assertThat(s.get("sessionId").asText()).isEqualTo(sessionId);
            assertThat(s.get("title").asText()).isEqualTo("What is in this project?");
            assertThat(s.get("cwd").asText()).isEqualTo(project().toString());
            assertThat(s.get("additionalDirectories")).extracting(JsonNode::asText).containsExactly(extra.toString());
            assertThat(s.get("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        });
        assertThat(listed.has("nextCursor")).isFalse();

        Turn load = request(b, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of()));
        assertThat(load.answer().has("result")).as(load.answer().toString()).isTrue();
        List<JsonNode> replayed = load.updates();
        assertThat(replayed).as("the conversation, replayed before the answer").hasSize(1 + replyChunks.size());
        assertThat(replayed.get(0).at("/params/update/sessionUpdate").asText()).isEqualTo("user_message_chunk");
        assertThat(replayed.get(0).at("/params/update/content/text").asText()).isEqualTo("What is in this project?");
        assertThat(replayed.get(0).at("/params/update/messageId").asText()).isNotBlank();
        for (int i = 0; i < replyChunks.size(); i++) {
            assertThat(replayed.get(i + 1).get("params")).isEqualTo(replyChunks.get(i).get("params"));
        }
        Turn second = prompt(b, sessionId, "And then?");
        assertThat(second.answer().at("/result/stopReason").asText()).isEqualTo("end_turn");
        assertThat(second.text()).contains("You said: And then?");
        assertThat(second.ofKind("session_info_update")).as("the title stays").isEmpty();
        exit(b);
        checkOfficially(b);

        AgentProcess c = agent();
        Turn resumed = request(c, "session/resume", Map.of("sessionId", sessionId, "cwd", project().toString()));
        assertThat(resumed.answer().has("result")).as(resumed.answer().toString()).isTrue();
        assertThat(resumed.updates()).as("resume replays nothing").isEmpty();
        assertThat(prompt(c, sessionId, "/echo still here").text()).isEqualTo("still here");
        Turn reloaded = request(c, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of()));
        assertThat(reloaded.ofKind("user_message_chunk")).extracting(u -> u.at("/params/update/content/text").asText())
                .containsExactly("What is in this project?", "And then?", "/echo still here");
        checkOfficially(c);
    }

    @Test
    void closeCancelsARunningTurnKeepsTheSessionLoadableAndDeleteRemovesIt() throws Exception {
        AgentProcess agent = agent();
        String sessionId = agent.newSession(project());
        long promptId = agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 300"))));
        agent.await(m -> m.at("/params/update/content/text").asText().startsWith("chunk 3/"), 10_000);
        long closeId = agent.request("session/close", Map.of("sessionId", sessionId));
        JsonNode promptAnswer = agent.await(m -> m.path("id").asLong(-1) == promptId && !m.has("method"), 10_000);
        assertThat(promptAnswer.at("/result/stopReason").asText()).isEqualTo("cancelled");
        JsonNode closeAnswer = agent.await(m -> m.path("id").asLong(-1) == closeId && !m.has("method"), 10_000);
        assertThat(closeAnswer.get("result")).isEqualTo(AgentProcess.JSON.createObjectNode());

        JsonNode afterClose = agent.call("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "hello"))));
        assertThat(afterClose.at("/error/code").asInt()).as("a closed session is no longer open").isEqualTo(-32602);

        Turn load = request(agent, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of()));
        assertThat(load.answer().has("result")).isTrue();
        assertThat(load.ofKind("agent_message_chunk")).hasSizeBetween(3, 299);

        assertThat(agent.call("session/delete", Map.of("sessionId", sessionId)).get("result")).isNotNull();
        assertThat(agent.call("session/list", Map.of()).at("/result/sessions")).isEmpty();
        assertThat(agent.call("session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of())).at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(agent.call("session/delete", Map.of("sessionId", sessionId)).at("/error/code").asInt()).isEqualTo(-32002);
        try (Stream<Path> files = Files.list(sessions())) {
            assertThat(files).as("nothing of it left on disk").isEmpty();
        }
        checkOfficially(agent);
    }

    @Test
    void modesAndConfigOptionsAreValidatedChangeTheReplyAndSurviveALoadInANewProcess() throws Exception {
        AgentProcess agent = start(Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of("session", Map.of("configOptions", Map.of("boolean", Map.of()))));
        JsonNode created = agent.call("session/new", Map.of("cwd", project().toString(), "mcpServers", List.of())).get("result");
        String sessionId = created.get("sessionId").asText();
        assertThat(created.at("/modes/currentModeId").asText()).isEqualTo("ask");
        assertThat(created.at("/modes/availableModes").findValuesAsText("id")).containsExactly("ask", "code");
        assertThat(created.get("configOptions").findValuesAsText("id")).contains("model", "uppercase");
        assertThat(prompt(agent, sessionId, "hi").text()).startsWith("[ask, acp4j-mini] ");

        JsonNode bad = agent.call("session/set_config_option", Map.of("sessionId", sessionId, "configId", "model", "value", "gpt-9"));
        assertThat(bad.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(bad.at("/error/message").asText()).contains("acp4j-mini", "acp4j-max");
        JsonNode badMode = agent.call("session/set_mode", Map.of("sessionId", sessionId, "modeId", "architect"));
        assertThat(badMode.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(badMode.at("/error/message").asText()).contains("ask", "code");

        Turn model = request(agent, "session/set_config_option", Map.of("sessionId", sessionId, "configId", "model", "value", "acp4j-max"));
        assertThat(model.answer().at("/result/configOptions/0/currentValue").asText()).isEqualTo("acp4j-max");
        JsonNode optionUpdate = agent.await(m -> "config_option_update".equals(m.at("/params/update/sessionUpdate").asText()), 10_000);
        assertThat(optionUpdate.at("/params/update/configOptions/0/currentValue").asText()).isEqualTo("acp4j-max");
        Turn mode = request(agent, "session/set_mode", Map.of("sessionId", sessionId, "modeId", "code"));
        assertThat(mode.answer().get("result")).isEqualTo(AgentProcess.JSON.createObjectNode());
        JsonNode modeUpdate = agent.await(m -> "current_mode_update".equals(m.at("/params/update/sessionUpdate").asText()), 10_000);
        assertThat(modeUpdate.at("/params/update/currentModeId").asText()).isEqualTo("code");
        Map<String, Object> upper = new HashMap<>(Map.of("sessionId", sessionId, "configId", "uppercase", "type", "boolean", "value", true));
        assertThat(agent.call("session/set_config_option", upper).has("result")).isTrue();

        Turn changed = prompt(agent, sessionId, "hi again");
        assertThat(changed.text()).startsWith("[CODE, ACP4J-MAX] ").contains("```TEXT");
        exit(agent);
        checkOfficially(agent);

        AgentProcess next = start(Map.of(), "--config", emptyConfig().toString());
        next.initialize(Map.of());
        JsonNode loaded = request(next, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of())).answer().get("result");
        assertThat(loaded.at("/modes/currentModeId").asText()).isEqualTo("code");
        assertThat(loaded.get("configOptions").findValuesAsText("id")).as("no boolean options for this client").containsExactly("model");
        assertThat(loaded.at("/configOptions/0/currentValue").asText()).isEqualTo("acp4j-max");
        String reply = prompt(next, sessionId, "third").text();
        assertThat(reply).as("a boolean option this client cannot see keeps its default")
                .startsWith("[code, acp4j-max] ").contains("3 user messages");
        checkOfficially(next);
    }

    @Test
    void sigkillDuringATurnLeavesAPrivateStoreWithEveryUpdateTheClientSaw() throws Exception {
        AgentProcess agent = agent();
        String sessionId = agent.newSession(project());
        agent.request("session/prompt", Map.of("sessionId", sessionId,
                "prompt", List.of(Map.of("type", "text", "text", "/stream 300"))));
        agent.await(m -> m.at("/params/update/content/text").asText().startsWith("chunk 20/"), 10_000);
        agent.kill();
        int seen = 0;
        for (String line : agent.stdoutLines()) {
            if (line.contains("\"agent_message_chunk\"")) {
                seen++;
            }
        }

        AgentProcess next = agent();
        Turn load = request(next, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of()));
        List<String> replayed = load.ofKind("agent_message_chunk").stream()
                .map(u -> u.at("/params/update/content/text").asText()).toList();
        assertThat(replayed.size()).as("every update the killed process sent").isGreaterThanOrEqualTo(seen);
        for (int i = 0; i < replayed.size(); i++) {
            assertThat(replayed.get(i)).isEqualTo("chunk " + (i + 1) + "/300\n");
        }
        assertThat(prompt(next, sessionId, "/echo after the crash").text()).isEqualTo("after the crash");
        assertPrivate();
    }

    @Test
    void storeFilesAreOwnerOnlyUnderUmask000() throws Exception {
        Path launcher = home.resolve("umask000-acp4j");
        Files.writeString(launcher, "#!/bin/sh\numask 000\nexec '" + AgentProcess.launcher() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        AgentProcess agent = start(launcher, Map.of(), "--config", emptyConfig().toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(project());
        prompt(agent, sessionId, "secret pasted here");
        exit(agent);
        assertThat(Files.list(sessions()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(sessionId + ".json", sessionId + ".jsonl");
        assertPrivate();
    }

    @Test
    void listFiltersByCwdAndPagesNewestFirst() throws Exception {
        Path other = Files.createDirectories(home.resolve("other"));
        AgentProcess agent = agent();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            created.add(agent.newSession(project()));
        }
        String elsewhere = agent.newSession(other);
        JsonNode firstPage = agent.call("session/list", Map.of("cwd", project().toString())).get("result");
        assertThat(firstPage.get("sessions")).hasSize(50);
        String cursor = firstPage.get("nextCursor").asText();
        JsonNode secondPage = agent.call("session/list", Map.of("cwd", project().toString(), "cursor", cursor)).get("result");
        assertThat(secondPage.get("sessions")).hasSize(3);
        assertThat(secondPage.has("nextCursor")).isFalse();
        List<String> listed = new ArrayList<>(firstPage.get("sessions").findValuesAsText("sessionId"));
        listed.addAll(secondPage.get("sessions").findValuesAsText("sessionId"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created).doesNotContain(elsewhere);
        List<String> times = new ArrayList<>(firstPage.get("sessions").findValuesAsText("updatedAt"));
        times.addAll(secondPage.get("sessions").findValuesAsText("updatedAt"));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(agent.call("session/list", Map.of("cwd", other.toString())).at("/result/sessions"))
                .singleElement().satisfies(s -> assertThat(s.get("sessionId").asText()).isEqualTo(elsewhere));
        assertThat(agent.call("session/list", Map.of()).at("/result/sessions")).hasSize(50);

        assertThat(agent.call("session/list", Map.of("cursor", "bm9wZQ")).at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(agent.call("session/list", Map.of("cwd", "relative")).at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode relativeRoot = agent.call("session/new", Map.of("cwd", project().toString(),
                "additionalDirectories", List.of("not/absolute"), "mcpServers", List.of()));
        assertThat(relativeRoot.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(relativeRoot.at("/error/message").asText()).contains("additionalDirectories[0]");
        checkOfficially(agent);
    }

    @Test
    void sessionStoreNoneKeepsSessionsInMemoryOnly() throws Exception {
        Path config = home.resolve("memory.json");
        Files.writeString(config, "{\"sessionStore\": \"none\"}");
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of());
        String sessionId = agent.newSession(project());
        prompt(agent, sessionId, "remember me");
        Turn load = request(agent, "session/load", Map.of("sessionId", sessionId, "cwd", project().toString(),
                "mcpServers", List.of()));
        assertThat(load.ofKind("user_message_chunk")).hasSize(1);
        exit(agent);
        assertThat(home.resolve(".local")).doesNotExist();

        AgentProcess next = start(Map.of(), "--config", config.toString());
        next.initialize(Map.of());
        assertThat(next.call("session/list", Map.of()).at("/result/sessions")).isEmpty();
    }

    @Test
    void loadAndResumeNeedAuthenticationLikeNew() throws Exception {
        Path config = home.resolve("auth.json");
        Files.writeString(config, """
                {"authMethods": [{"id": "key-env", "type": "env_var", "name": "Key", "vars": [{"name": "ACP4J_TEST_ONLY_KEY"}]}]}""");
        AgentProcess agent = start(Map.of(), "--config", config.toString());
        agent.initialize(Map.of());
        for (String method : List.of("session/load", "session/resume")) {
            JsonNode answer = agent.call(method, Map.of("sessionId", "any", "cwd", project().toString(), "mcpServers", List.of()));
            assertThat(answer.at("/error/code").asInt()).as(method).isEqualTo(-32000);
            assertThat(answer.at("/error/data/availableMethodIds/0").asText()).isEqualTo("key-env");
        }
    }

    private void assertPrivate() throws IOException {
        assertThat(mode(home.resolve(".local/share/acp4j"))).isEqualTo("rwx------");
        assertThat(mode(sessions())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(sessions())) {
            assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every line the agent wrote, against the official ACP v1 schema too (ours is checked after each test). */
    private static void checkOfficially(AgentProcess agent) throws Exception {
        if (OFFICIAL.isEmpty()) {
            System.err.println("WARNING: SessionsLauncherIT: the official ACP schema (../shared/acp-schema/v1) is absent;"
                    + " lines were checked against acp4j's schema only");
            return;
        }
        OfficialSchema official = OfficialSchema.load(OFFICIAL.get());
        Map<Long, String> methods = new HashMap<>();
        for (String sent : agent.sentLines()) {
            JsonNode message = AgentProcess.JSON.readTree(sent);
            if (message.has("id") && message.has("method")) {
                methods.put(message.get("id").asLong(), message.get("method").asText());
            }
        }
        for (String line : agent.stdoutLines()) {
            JsonNode message = AgentProcess.JSON.readTree(line);
            assertThat(official.validateMessage(message)).as(line).isEmpty();
            if ("session/update".equals(message.path("method").asText())) {
                assertThat(official.validateType("SessionNotification", message.get("params"))).as(line).isEmpty();
            }
            String method = message.has("result") ? methods.get(message.get("id").asLong()) : null;
            dev.acp4j.schema.AcpMethod.fromWireName(method == null ? "" : method)
                    .flatMap(dev.acp4j.schema.AcpMethod::resultType)
                    .ifPresent(type -> assertThat(official.validateType(type, message.get("result"))).as(line).isEmpty());
        }
    }
}
