package dev.newsbot.answer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Why the articles do not answer a question, in terms the person who asked can act on.
 *
 * @param kind    which of the reasons it is
 * @param names   for {@link Kind#UNKNOWN_NAMES}, the names no article mentions; for {@link Kind#NOT_FOUND}, the
 *                names that were searched for; as the question wrote them
 * @param newest  for {@link Kind#STALE}, the day of the newest article the question could use
 * @param cue     for {@link Kind#STALE}, the words that asked about a time ("this week")
 */
public record Refusal(Kind kind, List<String> names, LocalDate newest, String cue) {

    /** The reasons, most specific first. */
    public enum Kind {
        /** The question asks about a time after the newest article. */
        STALE,
        /** The question names someone or something no article mentions. */
        UNKNOWN_NAMES,
        /** The articles were searched and hold nothing that answers it. */
        NOT_FOUND
    }

    public Refusal {
        Objects.requireNonNull(kind, "Refusal.kind must not be null");
        names = List.copyOf(Objects.requireNonNull(names, "Refusal.names must not be null"));
        if (kind == Kind.UNKNOWN_NAMES && names.isEmpty()) {
            throw new IllegalArgumentException("Refusal.names must name something for UNKNOWN_NAMES");
        }
        if (kind == Kind.STALE && (newest == null || cue == null)) {
            throw new IllegalArgumentException("Refusal.newest and Refusal.cue must be given for STALE");
        }
    }

    public static Refusal notFound() {
        return notFound(List.of());
    }

    public static Refusal notFound(List<String> searched) {
        return new Refusal(Kind.NOT_FOUND, searched, null, null);
    }

    public static Refusal unknownNames(List<String> names) {
        return new Refusal(Kind.UNKNOWN_NAMES, names, null, null);
    }

    public static Refusal stale(LocalDate newest, String cue) {
        return new Refusal(Kind.STALE, List.of(), newest, cue);
    }
}
