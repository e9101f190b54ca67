package dev.acp4j.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a terminal runs this agent's own login: {@code command args... --login METHOD_ID}.
 * {@code command} is an absolute path to an executable (never a shell string); {@code args} are
 * the launch arguments a login needs (e.g. {@code --config /abs/file.json}), given before
 * {@code --login}. Zed's {@code _meta["terminal-auth"]} descriptor and the advice in sign-in
 * errors are built from it.
 *
 * @param command absolute path of the launcher that started this process
 * @param args    arguments before {@code --login}
 * @param env     environment the login needs to find this process's credential store
 */
public record LoginCommand(Path command, List<String> args, Map<String, String> env) {

    /**
     * Checks that {@code command} is absolute and copies the lists.
     *
     * @param command absolute path of the launcher that started this process
     * @param args    arguments before {@code --login}
     * @param env     environment the login needs to find this process's credential store
     */
    public LoginCommand {
        Objects.requireNonNull(command, "command");
        if (!command.isAbsolute()) {
            throw new IllegalArgumentException("the login command must be an absolute path: " + command);
        }
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /**
     * The arguments that log in with {@code methodId}, followed by the method's own {@code extra} args.
     *
     * @param methodId the auth method to log in with
     * @param extra the method's own arguments
     * @return the arguments after {@code command}
     */
    public List<String> argsFor(String methodId, List<String> extra) {
        List<String> all = new ArrayList<>(args);
        all.add(AuthMethodRegistry.LOGIN_FLAG);
        all.add(methodId);
        all.addAll(extra);
        return all;
    }

    /**
     * The command line for a person to type, each word quoted for a POSIX shell where needed.
     *
     * @param methodId the auth method to log in with
     * @return the command line
     */
    public String displayFor(String methodId) {
        List<String> words = new ArrayList<>();
        words.add(command.toString());
        words.addAll(argsFor(methodId, List.of()));
        return String.join(" ", words.stream().map(LoginCommand::quote).toList());
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
