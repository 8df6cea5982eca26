package dev.newsbot.telegram;

import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders a {@link Reply} as Telegram HTML messages: the escaped answer with its {@code [n]} markers, then a heading
 * and the numbered source list, each title linked to its article, in an expandable blockquote (the reader shows or
 * hides it with a tap, so no "Sources" button is needed). Guarantees every message is valid HTML of at most
 * {@code limit} visible characters. When too long, the answer is shortened first (at a sentence end, never below
 * half a message); if the source list still does not fit it continues in further messages, split between whole
 * entries.
 */
final class AnswerRenderer {

    static final int TELEGRAM_LIMIT = 4096;
    private static final String ELLIPSIS = " …";
    /** The source list is an expandable blockquote: collapsed to a few lines, shown in full with one tap. */
    private static final String QUOTE = "<blockquote expandable>";
    private static final String UNQUOTE = "</blockquote>";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final String headingHtml;
    private final int headingLength;
    private final int limit;

    AnswerRenderer(String headingHtml, int limit) {
        this.headingHtml = headingHtml;
        this.headingLength = TelegramHtml.visibleLength(headingHtml);
        this.limit = limit;
        if (limit < 200 || headingLength > limit / 4) {
            throw new IllegalArgumentException("AnswerRenderer.limit too small for the heading: " + limit);
        }
    }

    List<String> render(Reply reply) {
        List<Block> entries = reply.sources().stream().map(this::entry).toList();
        String answer = reply.answer().isBlank() ? "…" : reply.answer().strip();
        if (entries.isEmpty()) {
            return List.of(TelegramHtml.escape(shorten(answer, limit)));
        }
        int sourcesLength = headingLength + entries.stream().mapToInt(e -> 1 + e.length()).sum();
        int budget = Math.max(limit - 2 - sourcesLength, Math.min(answer.length(), limit / 2));
        String shortened = shorten(answer, budget);
        return pack(TelegramHtml.escape(shortened), shortened.length(), entries);
    }

    private List<String> pack(String answerHtml, int answerLength, List<Block> entries) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder(answerHtml);
        int used = answerLength;
        if (used + 2 + headingLength + 1 + entries.get(0).length() <= limit) {
            current.append("\n\n").append(QUOTE).append(headingHtml);
            used += 2 + headingLength;
        } else {
            messages.add(current.toString());
            current = new StringBuilder(QUOTE).append(headingHtml);
            used = headingLength;
        }
        for (Block e : entries) {
            if (used + 1 + e.length() > limit) {
                messages.add(current.append(UNQUOTE).toString());
                current = new StringBuilder(QUOTE).append(e.html());
                used = e.length();
            } else {
                current.append('\n').append(e.html());
                used += 1 + e.length();
            }
        }
        messages.add(current.append(UNQUOTE).toString());
        return List.copyOf(messages);
    }

    private Block entry(ReplySource s) {
        String prefix = "[" + s.n() + "] ";
        String meta = meta(s);
        int room = limit - prefix.length() - meta.length();
        String title = shorten(s.title().strip().isEmpty() ? "(untitled)" : s.title().strip(), room);
        String titleHtml = isWebLink(s.url())
                ? "<a href=\"" + TelegramHtml.escape(s.url().strip()) + "\">" + TelegramHtml.escape(title) + "</a>"
                : TelegramHtml.escape(title);
        return new Block(TelegramHtml.escape(prefix) + titleHtml + TelegramHtml.escape(meta),
                prefix.length() + title.length() + meta.length());
    }

    private static String meta(ReplySource s) {
        List<String> parts = new ArrayList<>(2);
        if (s.outlet() != null && !s.outlet().isBlank()) {
            parts.add(s.outlet().strip());
        }
        if (s.published() != null && !s.published().isBlank()) {
            String p = s.published().strip();
            parts.add(DATE.matcher(p).matches() ? p.substring(0, 10) : p);
        }
        String meta = parts.isEmpty() ? "" : " — " + String.join(", ", parts);
        return meta.length() > 200 ? meta.substring(0, 199) + "…" : meta;
    }

    private static boolean isWebLink(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase();
        return (u.startsWith("https://") || u.startsWith("http://")) && u.length() > 8 && !u.contains(" ");
    }

    /** Cuts {@code text} to at most {@code max} characters, preferring the end of a sentence, marking the cut. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int room = max - ELLIPSIS.length();
        int cut = lastSentenceEnd(text, room);
        if (cut < room / 3) {
            cut = lastSpace(text, room);
        }
        if (cut <= 0) {
            cut = Character.isLowSurrogate(text.charAt(room)) ? room - 1 : room;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    private static int lastSentenceEnd(String text, int room) {
        for (int i = Math.min(room, text.length() - 1); i > 0; i--) {
            char prev = text.charAt(i - 1);
            if ((prev == '.' || prev == '!' || prev == '?' || prev == ']') && Character.isWhitespace(text.charAt(i))
                    && !nextTokenIsMarker(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nextTokenIsMarker(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '[';
    }

    private static int lastSpace(String text, int room) {
        for (int i = Math.min(room, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private record Block(String html, int length) {
    }
}
