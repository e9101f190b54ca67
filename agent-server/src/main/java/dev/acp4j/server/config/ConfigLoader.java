package dev.acp4j.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acp4j.jsonrpc.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a {@code --config} JSON file. Unknown keys are errors (a typo must not silently drop
 * a setting); every message names the file, the method and the problem.
 */
public final class ConfigLoader {

    private static final String DEFAULT_RESOURCE = "/dev/acp4j/server/default-config.json";

    private static final Set<String> TOP_LEVEL = Set.of("authMethods", "credentialStore", "elicitationTimeoutSeconds");
    private static final Set<String> COMMON = Set.of("id", "type", "name", "description", "provider", "providerName",
            "_comment");
    private static final Map<AuthMethodType, Set<String>> BY_TYPE = Map.of(
            AuthMethodType.API_KEY_PAGE, Set.of("keyPattern"),
            AuthMethodType.ENV_VAR, Set.of("vars", "link"),
            AuthMethodType.START_PARAM, Set.of("params", "link"),
            AuthMethodType.TERMINAL, Set.of("args", "env"),
            AuthMethodType.OAUTH2, Set.of("issuer", "clientId", "scopes", "flow", "authorizationEndpoint",
                    "tokenEndpoint", "deviceAuthorizationEndpoint", "revocationEndpoint", "redirectPort",
                    "timeoutSeconds"));
    private static final Set<String> OAUTH_FLOWS = Set.of("auto", "authorization_code", "device_code");
    private static final Pattern FLAG = Pattern.compile("--[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ObjectMapper mapper = Json.shared();

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

    /** The built-in configuration used without {@code --config}. */
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

    public ServerConfig parse(String source, byte[] json) throws ConfigException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("config " + source + ": not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new ConfigException("config " + source + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config " + source + ": must be a JSON object, e.g. {}");
        }
        Problems problems = new Problems(source);
        unknownKeys(root, TOP_LEVEL, problems, "");
        List<AuthMethodConfig> methods = new ArrayList<>();
        JsonNode list = root.get("authMethods");
        if (list != null && !list.isArray()) {
            problems.add("authMethods must be an array");
        } else if (list != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                AuthMethodConfig method = method(list.get(i), "authMethods[" + i + "]", problems);
                if (method != null && !ids.add(method.id())) {
                    problems.add("authMethods[" + i + "] (id '" + method.id() + "'): duplicate id");
                }
                if (method != null) {
                    methods.add(method);
                }
            }
        }
        Path store = null;
        JsonNode storeNode = root.get("credentialStore");
        if (storeNode != null) {
            if (storeNode.isTextual() && !storeNode.textValue().isBlank()) {
                store = Path.of(storeNode.textValue());
            } else {
                problems.add("credentialStore must be a file path");
            }
        }
        Duration timeout = ServerConfig.DEFAULT_ELICITATION_TIMEOUT;
        JsonNode timeoutNode = root.get("elicitationTimeoutSeconds");
        if (timeoutNode != null) {
            if (timeoutNode.canConvertToInt() && timeoutNode.isIntegralNumber() && timeoutNode.intValue() > 0) {
                timeout = Duration.ofSeconds(timeoutNode.intValue());
            } else {
                problems.add("elicitationTimeoutSeconds must be a positive whole number");
            }
        }
        problems.throwIfAny();
        return new ServerConfig(source, List.copyOf(methods), store, timeout);
    }

    private AuthMethodConfig method(JsonNode node, String where, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(where + ": must be an object");
            return null;
        }
        String id = text(node, "id", where, problems, true);
        String label = id == null ? where : where + " (id '" + id + "')";
        String typeName = text(node, "type", label, problems, true);
        String name = text(node, "name", label, problems, true);
        String description = text(node, "description", label, problems, false);
        String provider = text(node, "provider", label, problems, false);
        String providerName = text(node, "providerName", label, problems, false);
        if (typeName == null) {
            return null;
        }
        AuthMethodType type = AuthMethodType.fromConfigName(typeName).orElse(null);
        if (type == null) {
            problems.add(label + ": unknown type '" + typeName + "' (expected one of " + AuthMethodType.allConfigNames() + ")");
            return null;
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(BY_TYPE.get(type));
        unknownKeys(node, allowed, problems, label + ": ");
        if (id != null && id.isBlank()) {
            problems.add(label + ": id must not be empty");
        }
        List<CredentialInput> inputs = List.of();
        String link = text(node, "link", label, problems, false);
        List<String> args = List.of();
        Map<String, String> env = Map.of();
        String keyPattern = null;
        AuthMethodConfig.OAuthConfig oauth = null;
        switch (type) {
            case ENV_VAR -> inputs = inputs(node, "vars", label, problems, ENV_NAME, "an environment variable name");
            case START_PARAM -> inputs = inputs(node, "params", label, problems, FLAG, "a command-line flag such as --api-key-file");
            case TERMINAL -> {
                args = strings(node, "args", label, problems);
                env = stringMap(node, "env", label, problems);
            }
            case API_KEY_PAGE -> {
                keyPattern = text(node, "keyPattern", label, problems, false);
                if (keyPattern != null) {
                    try {
                        Pattern.compile(keyPattern);
                    } catch (PatternSyntaxException e) {
                        problems.add(label + ": keyPattern is not a valid regular expression");
                    }
                }
            }
            case OAUTH2 -> oauth = oauth(node, label, problems);
            default -> throw new IllegalStateException(type.toString());
        }
        String providerId = provider == null ? id : provider;
        return new AuthMethodConfig(id, type, name, description, providerId,
                providerName == null || providerName.isBlank() ? providerId : providerName, inputs, link, args, env, keyPattern, oauth);
    }

    private AuthMethodConfig.OAuthConfig oauth(JsonNode node, String label, Problems problems) {
        String issuer = text(node, "issuer", label, problems, false);
        String clientId = text(node, "clientId", label, problems, true);
        List<String> scopes = strings(node, "scopes", label, problems);
        String flow = text(node, "flow", label, problems, false);
        if (flow == null) {
            flow = "auto";
        } else if (!OAUTH_FLOWS.contains(flow)) {
            problems.add(label + ": flow must be one of auto, authorization_code, device_code");
        }
        String authorization = text(node, "authorizationEndpoint", label, problems, false);
        String token = text(node, "tokenEndpoint", label, problems, false);
        if (issuer == null && (authorization == null || token == null)) {
            problems.add(label + ": needs an issuer, or both authorizationEndpoint and tokenEndpoint");
        }
        Integer port = null;
        JsonNode portNode = node.get("redirectPort");
        if (portNode != null) {
            if (portNode.isIntegralNumber() && portNode.intValue() > 0 && portNode.intValue() < 65536) {
                port = portNode.intValue();
            } else {
                problems.add(label + ": redirectPort must be a port number (1-65535)");
            }
        }
        Duration timeout = null;
        JsonNode timeoutNode = node.get("timeoutSeconds");
        if (timeoutNode != null) {
            if (timeoutNode.isIntegralNumber() && timeoutNode.intValue() > 0) {
                timeout = Duration.ofSeconds(timeoutNode.intValue());
            } else {
                problems.add(label + ": timeoutSeconds must be a positive whole number");
            }
        }
        return new AuthMethodConfig.OAuthConfig(issuer, clientId, scopes, flow, authorization, token,
                text(node, "deviceAuthorizationEndpoint", label, problems, false),
                text(node, "revocationEndpoint", label, problems, false), port, timeout);
    }

    private List<CredentialInput> inputs(JsonNode node, String key, String label, Problems problems,
                                         Pattern namePattern, String nameMeaning) {
        JsonNode list = node.get(key);
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(label + ": " + key + " must be a non-empty array of {name, label?, secret?, optional?}");
            return List.of();
        }
        List<CredentialInput> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String where = label + ": " + key + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(where + " must be an object");
                continue;
            }
            unknownKeys(item, Set.of("name", "label", "secret", "optional"), problems, where + ": ");
            String name = text(item, "name", where, problems, true);
            if (name != null && !namePattern.matcher(name).matches()) {
                problems.add(where + ": name '" + name + "' must be " + nameMeaning);
            }
            result.add(new CredentialInput(name, text(item, "label", where, problems, false),
                    bool(item, "secret", true, where, problems), bool(item, "optional", false, where, problems)));
        }
        return List.copyOf(result);
    }

    private static String text(JsonNode node, String key, String where, Problems problems, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(where + ": missing \"" + key + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(where + ": \"" + key + "\" must be a string");
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
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
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

    /** Collects every problem so the user fixes the file in one go. */
    private static final class Problems {
        private final String source;
        private final List<String> items = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String problem) {
            items.add(problem);
        }

        void throwIfAny() throws ConfigException {
            if (!items.isEmpty()) {
                throw new ConfigException("config " + source + ": " + String.join("; ", items));
            }
        }
    }
}
