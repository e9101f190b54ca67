package dev.acp4j.auth.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the user pasted after signing in at a provider whose redirect page shows the code
 * ({@code "codeEntry": "paste"}): the authorization code, and the {@code state} when the page
 * shows it too. Read from the forms providers show: {@code code#state} (Anthropic's console),
 * a plain {@code code}, or the whole redirect URL copied from the address bar
 * ({@code https://…?code=…&state=…}). Terminal bracketed-paste markers ({@code ESC[200~} …
 * {@code ESC[201~}) and all whitespace (a long code wrapped over lines) are removed first.
 *
 * <p>The code is a secret until it is redeemed: {@link #toString()} never shows it, and no
 * message here quotes what was pasted.
 *
 * @param code  the authorization code, never empty
 * @param state the {@code state} pasted with it, or null when only the code was pasted
 */
public record PastedCode(String code, String state) {

    private static final String PASTE_START = "\u001b[200~";
    private static final String PASTE_END = "\u001b[201~";

    /** Thrown for a value that holds no code; the message is for the user and never quotes the value. */
    public static final class UnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a pasted value.
     *
     * @param pasted what the user pasted: the code, or the whole redirect URL or query
     * @return the code and, when present, the state
     * @throws UnreadableException when there is no code in it
     */
    public static PastedCode parse(String pasted) {
        String text = clean(pasted);
        if (text.isEmpty()) {
            throw new UnreadableException("Paste the code the sign-in page showed.");
        }
        if (text.startsWith("https://") || text.startsWith("http://")) {
            return fromRedirectUrl(text);
        }
        int hash = text.indexOf('#');
        String code = hash < 0 ? text : text.substring(0, hash);
        String state = hash < 0 ? null : text.substring(hash + 1);
        if (code.isEmpty()) {
            throw new UnreadableException("That is not a code: nothing comes before the '#'."
                    + " Paste the whole code the sign-in page showed.");
        }
        if (code.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new UnreadableException("That does not look like the code: it has characters codes do not use."
                    + " Copy it again from the sign-in page.");
        }
        return new PastedCode(code, state == null || state.isEmpty() ? null : state);
    }

    /**
     * Why this value does not belong to the sign-in that sent {@code expectedState}, or null when
     * it may (it carries that state, or no state at all).
     *
     * @param expectedState the state the sign-in sent
     * @return the problem, for the user, or null
     */
    public String stateProblem(String expectedState) {
        if (state == null || state.equals(expectedState)) {
            return null;
        }
        return "This code is from another sign-in: its state does not match the one this sign-in started."
                + " Sign in again with this sign-in's link and paste the code it shows then.";
    }

    /**
     * The authorization response as a redirect would have delivered it (RFC 6749 §4.1.2), for
     * {@link AuthorizationCodeFlow#exchange}. A pasted value without a state was pasted into this
     * sign-in's own page or prompt, so it answers {@code expectedState}.
     *
     * @param expectedState the state the sign-in sent
     * @return {@code code} and {@code state}
     */
    public Map<String, String> asAuthorizationResponse(String expectedState) {
        Map<String, String> response = new HashMap<>();
        response.put("code", code);
        response.put("state", state == null ? expectedState : state);
        return response;
    }

    @Override
    public String toString() {
        return "PastedCode[code=<redacted>, state=" + (state == null ? "none" : "<given>") + "]";
    }

    /** Without bracketed-paste markers and whitespace (anywhere: codes have none). */
    static String clean(String pasted) {
        if (pasted == null) {
            return "";
        }
        String text = pasted.replace(PASTE_START, "").replace(PASTE_END, "");
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u001b')
                .forEach(out::appendCodePoint);
        String cleaned = out.toString();
        // a terminal that dropped the ESC still leaves the marker's printable part
        if (cleaned.startsWith("[200~")) {
            cleaned = cleaned.substring(5);
        }
        if (cleaned.endsWith("[201~")) {
            cleaned = cleaned.substring(0, cleaned.length() - 5);
        }
        return cleaned;
    }

    private static PastedCode fromRedirectUrl(String text) {
        String query;
        try {
            query = new URI(text).getRawQuery();
        } catch (URISyntaxException e) {
            query = null;
        }
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    try {
                        parameters.putIfAbsent(pair.substring(0, equals),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // a malformed parameter is not the code
                    }
                }
            }
        }
        String code = parameters.get("code");
        if (code == null || code.isEmpty()) {
            throw new UnreadableException(parameters.containsKey("error")
                    ? "The provider refused the sign-in (the address holds an error, no code). Sign in again."
                    : "That address holds no code. Paste the code the sign-in page showed.");
        }
        String state = parameters.get("state");
        return new PastedCode(code, state == null || state.isEmpty() ? null : state);
    }
}
