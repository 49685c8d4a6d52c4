package dev.cachet.server.web;

import io.javalin.http.Context;

/** Escaping and the security headers of every HTML page. */
final class Html {
    /** No scripts, no frames, no outside resources; the one inline style sheet only. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    static final String STYLE = "body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;"
            + "color:#222}dt{font-weight:bold;margin-top:.6em}dd{margin-left:1em;font-family:monospace;"
            + "word-break:break-all}button{font-size:1.1em;margin:1em 1em 0 0;padding:.4em 1.2em}"
            + "#status{padding:.6em;border-radius:4px;background:#eef}.error{background:#fee!important}";

    private Html() {
    }

    /**
     * Escapes text for HTML content and quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
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

    /**
     * Answers with a page: the headers keep the secret link out of referrers, caches and frames.
     *
     * @param ctx the request
     * @param status the HTTP status
     * @param title the title, plain text
     * @param body the body, HTML
     */
    static void write(Context ctx, int status, String title, String body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result("<!DOCTYPE html>\n<html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n");
    }
}
