package dev.acp4j.auth.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an {@link ExchangeConfig exchange} request carries the OAuth token, written in the
 * configuration as {@code "WHERE: NAME"}:
 * <ul>
 *   <li>{@code authorization: SCHEME} — the {@code Authorization} header, {@code SCHEME TOKEN}
 *       (GitHub Copilot's exchange wants {@code "authorization: token"}; the default is
 *       {@code "authorization: Bearer"});</li>
 *   <li>{@code header: NAME} — the header {@code NAME} holding the bare token;</li>
 *   <li>{@code query: NAME} — the URL's query parameter {@code NAME};</li>
 *   <li>{@code form: NAME} — the form parameter {@code NAME} of a {@code POST} body.</li>
 * </ul>
 *
 * @param where the part before the colon
 * @param name  the scheme (for {@code authorization}) or the header or parameter name
 */
public record TokenPlacement(Where where, String name) {

    /** The part before the colon. */
    public enum Where {
        /** The {@code Authorization} header, {@code SCHEME TOKEN}. */
        AUTHORIZATION,
        /** A header of its own holding the bare token. */
        HEADER,
        /** A query parameter of the request URL. */
        QUERY,
        /** A form parameter of a {@code POST} body. */
        FORM
    }

    /** How the rules describe the accepted forms. */
    static final String FORMS = "'authorization: SCHEME', 'header: NAME', 'query: NAME' or 'form: NAME'";

    /**
     * The placement {@code text} describes, or empty when it is none of the forms.
     *
     * @param text e.g. {@code "authorization: token"}
     * @return the placement
     */
    public static Optional<TokenPlacement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String where = text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        String name = text.substring(colon + 1).strip();
        if (!HttpToken.is(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TokenPlacement(Where.valueOf(where), name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
