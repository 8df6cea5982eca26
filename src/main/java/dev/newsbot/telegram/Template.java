package dev.newsbot.telegram;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A message template in Telegram HTML: a {@link dev.newsbot.config.Template} (the one placeholder parser) whose
 * text, with the placeholders left empty, must also be valid Telegram HTML.
 *
 * @param parsed the checked template
 */
record Template(dev.newsbot.config.Template parsed) {

    /**
     * Parses {@code text}, failing with an error naming {@code where}, the line and the placeholder, or the HTML
     * fault.
     *
     * @param known    the placeholders the text may use
     * @param required those of them it must use
     */
    static Template parse(String where, String text, Set<String> known, Set<String> required) {
        Set<String> optional = new LinkedHashSet<>(known);
        optional.removeAll(required);
        dev.newsbot.config.Template parsed = dev.newsbot.config.Template.parse(where, text == null ? "" : text,
                required, optional);
        try {
            TelegramHtml.visibleText(parsed.skeleton());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not valid Telegram HTML: " + e.getMessage(), e);
        }
        return new Template(parsed);
    }

    /** Fills in the placeholders; values must already be Telegram HTML (escape user text first). */
    String render(Map<String, String> values) {
        return parsed.render(values);
    }

    String render() {
        return parsed.render();
    }

    /** The text, stripped, with its placeholders. */
    String text() {
        return parsed.text();
    }

    /** The placeholders the text uses. */
    Set<String> placeholders() {
        return parsed.placeholders();
    }
}
