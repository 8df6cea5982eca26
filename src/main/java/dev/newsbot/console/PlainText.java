package dev.newsbot.console;

import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;

import java.util.StringJoiner;

/** Renders a {@link Reply} as plain text for terminals: the answer, then the numbered source list. */
public final class PlainText {

    private PlainText() {
    }

    public static String render(Reply reply) {
        if (reply.sources().isEmpty()) {
            return reply.answer();
        }
        StringJoiner out = new StringJoiner("\n");
        out.add(reply.answer()).add("").add("Sources:");
        reply.sources().forEach(s -> out.add(source(s)));
        return out.toString();
    }

    /** One source line: {@code [1] Title — Outlet, 2013-09-22. https://...}, leaving out what is unknown. */
    public static String source(ReplySource s) {
        StringBuilder line = new StringBuilder("[").append(s.n()).append("] ").append(s.title());
        String meta = join(s.outlet(), s.published());
        if (!meta.isEmpty()) {
            line.append(" — ").append(meta);
        }
        if (s.url() != null) {
            line.append(". ").append(s.url());
        }
        return line.toString();
    }

    private static String join(String outlet, String published) {
        if (outlet == null) {
            return published == null ? "" : published;
        }
        return published == null ? outlet : outlet + ", " + published;
    }
}
