package dev.acp4j.jsonrpc;

/**
 * A string the peer sent (a session id, a method name, a mode id…) as an error message shows
 * it: its first {@value #MAX_CODE_POINTS} characters, then {@value #CUT} when there were more;
 * control, invisible formatting and line-separator characters (and a lone surrogate) written as
 * a backslash, {@code u} and four hex digits, and a backslash doubled, so the message stays one
 * short line and shows exactly what was sent. A peer cannot make an answer echo megabytes or
 * hide text in it.
 */
public final class EchoedText {

    /** How many characters (code points) of the text are shown. */
    public static final int MAX_CODE_POINTS = 64;

    /** Marks a text cut after {@link #MAX_CODE_POINTS} characters. */
    public static final String CUT = "…";

    private EchoedText() {
    }

    /**
     * The text as an error message shows it: at most 64 characters, then {@code …}.
     *
     * @param text what the peer sent, or null
     * @return the text to show; {@code "null"} for null
     */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS) + 8);
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (count == MAX_CODE_POINTS) {
                return shown.append(CUT).toString();
            }
            int codePoint = text.codePointAt(i);
            appendEscaped(shown, codePoint);
            i += Character.charCount(codePoint);
            count++;
        }
        return shown.toString();
    }

    /**
     * The text with {@link #of}'s escapes and no length bound (for text the agent already bounds).
     *
     * @param text the text
     * @return the text to show
     */
    public static String escape(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> appendEscaped(shown, codePoint));
        return shown.toString();
    }

    private static void appendEscaped(StringBuilder shown, int codePoint) {
        if (codePoint == '\\') {
            shown.append("\\\\");
        } else if (hidden(codePoint)) {
            for (char unit : Character.toChars(codePoint)) {
                shown.append(String.format("\\u%04x", (int) unit));
            }
        } else {
            shown.appendCodePoint(codePoint);
        }
    }

    private static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }
}
