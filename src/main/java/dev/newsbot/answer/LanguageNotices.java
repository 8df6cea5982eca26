package dev.newsbot.answer;

import dev.newsbot.config.PromptFiles;
import dev.newsbot.index.WordList;
import dev.newsbot.question.QuestionLanguage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a question asked in another language than English gets instead of an answer: the articles and the answerer
 * are English, so the asker reads, in their own language, that the bot answers questions asked in English. One
 * template per language {@link QuestionLanguage} names, {@code prompts/language/<ISO 639-1 code>.txt}, and
 * {@code prompts/language/other.txt}, in English, for a question in a language without one. Templates take no
 * placeholders. Thread-safe.
 */
public final class LanguageNotices {

    /** The folder of the templates, under the prompts folder. */
    public static final String FOLDER = "language/";
    /** The template of languages without their own. */
    public static final String OTHER = "other";

    private final QuestionLanguage language;
    private final Map<String, String> byLanguage;

    LanguageNotices(QuestionLanguage language, Map<String, String> byLanguage) {
        this.language = Objects.requireNonNull(language, "language");
        this.byLanguage = Map.copyOf(byLanguage);
        if (!this.byLanguage.containsKey(OTHER)) {
            throw new IllegalArgumentException("LanguageNotices needs the " + OTHER + " notice");
        }
    }

    /** Reads every template now, so a missing or malformed one stops the start with its file named. */
    public static LanguageNotices load(PromptFiles prompts) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (String iso : QuestionLanguage.isoCodes()) {
            byLanguage.put(iso, read(prompts, iso));
        }
        byLanguage.put(OTHER, read(prompts, OTHER));
        return new LanguageNotices(
                new QuestionLanguage(WordList.load(QuestionLanguage.class, QuestionLanguage.ENGLISH_WORDS_LIST)),
                byLanguage);
    }

    /** The notice for {@code question} when it is confidently not in English; empty for every English question. */
    public Optional<String> noticeFor(String question) {
        return language.notEnglish(question).map(this::noticeIn);
    }

    /** The notice in {@code language}, or the {@value #OTHER} one when that language has none. */
    String noticeIn(Locale language) {
        return byLanguage.getOrDefault(language.getLanguage(), byLanguage.get(OTHER));
    }

    private static String read(PromptFiles prompts, String name) {
        return prompts.load(FOLDER + name + ".txt", Set.of(), Set.of()).render();
    }
}
