package dev.newsbot.telegram;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template in Telegram HTML with {@code {{placeholders}}}. Validated on construction: every placeholder is
 * known, every required one is present, and the HTML is valid with the placeholders left empty.
 *
 * @param where        where the text came from (file path or record field), used in every error
 * @param text         the template
 * @param placeholders the placeholders the text uses
 */
record Template(String where, String text, Set<String> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    Template {
        placeholders = Set.copyOf(placeholders);
    }

    /** Parses {@code text}, failing with an error naming {@code where}, the line and the placeholder. */
    static Template parse(String where, String text, Set<String> known, Set<String> required) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + ": template is empty");
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ":" + line(text, m.start()) + ": unknown placeholder {{"
                        + name + "}}; known here: " + describe(known));
            }
            used.add(name);
        }
        checkStrayBraces(where, PLACEHOLDER.matcher(text).replaceAll(""), text);
        for (String name : new TreeSet<>(required)) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException(where + ": missing placeholder {{" + name + "}}");
            }
        }
        checkHtml(where, PLACEHOLDER.matcher(text).replaceAll(""));
        return new Template(where, text.strip(), used);
    }

    /** Fills in the placeholders; values must already be Telegram HTML (escape user text first). */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(where + ": no value for placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    String render() {
        return render(Map.of());
    }

    private static void checkStrayBraces(String where, String rest, String text) {
        int at = Math.max(rest.indexOf("{{"), rest.indexOf("}}"));
        if (at >= 0) {
            int original = text.indexOf(rest.contains("{{") ? "{{" : "}}");
            throw new IllegalArgumentException(where + ":" + line(text, Math.max(original, 0))
                    + ": malformed placeholder (unmatched '{{' or '}}')");
        }
    }

    private static void checkHtml(String where, String html) {
        try {
            TelegramHtml.visibleText(html);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not valid Telegram HTML: " + e.getMessage(), e);
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describe(Set<String> known) {
        return known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known));
    }
}
