package dev.newsbot.cache;

import dev.newsbot.answer.Question;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Identifies an answer: the normalised question, the article set and its content version, and the scope that
 * shapes the answer (question date, follow-up context, answer variant). Because the version is part of the key,
 * a reloaded set never serves answers cached from its old content.
 */
record CacheKey(String question, String followUpOf, String setName, String version, LocalDate askedOn,
                String variant) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s?!.]+$");

    static CacheKey of(Question q, String version, String variant) {
        return new CacheKey(normalise(q.text()), q.followUpOf() == null ? null : normalise(q.followUpOf()),
                q.setName(), version, q.askedOn(), variant);
    }

    /** Lower-case, collapsed white space, no trailing punctuation: "How many?" and "how  many" are one key. */
    static String normalise(String text) {
        String flat = SPACES.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return TRAILING.matcher(flat).replaceAll("");
    }
}
