package dev.newsbot.answer;

import dev.newsbot.config.PromptFiles;
import dev.newsbot.config.Template;
import dev.newsbot.index.PassageStore;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The texts that say why the bot declines, one template per {@link Refusal.Kind}: {@code refusal.txt} (what was
 * searched), {@code refusal-unknown.txt} (the names no article mentions) and {@code refusal-stale.txt} (the set's
 * newest day, for a question about a later time).
 */
public record RefusalTexts(Template notFound, Template unknownNames, Template stale) {

    /** Placeholders every refusal template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("set", "articles", "newest", "searched", "names", "cue");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    public RefusalTexts {
        Objects.requireNonNull(notFound, "RefusalTexts.notFound must not be null");
        Objects.requireNonNull(unknownNames, "RefusalTexts.unknownNames must not be null");
        Objects.requireNonNull(stale, "RefusalTexts.stale must not be null");
    }

    /** Reads and checks the three templates. */
    public static RefusalTexts load(PromptFiles prompts) {
        return new RefusalTexts(prompts.load("refusal.txt", Set.of("set"), PLACEHOLDERS),
                prompts.load("refusal-unknown.txt", Set.of("names"), PLACEHOLDERS),
                prompts.load("refusal-stale.txt", Set.of("newest", "cue"), PLACEHOLDERS));
    }

    /** The text for {@code why}, about the set {@code store} holds. */
    public String render(Refusal why, PassageStore store) {
        Map<String, String> values = Map.of(
                "set", store.articleSet().name(),
                "articles", count(store.articleSet().articles().size(), "article"),
                "newest", why.newest() != null ? day(why.newest())
                        : store.articleSet().newest().map(d -> ", newest from " + day(d)).orElse(""),
                "searched", why.kind() == Refusal.Kind.NOT_FOUND && !why.names().isEmpty()
                        ? " for " + quoted(why.names()) : "",
                "names", quoted(why.names()),
                "cue", why.cue() == null ? "" : cue(why.cue()));
        Template template = switch (why.kind()) {
            case NOT_FOUND -> notFound;
            case UNKNOWN_NAMES -> unknownNames;
            case STALE -> stale;
        };
        return template.render(values);
    }

    /** "“Garissa”", "“Garissa” or “Kenyatta”". */
    static String quoted(List<String> names) {
        List<String> q = names.stream().map(n -> "“" + n + "”").toList();
        if (q.size() <= 1) {
            return String.join("", q);
        }
        return q.subList(0, q.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + q.get(q.size() - 1);
    }

    /** "this week" as the question said it; "recent events" for a cue that names no span ("recently", "just"). */
    static String cue(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        return lower.matches("(?:this|last|past) (?:week|weekend|month)|today|tonight|yesterday|this morning")
                ? lower : "recent events";
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
