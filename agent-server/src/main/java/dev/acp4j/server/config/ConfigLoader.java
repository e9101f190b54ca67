package dev.acp4j.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodRules;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.ClientRules;
import dev.acp4j.auth.config.CredentialInput;
import dev.acp4j.auth.config.McpClientConfig;
import dev.acp4j.jsonrpc.Json;
import dev.acp4j.jsonrpc.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a {@code --config} JSON file. Unknown keys are errors (a typo must not silently drop
 * a setting); every message names the file, the method and the problem. The rules beyond JSON
 * types are {@code ConfigRules} and {@link AuthMethodRules}, shared with the builders of {@link ServerConfig} and
 * {@link AuthMethodConfig}.
 */
public final class ConfigLoader {

    private static final String DEFAULT_RESOURCE = "/dev/acp4j/server/default-config.json";

    private static final Set<String> TOP_LEVEL = Set.of("authMethods", "credentialStore", "elicitationTimeoutSeconds",
            "sessionStore", "configOptionProviders", "mcpSignIn", "mcpClients");
    private static final Set<String> COMMON = Set.of("id", "type", "name", "description", "provider", "providerName",
            "_comment");
    private static final Map<AuthMethodType, Set<String>> BY_TYPE = Map.of(
            AuthMethodType.API_KEY_PAGE, Set.of("keyPattern"),
            AuthMethodType.ENV_VAR, Set.of("vars", "link"),
            AuthMethodType.START_PARAM, Set.of("params", "link"),
            AuthMethodType.TERMINAL, Set.of("args", "env"),
            AuthMethodType.OAUTH2, Set.of("issuer", "clientId", "scopes", "flow", "authorizationEndpoint",
                    "tokenEndpoint", "deviceAuthorizationEndpoint", "revocationEndpoint", "redirectPort",
                    "timeoutSeconds", "codeEntry", "redirectUri", "clientSecretFile", "tokenEndpointAuthMethod",
                    "caBundle"));
    private static final Set<String> MCP_CLIENT_KEYS = Set.of("serverUrl", "issuer", "clientId", "clientSecretFile",
            "scopes", "caBundle", "tokenEndpointAuthMethod", "_comment");

    /** The wire reads a repeated key as its last value; in a configuration it is a typo, as an unknown key is. */
    private static ObjectReader strictReader() {
        return Json.shared().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Reads a {@code --config} file.
     *
     * @param file the file
     * @return the configuration
     * @throws ConfigException when the file is missing, unreadable or invalid, naming the problem
     */
    public ServerConfig load(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("config " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), bytes);
    }

    /** {@return the built-in configuration used without {@code --config}} */
    public ServerConfig loadDefault() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse("built-in default configuration", in.readAllBytes());
        } catch (IOException | ConfigException e) {
            throw new IllegalStateException("the built-in configuration is broken", e);
        }
    }

    /**
     * Reads a configuration given as JSON bytes.
     *
     * @param source where it came from, for messages (e.g. the file name)
     * @param json the configuration
     * @return the configuration
     * @throws ConfigException when it is invalid, naming every problem
     */
    public ServerConfig parse(String source, byte[] json) throws ConfigException {
        // Plain JSON without the mapper (a launch reads its configuration before the mapper exists);
        // the mapper reads the rest, and reports every problem, a repeated key included.
        JsonNode root = TreeReader.read(json, 0, json.length);
        try {
            if (root == null) {
                root = strictReader().readTree(json);
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + source + ": not valid JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new ConfigException("config " + source + ": cannot be read (" + e.getMessage() + ")");
        } catch (NumberFormatException e) {
            // Jackson reports a number it cannot hold (an exponent of many digits) unchecked
            throw new ConfigException("config " + source + ": not valid JSON (a number too large to read)");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config " + source + ": must be a JSON object, e.g. {}");
        }
        Problems problems = new Problems(source);
        Set<String> reported = new HashSet<>();
        unknownKeys(root, TOP_LEVEL, problems, "");
        List<AuthMethodConfig> methods = new ArrayList<>();
        JsonNode list = root.get("authMethods");
        if (list != null && !list.isArray()) {
            problems.add("authMethods must be an array");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                AuthMethodConfig method = method(list.get(i), "authMethods[" + i + "]", problems);
                if (method != null) {
                    methods.add(method);
                }
            }
        }
        Path store = null;
        JsonNode storeNode = root.get("credentialStore");
        if (storeNode != null) {
            if (storeNode.isTextual() && !storeNode.textValue().isBlank()) {
                try {
                    store = Path.of(storeNode.textValue());
                } catch (InvalidPathException e) {
                    problems.add("credentialStore is not a valid file path (" + e.getReason() + ")");
                }
            } else {
                problems.add("credentialStore must be a file path");
            }
        }
        Duration timeout = ServerConfig.DEFAULT_ELICITATION_TIMEOUT;
        JsonNode timeoutNode = root.get("elicitationTimeoutSeconds");
        if (timeoutNode != null) {
            if (timeoutNode.canConvertToInt() && timeoutNode.isIntegralNumber()) {
                timeout = Duration.ofSeconds(timeoutNode.intValue());
            } else {
                problems.add("elicitationTimeoutSeconds must be a positive whole number");
                reported.add("elicitationTimeoutSeconds");
            }
        }
        String sessionStore = sessionStore(root.get("sessionStore"), reported);
        if (reported.contains("sessionStore")) {
            problems.add(ConfigRules.SESSION_STORE_RULE);
        }
        Map<String, Map<String, String>> optionProviders = optionProviders(root.get("configOptionProviders"), problems);
        McpSignInMode mcpSignIn = mcpSignIn(root.get("mcpSignIn"), problems);
        List<McpClientConfig> mcpClients = mcpClients(root.get("mcpClients"), problems, reported);
        ServerConfig config = new ServerConfig(source, List.copyOf(methods), store, timeout, sessionStore,
                optionProviders, mcpSignIn, mcpClients);
        ConfigRules.checkServer(config, reported, problems);
        problems.throwIfAny();
        return config;
    }

    /** {@code configOptionProviders}: {"OPTION": {"VALUE": "PROVIDER", …}, …}. */
    private static Map<String, Map<String, String>> optionProviders(JsonNode node, Problems problems) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        if (node == null) {
            return result;
        }
        String rule = "configOptionProviders must map config option ids to objects of value id → provider,"
                + " e.g. {\"model\": {\"gpt-5\": \"openai\"}}";
        if (!node.isObject()) {
            problems.add(rule);
            return result;
        }
        for (Map.Entry<String, JsonNode> option : node.properties()) {
            if (!option.getValue().isObject()) {
                problems.add(rule + " (" + option.getKey() + " is not an object)");
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> value : option.getValue().properties()) {
                if (value.getValue().isTextual() && !value.getValue().textValue().isBlank()) {
                    values.put(value.getKey(), value.getValue().textValue());
                } else {
                    problems.add("configOptionProviders." + option.getKey() + "." + value.getKey()
                            + " must be a provider name");
                }
            }
            result.put(option.getKey(), values);
        }
        return result;
    }

    /** {@code mcpSignIn}: {@code "lazy"} (default) or {@code "eager"}. */
    private static McpSignInMode mcpSignIn(JsonNode node, Problems problems) {
        if (node == null) {
            return McpSignInMode.LAZY;
        }
        McpSignInMode mode = node.isTextual() ? McpSignInMode.fromConfigName(node.textValue()).orElse(null) : null;
        if (mode == null) {
            problems.add("mcpSignIn must be \"lazy\" (sign in to an MCP server on its first use in a turn, the default)"
                    + " or \"eager\" (at session/new)");
            return McpSignInMode.LAZY;
        }
        return mode;
    }

    private static String sessionStore(JsonNode node, Set<String> reported) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        reported.add("sessionStore");
        return null;
    }

    /** Reads one method's JSON; what JSON can get wrong (types, keys) is reported here, the rest by {@link AuthMethodRules}. */
    private AuthMethodConfig method(JsonNode node, String where, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(where + ": must be an object");
            return null;
        }
        Set<String> reported = new HashSet<>();
        String id = text(node, "id", where, problems, reported);
        String label = AuthMethodRules.label(where, id);
        String typeName = text(node, "type", label, problems, reported);
        String name = text(node, "name", label, problems, reported);
        String description = text(node, "description", label, problems, reported);
        String provider = text(node, "provider", label, problems, reported);
        String providerName = text(node, "providerName", label, problems, reported);
        if (typeName == null) {
            if (!reported.contains("type")) {
                problems.add(label + ": missing \"type\"");
            }
            return null;
        }
        AuthMethodType type = AuthMethodType.fromConfigName(typeName).orElse(null);
        if (type == null) {
            problems.add(label + ": unknown type '" + typeName + "' (expected one of " + AuthMethodType.allConfigNames() + ")");
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(BY_TYPE.get(type));
        if (type == AuthMethodType.OAUTH2) {
            allowed.addAll(ProviderApiReader.KEYS);
            allowed.add(inlineSecret(node, label, problems));
        }
        unknownKeys(node, allowed, problems, label + ": ");
        List<CredentialInput> inputs = List.of();
        String link = text(node, "link", label, problems, reported);
        List<String> args = List.of();
        Map<String, String> env = Map.of();
        String keyPattern = null;
        AuthMethodConfig.OAuthConfig oauth = null;
        switch (type) {
            case ENV_VAR -> inputs = inputs(node, "vars", label, problems, reported);
            case START_PARAM -> inputs = inputs(node, "params", label, problems, reported);
            case TERMINAL -> {
                args = strings(node, "args", label, problems);
                env = stringMap(node, "env", label, problems);
            }
            case API_KEY_PAGE -> keyPattern = text(node, "keyPattern", label, problems, reported);
            case OAUTH2 -> oauth = oauth(node, label, problems, reported);
            default -> throw new IllegalStateException(type.toString());
        }
        AuthMethodConfig method = new AuthMethodConfig(id, type, name, description, provider == null ? id : provider,
                providerName, inputs, link, args, env, keyPattern, oauth);
        AuthMethodRules.checkMethod(method, label, reported, problems::add);
        return method;
    }

    private AuthMethodConfig.OAuthConfig oauth(JsonNode node, String label, Problems problems, Set<String> reported) {
        String issuer = text(node, "issuer", label, problems, reported);
        String clientId = text(node, "clientId", label, problems, reported);
        List<String> scopes = strings(node, "scopes", label, problems);
        String flow = text(node, "flow", label, problems, reported);
        String authorization = text(node, "authorizationEndpoint", label, problems, reported);
        String token = text(node, "tokenEndpoint", label, problems, reported);
        if (reported.contains("authorizationEndpoint") || reported.contains("tokenEndpoint")) {
            reported.add("issuer");
        }
        Integer port = null;
        JsonNode portNode = node.get("redirectPort");
        if (portNode != null) {
            if (portNode.isIntegralNumber() && portNode.canConvertToInt()) {
                port = portNode.intValue();
            } else {
                problems.add(label + ": redirectPort must be a port number (1-65535)");
            }
        }
        Duration timeout = null;
        JsonNode timeoutNode = node.get("timeoutSeconds");
        if (timeoutNode != null) {
            if (timeoutNode.isIntegralNumber() && timeoutNode.canConvertToInt()) {
                timeout = Duration.ofSeconds(timeoutNode.intValue());
            } else {
                problems.add(label + ": timeoutSeconds must be a positive whole number");
            }
        }
        return new AuthMethodConfig.OAuthConfig(issuer, clientId, scopes, flow == null ? "auto" : flow, authorization, token,
                text(node, "deviceAuthorizationEndpoint", label, problems, reported),
                text(node, "revocationEndpoint", label, problems, reported), port, timeout,
                Objects.requireNonNullElse(text(node, "codeEntry", label, problems, reported),
                        AuthMethodConfig.OAuthConfig.LOOPBACK),
                text(node, "redirectUri", label, problems, reported),
                ProviderApiReader.headers(node, label, problems), ProviderApiReader.apiBaseUrl(node, label, problems),
                ProviderApiReader.exchange(node, label, problems),
                text(node, "clientSecretFile", label, problems, reported),
                text(node, "tokenEndpointAuthMethod", label, problems, reported),
                text(node, "caBundle", label, problems, reported));
    }

    /** An inline {@code clientSecret} is reported with its own advice (returns the key, so it is not "unknown" too). */
    private static String inlineSecret(JsonNode node, String label, Problems problems) {
        if (node.has("clientSecret")) {
            problems.add(label + ": clientSecret: " + ClientRules.INLINE_SECRET_RULE);
        }
        return "clientSecret";
    }

    private List<McpClientConfig> mcpClients(JsonNode list, Problems problems, Set<String> topReported) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add("mcpClients must be an array of {serverUrl | issuer, clientId, clientSecretFile?, scopes?, caBundle?}");
            topReported.add("mcpClients");
            return List.of();
        }
        List<McpClientConfig> result = new ArrayList<>();
        topReported.add(ConfigRules.MCP_CLIENT_ENTRIES_CHECKED);
        for (int i = 0; i < list.size(); i++) {
            String where = "mcpClients[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                problems.add(where + " must be an object");
                continue;
            }
            Set<String> allowed = new HashSet<>(MCP_CLIENT_KEYS);
            allowed.add(inlineSecret(item, where, problems));
            unknownKeys(item, allowed, problems, where + ": ");
            Set<String> reported = new HashSet<>();
            McpClientConfig client = new McpClientConfig(text(item, "serverUrl", where, problems, reported),
                    text(item, "issuer", where, problems, reported), text(item, "clientId", where, problems, reported),
                    text(item, "clientSecretFile", where, problems, reported), strings(item, "scopes", where, problems),
                    text(item, "caBundle", where, problems, reported),
                    text(item, "tokenEndpointAuthMethod", where, problems, reported));
            ClientRules.checkMcpClient(client, where, reported, problems::add);
            result.add(client);
        }
        return List.copyOf(result);
    }

    private List<CredentialInput> inputs(JsonNode node, String key, String label, Problems problems, Set<String> reported) {
        JsonNode list = node.get(key);
        if (list == null || !list.isArray() || list.isEmpty()) {
            return List.of(); // reported by the rules
        }
        List<CredentialInput> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String where = label + ": " + key + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(where + " must be an object");
                reported.add(key);
                continue;
            }
            unknownKeys(item, Set.of("name", "label", "secret", "optional", "kind"), problems, where + ": ");
            Set<String> itemReported = new HashSet<>();
            String name = text(item, "name", where, problems, itemReported);
            if (itemReported.contains("name")) {
                reported.add(key + "[" + i + "].name");
            }
            String kind = text(item, "kind", where, problems, itemReported);
            if (itemReported.contains("kind")) {
                reported.add(key + "[" + i + "].kind");
            }
            result.add(new CredentialInput(name, text(item, "label", where, problems, itemReported),
                    bool(item, "secret", true, where, problems), bool(item, "optional", false, where, problems), kind));
        }
        return List.copyOf(result);
    }

    /** A string value, or null when absent; a value of another type is reported (and noted in {@code reported}). */
    private static String text(JsonNode node, String key, String where, Problems problems, Set<String> reported) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(where + ": \"" + key + "\" must be a string");
            reported.add(key);
            return null;
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String key, boolean fallback, String where, Problems problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(where + ": \"" + key + "\" must be true or false");
            return fallback;
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode node, String key, String where, Problems problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isTextual()) {
                    result.add(item.textValue());
                } else {
                    problems.add(where + ": \"" + key + "\" must be an array of strings");
                    return List.of();
                }
            }
            return List.copyOf(result);
        }
        problems.add(where + ": \"" + key + "\" must be an array of strings");
        return List.of();
    }

    private static Map<String, String> stringMap(JsonNode node, String key, String where, Problems problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!field.getValue().isTextual()) {
                    problems.add(where + ": \"" + key + "\"." + field.getKey() + " must be a string");
                } else {
                    result.put(field.getKey(), field.getValue().textValue());
                }
            }
            return result;
        }
        problems.add(where + ": \"" + key + "\" must be an object of strings");
        return Map.of();
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, Problems problems, String prefix) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(prefix + "unknown key \"" + key + "\"");
            }
        });
    }
}
