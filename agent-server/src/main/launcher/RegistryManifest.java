import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the ACP registry manifest ({@code agent.json}, format of the agentclientprotocol/registry
 * repository) of a release archive: run by the build with {@code java RegistryManifest.java} (a
 * single-file program, so the build needs no plugin of its own) after the archives are written.
 * Every option is {@code --name value}:
 * {@code --output --id --name --version --description --repository --license --base-url
 * --tar-gz --zip --base-directory --command}. Each platform gets the download URL of its archive
 * ({@code base-url/<file name>}), the SHA-256 of the archive file, and the command in it.
 */
public final class RegistryManifest {

    private static final List<String> POSIX = List.of("darwin-aarch64", "darwin-x86_64", "linux-aarch64", "linux-x86_64");
    private static final List<String> WINDOWS = List.of("windows-aarch64", "windows-x86_64");

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path tarGz = Path.of(required(options, "tar-gz"));
        Path zip = Path.of(required(options, "zip"));
        String baseUrl = required(options, "base-url").replaceAll("/+$", "");
        String command = "./" + required(options, "base-directory") + "/bin/" + required(options, "command");

        List<String> platforms = new ArrayList<>();
        for (String platform : POSIX) {
            platforms.add(target(platform, baseUrl, tarGz, command));
        }
        for (String platform : WINDOWS) {
            platforms.add(target(platform, baseUrl, zip, command + ".cmd"));
        }
        StringBuilder json = new StringBuilder("{\n");
        for (String key : List.of("id", "name", "version", "description", "repository", "license")) {
            json.append("  ").append(string(key)).append(": ").append(string(required(options, key))).append(",\n");
        }
        json.append("  \"distribution\": {\n    \"binary\": {\n")
                .append(String.join(",\n", platforms))
                .append("\n    }\n  }\n}\n");
        Path output = Path.of(required(options, "output"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json, StandardCharsets.UTF_8);
    }

    private static String target(String platform, String baseUrl, Path archive, String command)
            throws IOException, NoSuchAlgorithmException {
        return "      " + string(platform) + ": {\n"
                + "        \"archive\": " + string(baseUrl + "/" + archive.getFileName()) + ",\n"
                + "        \"sha256\": " + string(sha256(archive)) + ",\n"
                + "        \"cmd\": " + string(command) + ",\n"
                + "        \"args\": []\n"
                + "      }";
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalArgumentException("agent.json: --" + name + " is not set");
        }
        return value;
    }

    private static String string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
