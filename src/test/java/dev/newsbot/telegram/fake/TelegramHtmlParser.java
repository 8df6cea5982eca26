package dev.newsbot.telegram.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict reading of the Bot API's HTML parse mode, as documented: only the listed tags, only &amp;lt; &amp;gt;
 * &amp;amp; &amp;quot; and numeric entities, every {@code <}, {@code >} and {@code &} outside a tag or entity is an
 * error, every tag must be closed in order. Produces the visible text and its entities (UTF-16 offsets), or an error
 * worded like Telegram's "can't parse entities" descriptions. Deliberately independent of the bot's own code.
 */
final class TelegramHtmlParser {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("b", "bold"), Map.entry("strong", "bold"), Map.entry("i", "italic"), Map.entry("em", "italic"),
            Map.entry("u", "underline"), Map.entry("ins", "underline"), Map.entry("s", "strikethrough"),
            Map.entry("strike", "strikethrough"), Map.entry("del", "strikethrough"), Map.entry("span", "spoiler"),
            Map.entry("tg-spoiler", "spoiler"), Map.entry("a", "text_link"), Map.entry("tg-emoji", "custom_emoji"),
            Map.entry("code", "code"), Map.entry("pre", "pre"), Map.entry("blockquote", "blockquote"),
            Map.entry("tg-time", "date_time"));

    record Entity(String type, int offset, int length, String url) {
    }

    record Parsed(String text, List<Entity> entities) {
    }

    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    private record Open(String name, int textOffset, Map<String, String> attributes) {
    }

    private final String html;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Open> stack = new ArrayDeque<>();
    private final List<Entity> entities = new ArrayList<>();
    private int i;

    private TelegramHtmlParser(String html) {
        this.html = html;
    }

    static Parsed parse(String html) throws ParseException {
        return new TelegramHtmlParser(html).run();
    }

    private Parsed run() throws ParseException {
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                tag();
            } else if (c == '&') {
                entity();
            } else if (c == '>') {
                throw new ParseException("Character '>' is reserved and must be escaped at byte offset " + bytes(i));
            } else {
                text.append(c);
                i++;
            }
        }
        if (!stack.isEmpty()) {
            throw new ParseException("Can't find end tag corresponding to start tag \"" + stack.peek().name() + "\"");
        }
        entities.sort((a, b) -> a.offset() != b.offset() ? a.offset() - b.offset() : b.length() - a.length());
        return new Parsed(text.toString(), List.copyOf(entities));
    }

    private void tag() throws ParseException {
        int start = i;
        int end = html.indexOf('>', i);
        if (end < 0) {
            throw new ParseException("Unclosed start tag at byte offset " + bytes(start));
        }
        if (html.startsWith("</", i)) {
            endTag(start, html.substring(i + 2, end).strip().toLowerCase(Locale.ROOT));
        } else {
            startTag(start, html.substring(i + 1, end));
        }
        i = end + 1;
    }

    private void endTag(int start, String name) throws ParseException {
        if (stack.isEmpty()) {
            throw new ParseException("Unexpected end tag at byte offset " + bytes(start));
        }
        Open open = stack.peek();
        if (!open.name().equals(name)) {
            throw new ParseException("Unmatched end tag at byte offset " + bytes(start) + ", expected \"</"
                    + open.name() + ">\", found \"</" + name + ">\"");
        }
        stack.pop();
        int length = text.length() - open.textOffset();
        if (length > 0) {
            String url = open.name().equals("a") ? open.attributes().get("href") : null;
            if (!open.name().equals("a") || url != null && !url.isEmpty()) {
                String type = open.name().equals("blockquote") && open.attributes().containsKey("expandable")
                        ? "expandable_blockquote" : TYPES.get(open.name());
                entities.add(new Entity(type, open.textOffset(), length, url));
            }
        }
    }

    private void startTag(int start, String inside) throws ParseException {
        int n = 0;
        while (n < inside.length() && (Character.isLetterOrDigit(inside.charAt(n)) || inside.charAt(n) == '-')) {
            n++;
        }
        String name = inside.substring(0, n).toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(name)) {
            throw new ParseException("Unsupported start tag \"" + name + "\" at byte offset " + bytes(start));
        }
        Map<String, String> attributes = attributes(inside.substring(n), start);
        if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            throw new ParseException("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + bytes(start));
        }
        stack.push(new Open(name, text.length(), attributes));
    }

    private Map<String, String> attributes(String s, int tagStart) throws ParseException {
        Map<String, String> out = new HashMap<>();
        int p = 0;
        while (true) {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (p >= s.length()) {
                return out;
            }
            int nameStart = p;
            while (p < s.length() && s.charAt(p) != '=' && !Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            String name = s.substring(nameStart, p).toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.contains("/") || name.contains("\"") || name.contains("<")) {
                throw new ParseException("Invalid attribute in start tag at byte offset " + bytes(tagStart));
            }
            if (p >= s.length() || s.charAt(p) != '=') {
                out.put(name, "");
                continue;
            }
            p++;
            String value;
            if (p < s.length() && (s.charAt(p) == '"' || s.charAt(p) == '\'')) {
                int close = s.indexOf(s.charAt(p), p + 1);
                if (close < 0) {
                    throw new ParseException("Unclosed attribute value at byte offset " + bytes(tagStart));
                }
                value = s.substring(p + 1, close);
                p = close + 1;
            } else {
                int valueStart = p;
                while (p < s.length() && !Character.isWhitespace(s.charAt(p))) {
                    p++;
                }
                value = s.substring(valueStart, p);
            }
            out.put(name, decode(value, tagStart));
        }
    }

    private String decode(String value, int tagStart) throws ParseException {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < value.length(); ) {
            if (value.charAt(p) == '&') {
                int semi = value.indexOf(';', p);
                if (semi < 0) {
                    throw new ParseException("Unescaped '&' in attribute at byte offset " + bytes(tagStart));
                }
                out.appendCodePoint(entityValue(value.substring(p + 1, semi), tagStart));
                p = semi + 1;
            } else {
                out.append(value.charAt(p++));
            }
        }
        return out.toString();
    }

    private void entity() throws ParseException {
        int semi = html.indexOf(';', i);
        if (semi < 0 || semi - i > 12) {
            throw new ParseException("Character '&' is reserved and must be escaped at byte offset " + bytes(i));
        }
        text.appendCodePoint(entityValue(html.substring(i + 1, semi), i));
        i = semi + 1;
    }

    private int entityValue(String name, int at) throws ParseException {
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            default:
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
                throw new ParseException("Unsupported HTML entity \"&" + name + ";\" at byte offset " + bytes(at));
        }
    }

    private int bytes(int charOffset) {
        return html.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
    }
}
