package dev.acp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package dependencies of {@code agent-server/src/main/java} point one way where
 * docs/ARCHITECTURE.md says they do: auth (with its config, oauth, store and web) never uses the
 * server, and no package cycle runs through auth or the server's configuration. Read from the
 * sources (imports and fully qualified names in code; comments and strings do not count).
 */
class PackageLayoutTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.acp4j(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|/\\*[\\s\\S]*?\\*/|//[^\\n]*");

    @Test
    void authDoesNotUseTheServer() {
        Map<String, Set<String>> uses = usesByFile();
        List<String> offenders = new ArrayList<>();
        uses.forEach((file, packages) -> {
            if (isAuth(packageOfFile(file))) {
                packages.stream().filter(p -> p.equals("dev.acp4j.server") || p.startsWith("dev.acp4j.server."))
                        .forEach(p -> offenders.add(file + " uses " + p));
            }
        });
        assertThat(offenders).as("auth packages must not depend on dev.acp4j.server..").isEmpty();
    }

    @Test
    void noPackageCycleRunsThroughAuthOrTheServerConfiguration() {
        List<Set<String>> cycles = cycles(packageGraph());
        List<Set<String>> forbidden = cycles.stream()
                .filter(c -> c.stream().anyMatch(p -> isAuth(p) || p.equals("dev.acp4j.server.config")))
                .toList();
        assertThat(forbidden).as("package cycles through auth or dev.acp4j.server.config").isEmpty();
    }

    @Test
    void theScannerSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String source = """
                package dev.acp4j.auth;

                import dev.acp4j.auth.oauth.OAuthException;
                import static dev.acp4j.auth.store.CredentialStore.open;
                /** See {@link dev.acp4j.server.AcpServer}. */
                class X { // dev.acp4j.cli.Main
                    Object o = new dev.acp4j.mcp.McpTool();
                    String s = "dev.acp4j.server.builtin.BuiltinAgent";
                }
                """;
        assertThat(referencedPackages(source))
                .containsExactlyInAnyOrder("dev.acp4j.auth.oauth", "dev.acp4j.auth.store", "dev.acp4j.mcp");
    }

    @Test
    void theCycleFinderFindsACycleOfThreeAndIgnoresAChain() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a", "d"));
        graph.put("d", Set.of("e"));
        graph.put("e", Set.of());
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    private static boolean isAuth(String pkg) {
        return pkg.equals("dev.acp4j.auth") || pkg.startsWith("dev.acp4j.auth.");
    }

    private static String packageOfFile(String file) {
        String relative = file.substring(0, file.lastIndexOf('/'));
        return relative.replace('/', '.');
    }

    /** Source file (relative to src/main/java, with '/') to the other acp4j packages it uses. */
    private static Map<String, Set<String>> usesByFile() {
        assertThat(MAIN).as("run from the agent-server module").isDirectory();
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String source = read(f);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    return;
                }
                String own = declared.group(1);
                Set<String> used = referencedPackages(source);
                used.remove(own);
                uses.put(MAIN.relativize(f).toString().replace('\\', '/'), used);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(uses).as("sources found under " + MAIN.toAbsolutePath()).hasSizeGreaterThan(50);
        return uses;
    }

    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        usesByFile().forEach((file, used) ->
                graph.computeIfAbsent(packageOfFile(file), k -> new TreeSet<>()).addAll(used));
        return graph;
    }

    static Set<String> referencedPackages(String source) {
        String code = NOT_CODE.matcher(source).replaceAll(" ");
        code = PACKAGE.matcher(code).replaceAll(" ");
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                components.add(component);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
