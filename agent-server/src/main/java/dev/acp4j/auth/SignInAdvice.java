package dev.acp4j.auth;

import dev.acp4j.auth.config.AuthMethodConfig;
import dev.acp4j.auth.config.AuthMethodType;
import dev.acp4j.auth.config.CredentialInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One short sentence that tells a person how to sign in, built from the methods that can help:
 * clients such as Zed show an error's message as the description of their login prompt.
 */
final class SignInAdvice {

    private SignInAdvice() {
    }

    /** "Sign in to OpenAI: enter an API key, or set OPENAI_API_KEY and restart". */
    static String authRequired(List<AuthMethodConfig> methods, AuthMethodRegistry registry) {
        Set<String> phrases = new LinkedHashSet<>();
        for (AuthMethodConfig method : methods) {
            phrases.add(phrase(method, registry));
        }
        if (phrases.isEmpty()) {
            return "Authentication required";
        }
        return "Sign in" + providerOf(methods) + ": " + anyOf(List.copyOf(phrases));
    }

    /**
     * "Sign in to Beta: enter an API key, or set BETA_API_KEY and restart": for a request that needs
     * the providers {@code providerNames} (as people read them), with the methods that can help.
     */
    static String authRequired(List<String> providerNames, List<AuthMethodConfig> methods, AuthMethodRegistry registry) {
        Set<String> phrases = new LinkedHashSet<>();
        for (AuthMethodConfig method : methods) {
            phrases.add(phrase(method, registry));
        }
        String who = and(List.copyOf(new LinkedHashSet<>(providerNames)));
        if (phrases.isEmpty()) {
            return "A credential of " + who + " is needed, and none of this agent's auth methods yields one";
        }
        return "Sign in to " + who + ": " + anyOf(List.copyOf(phrases));
    }

    /**
     * What to do instead of a sign-in that needs a browser nobody can open: the terminal login of
     * that very method (named in full when the launcher is known, else by the agent's command
     * name), or the methods of its provider that read the environment or the command line.
     */
    static String instead(AuthMethodConfig method, List<AuthMethodConfig> others, AuthMethodRegistry registry,
                          AgentIdentity identity) {
        List<String> phrases = new ArrayList<>();
        phrases.add(registry.loginCommand()
                .map(command -> "run " + command.displayFor(method.id()) + " in a terminal")
                .orElse("run " + identity.name() + " " + AuthMethodRegistry.LOGIN_FLAG + " " + method.id()
                        + " in a terminal"));
        for (AuthMethodConfig other : others) {
            if (other.provider().equals(method.provider())
                    && (other.type() == AuthMethodType.ENV_VAR || other.type() == AuthMethodType.START_PARAM)) {
                phrases.add(phrase(other, registry));
            }
        }
        return anyOf(phrases);
    }

    private static String phrase(AuthMethodConfig method, AuthMethodRegistry registry) {
        return switch (method.type()) {
            case API_KEY_PAGE -> "enter an API key";
            case OAUTH2 -> decapitalize(method.name());
            case ENV_VAR -> "set " + String.join(" and ", required(method)) + " and restart";
            case START_PARAM -> "restart with " + String.join(" ", required(method).stream().map(f -> f + " FILE").toList());
            case TERMINAL -> "log in from a terminal";
        };
    }

    private static List<String> required(AuthMethodConfig method) {
        List<String> names = method.inputs().stream().filter(i -> !i.optional()).map(CredentialInput::name).toList();
        return names.isEmpty() ? method.inputs().stream().map(CredentialInput::name).toList() : names;
    }

    private static String providerOf(List<AuthMethodConfig> methods) {
        Set<String> names = new LinkedHashSet<>();
        for (AuthMethodConfig method : methods) {
            names.add(method.providerName());
        }
        return names.size() == 1 ? " to " + names.iterator().next() : "";
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** "a", "a, or b", "a, b, or c". */
    static String anyOf(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + ", or " + phrases.get(phrases.size() - 1);
    }

    private static String decapitalize(String text) {
        if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
