package dev.newsbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Telegram's HTML parse mode: escaping, and a strict reading of the documented tag subset that yields the visible
 * text (what Telegram counts against the 4,096-character limit).
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote", "tg-time");

    private TelegramHtml() {
    }

    /** Escapes text for use between tags or inside a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text Telegram shows for this HTML. Throws {@link IllegalArgumentException} naming the offset when invalid. */
    static String visibleText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(html, i, open);
            } else if (c == '&') {
                i = entity(html, i, out);
            } else if (c == '>') {
                throw new IllegalArgumentException("unescaped '>' at offset " + i);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("tag <" + open.peek() + "> is never closed");
        }
        return out.toString();
    }

    static int visibleLength(String html) {
        return visibleText(html).length();
    }

    /** Best-effort plain text for any string, valid HTML or not: tags dropped, known entities decoded. */
    static String toPlainText(String html) {
        try {
            return visibleText(html);
        } catch (IllegalArgumentException e) {
            return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&amp;", "&");
        }
    }

    private static int tag(String html, int start, Deque<String> open) {
        int end = html.indexOf('>', start);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed '<' at offset " + start);
        }
        String body = html.substring(start + 1, end).strip();
        boolean closing = body.startsWith("/");
        String name = (closing ? body.substring(1) : body).split("[\\s/]", 2)[0].toLowerCase();
        if (!TAGS.contains(name)) {
            throw new IllegalArgumentException("unsupported tag <" + name + "> at offset " + start);
        }
        if (closing) {
            if (open.isEmpty() || !open.peek().equals(name)) {
                throw new IllegalArgumentException("unexpected </" + name + "> at offset " + start);
            }
            open.pop();
        } else {
            open.push(name);
        }
        return end + 1;
    }

    private static int entity(String html, int start, StringBuilder out) {
        int end = html.indexOf(';', start);
        String name = end < 0 || end - start > 10 ? "" : html.substring(start + 1, end);
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            default -> out.appendCodePoint(numericEntity(name, start));
        }
        return end + 1;
    }

    private static int numericEntity(String name, int offset) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("unescaped '&' or unknown entity at offset " + offset);
    }
}
