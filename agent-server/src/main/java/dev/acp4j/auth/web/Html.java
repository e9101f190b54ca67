package dev.acp4j.auth.web;

/** The minimal HTML of the loopback pages. */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f5f5f7;color:#1d1d1f;\
            margin:0;display:flex;justify-content:center}\
            main{background:#fff;margin:10vh 1rem;padding:2rem;border-radius:12px;max-width:32rem;width:100%;\
            box-shadow:0 2px 12px rgba(0,0,0,.08)}\
            h1{font-size:1.3rem;margin-top:0}\
            label{display:block;font-weight:600;margin:1rem 0 .4rem}\
            input[type=password]{box-sizing:border-box;width:100%;padding:.6rem;font:inherit;\
            border:1px solid #c7c7cc;border-radius:8px}\
            button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit;color:#fff;background:#0a64d8;border:0;\
            border-radius:8px;cursor:pointer}\
            .error{color:#b00020;background:#fdecee;padding:.6rem;border-radius:8px}""";

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete document; {@code title} is plain text, {@code bodyHtml} is already HTML. */
    static String page(String title, String bodyHtml) {
        String escapedTitle = escape(title);
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escapedTitle + "</title><style>" + STYLE + "</style></head>"
                + "<body><main><h1>" + escapedTitle + "</h1>" + bodyHtml + "</main></body></html>\n";
    }
}
