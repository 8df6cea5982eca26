package dev.newsbot.answer.llm;

import dev.newsbot.answer.Question;
import dev.newsbot.answer.RefusalTexts;
import dev.newsbot.articles.Article;
import dev.newsbot.config.PromptFiles;
import dev.newsbot.config.Template;
import dev.newsbot.search.RetrievedPassage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The prompts that ask a language model for a cited answer, read from the operator's {@code prompts/} folder (or
 * the bundled copies): {@code llm/system.txt}, {@code llm/answer.txt}, and {@code refusal.txt}, whose wording the
 * user sees when the model declines. Each is checked when loaded: an unknown or missing placeholder stops the
 * start with an error naming the file and the placeholder.
 *
 * <p>Passages are rendered as data, never as instructions: each is fenced in a labelled
 * {@code <passage n="..." outlet="..." date="..." title="...">} element, and any passage tag inside article text
 * is neutralised so that an article cannot close its fence.
 */
public final class LlmPrompts {

    public static final String SYSTEM = "llm/system.txt";
    public static final String ANSWER = "llm/answer.txt";
    public static final String REFUSAL = "refusal.txt";
    /** The reply that tells the model's refusal apart from an answer; the system prompt must name it. */
    public static final String NO_ANSWER = "NO_ANSWER";

    static final Set<String> SYSTEM_REQUIRED = Set.of("no_answer");
    static final Set<String> SYSTEM_OPTIONAL = Set.of("max_sentences");
    static final Set<String> ANSWER_REQUIRED = Set.of("question", "asked_on", "passages");
    static final Set<String> ANSWER_OPTIONAL = Set.of("set");

    private static final Pattern PASSAGE_TAG = Pattern.compile("<\\s*(/?)\\s*(passages?)\\b", Pattern.CASE_INSENSITIVE);

    private final Template system;
    private final Template answer;
    private final String hash;

    private LlmPrompts(Template system, Template answer, String hash) {
        this.system = system;
        this.answer = answer;
        this.hash = hash;
    }

    /** Reads and checks the three templates. */
    public static LlmPrompts load(PromptFiles files) {
        Template system = files.load(SYSTEM, SYSTEM_REQUIRED, SYSTEM_OPTIONAL);
        Template answer = files.load(ANSWER, ANSWER_REQUIRED, ANSWER_OPTIONAL);
        files.load(REFUSAL, Set.of("set"), RefusalTexts.PLACEHOLDERS);
        String all = files.read(SYSTEM) + "\u0000" + files.read(ANSWER) + "\u0000" + files.read(REFUSAL);
        return new LlmPrompts(system, answer, sha256(all).substring(0, 12));
    }

    /** A short hash of the three files' text: it changes whenever an operator edits one. */
    public String hash() {
        return hash;
    }

    String system(int maxSentences) {
        return system.render(Map.of("no_answer", NO_ANSWER, "max_sentences", String.valueOf(maxSentences)));
    }

    String answer(Question question, List<RetrievedPassage> passages) {
        return answer.render(Map.of("question", question.text(), "asked_on", question.askedOn().toString(),
                "passages", passages(passages), "set", question.setName()));
    }

    static String passages(List<RetrievedPassage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            out.append(passage(i + 1, passages.get(i))).append("\n\n");
        }
        return out.toString().strip();
    }

    static String passage(int n, RetrievedPassage passage) {
        Article article = passage.article();
        String outlet = article.source() == null ? "unknown" : article.source();
        String date = article.publishedDate().map(Object::toString).orElse("unknown");
        return "<passage n=\"" + n + "\" outlet=\"" + attribute(outlet) + "\" date=\"" + date + "\" title=\""
                + attribute(article.title()) + "\">\n" + neutralise(passage.passage().text()) + "\n</passage>";
    }

    /** Article text with every passage tag made harmless, so no text can close or open a fence. */
    static String neutralise(String text) {
        return PASSAGE_TAG.matcher(text).replaceAll("‹$1$2");
    }

    private static String attribute(String value) {
        return neutralise(value).replace("\"", "'").replace("\n", " ");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
