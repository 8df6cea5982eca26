package dev.newsbot.question;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a question written in another language from one written in English, and names the language, with Lingua
 * over a fixed list of languages. It errs towards English: people type English in lower case, with typos and
 * foreign names, and such a question must never get a notice instead of an answer.
 *
 * <p>A question counts as not English when it is written mostly in another script than Latin (Cyrillic, Arabic,
 * Chinese, ...) with at least {@value #MIN_OTHER_SCRIPT_LETTERS} letters, or when it has at least
 * {@value #MIN_WORDS} words and {@value #MIN_LATIN_LETTERS} Latin letters, fewer than {@value #ENGLISH_WORDS}
 * English function words, and Lingua's most likely language is not English and leads the runner-up by
 * {@value #MINIMUM_RELATIVE_DISTANCE} and English by {@value #MINIMUM_LEAD_OVER_ENGLISH}. Lingua's confidences
 * put the best language at 1.0; Kenyan and Somali names pull English questions towards Swahili ("William Ruto
 * Uhuru Kenyatta ICC" is Swahili 1.0, English 0.90), which the lead over English keeps English.
 *
 * <p>Thread-safe. Lingua loads a language's models when a question first needs them, once per process: about
 * 28 MB of heap and half a second to a second of work for each language of the question's script. Questions with
 * enough English function words never reach Lingua; a question in the Latin script is first read by Lingua's quick
 * mode (trigram models only), and one that it reads as English never loads the full models.
 */
public final class QuestionLanguage {

    /**
     * The languages told apart. Only their models are bundled in the fat jar: the lingua filter of the
     * maven-shade-plugin in pom.xml lists the same ISO 639-1 codes.
     */
    static final List<Language> LANGUAGES = List.of(Language.ENGLISH, Language.FRENCH, Language.SPANISH,
            Language.GERMAN, Language.RUSSIAN, Language.ARABIC, Language.PORTUGUESE, Language.SWAHILI,
            Language.ITALIAN, Language.DUTCH, Language.TURKISH, Language.CHINESE, Language.JAPANESE,
            Language.UKRAINIAN, Language.POLISH);
    /** How far Lingua's best language must lead the runner-up; closer calls are English. */
    static final double MINIMUM_RELATIVE_DISTANCE = 0.1;
    /** How far Lingua's best language must lead English; closer calls are English. */
    static final double MINIMUM_LEAD_OVER_ENGLISH = 0.14;
    static final int MIN_WORDS = 3;
    static final int MIN_LATIN_LETTERS = 12;
    static final int MIN_OTHER_SCRIPT_LETTERS = 4;
    /** With this many English function words a question is English, whatever its names look like. */
    static final int ENGLISH_WORDS = 2;
    /** The bundled list of English function words, beside this class; read it with the word-list reader. */
    public static final String ENGLISH_WORDS_LIST = "english-only-words.txt";

    /**
     * How far English must lead every other language in Lingua's quick mode (trigram models only, a tenth of the
     * loading time) for a question to be English without the full models: English must be the quick mode's best
     * guess. Every foreign question in the tests trails English there by 0.14 or more; what the quick mode does not
     * settle goes to the full models, as before (figures: docs/performance.md).
     */
    static final double QUICK_ENGLISH_LEAD = 0.0;

    private final Set<String> englishWords;
    /** Built at the first question that reaches Lingua, so that English questions never load it. */
    private LanguageDetector detector;
    /** Lingua's quick mode, built like {@link #detector}. */
    private LanguageDetector quick;

    /**
     * @param englishWords lower-case function words that English writes and none of the other languages told apart
     *                     do (the list {@value #ENGLISH_WORDS_LIST}); a question with {@value #ENGLISH_WORDS} of
     *                     them is English
     */
    public QuestionLanguage(Set<String> englishWords) {
        this.englishWords = Set.copyOf(Objects.requireNonNull(englishWords, "englishWords"));
    }

    private synchronized LanguageDetector detector() {
        if (detector == null) {
            detector = languages().withMinimumRelativeDistance(MINIMUM_RELATIVE_DISTANCE).build();
        }
        return detector;
    }

    private static LanguageDetectorBuilder languages() {
        return LanguageDetectorBuilder.fromLanguages(LANGUAGES.toArray(Language[]::new));
    }

    private synchronized LanguageDetector quick() {
        if (quick == null) {
            quick = languages().withLowAccuracyMode().build();
        }
        return quick;
    }

    /** Whether Lingua's quick mode puts English ahead of every other language by {@link #QUICK_ENGLISH_LEAD}. */
    private boolean quicklyEnglish(String text) {
        Map<Language, Double> confidences = quick().computeLanguageConfidenceValues(text);
        double english = confidences.getOrDefault(Language.ENGLISH, 0.0);
        double other = confidences.entrySet().stream().filter(e -> e.getKey() != Language.ENGLISH)
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        return english - other > QUICK_ENGLISH_LEAD;
    }

    /**
     * The language {@code text} is written in when it is confidently not English: its ISO 639-1 language, or
     * {@link Locale#ROOT} when it is in another script than Latin but in none of {@link #isoCodes()}. Empty for
     * English, and for text too short or too mixed to tell.
     */
    public Optional<Locale> notEnglish(String text) {
        Letters letters = Letters.of(text);
        if (letters.otherScript() >= MIN_OTHER_SCRIPT_LETTERS && letters.otherScript() >= letters.latin()) {
            return Optional.of(detected(text).orElse(Locale.ROOT));
        }
        List<String> words = words(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        if (words.size() < MIN_WORDS || letters.latin() < MIN_LATIN_LETTERS
                || words.stream().filter(englishWords::contains).distinct().count() >= ENGLISH_WORDS
                || quicklyEnglish(text)) {
            return Optional.empty();
        }
        return detected(text);
    }

    /** The ISO 639-1 codes of the languages other than English it names, in a fixed order. */
    public static List<String> isoCodes() {
        return LANGUAGES.stream().filter(l -> l != Language.ENGLISH).map(QuestionLanguage::iso).toList();
    }

    private Optional<Locale> detected(String text) {
        Language language = detector().detectLanguageOf(text);
        if (language == Language.UNKNOWN || language == Language.ENGLISH
                || leadOverEnglish(text) < MINIMUM_LEAD_OVER_ENGLISH) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(iso(language)));
    }

    private double leadOverEnglish(String text) {
        return 1.0 - detector().computeLanguageConfidenceValues(text).getOrDefault(Language.ENGLISH, 0.0);
    }

    private static String iso(Language language) {
        return language.getIsoCode639_1().toString();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}']+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Letters in the Latin script and letters in any other. */
    private record Letters(int latin, int otherScript) {

        static Letters of(String text) {
            int latin = 0;
            int other = 0;
            for (int cp : text.codePoints().filter(Character::isLetter).toArray()) {
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    other++;
                }
            }
            return new Letters(latin, other);
        }
    }
}
