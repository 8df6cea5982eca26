package dev.newsbot.answer;

import dev.newsbot.index.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sentences of a news page that state nothing of the report and are never quoted as an answer: headlines and
 * section titles, photo captions and credits, bylines and reporters' notes, and links to other pages. The phrases
 * are read from {@code not-statements.txt}; the shapes of headlines, bylines and contact lines are patterns here.
 */
final class NotStatements {

    enum Kind { HEADLINE, CAPTION, BYLINE, BOILERPLATE }

    /**
     * A piece cut from an overlong sentence lacks a full stop too, but is far longer than a headline: a passage
     * holds at least 78 tokens of sentence.
     */
    static final int MAX_HEADLINE_WORDS = 40;
    static final int MAX_NOTE_WORDS = 25;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’'»)\\]]*$");
    /** "By Jane Doe, USA TODAY": "By" and capitalised words only ("By Monday, the river had risen" states). */
    private static final Pattern BYLINE = Pattern.compile(
            "^By\\s+\\p{Lu}[\\p{L}.'’-]*(?:[\\s,]+(?:\\p{Lu}[\\p{L}.'’-]*|and|&|of|for|the|de|van|von))*\\W*$");
    /** "Contact Jane Doe at jdoe@example.com", "Reach him at (302) 324-2785.": an e-mail address or a phone. */
    private static final Pattern CONTACT = Pattern.compile(
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+|^(?:To contact|Contact|Reach|Email|E-mail)\\b.*\\(?\\d{3}\\)?[ .-]\\d{3}-\\d{4}");
    private static final Pattern CAPTION;
    private static final Pattern BOILERPLATE;
    private static final Pattern OPENING;
    /**
     * A note on the writer: "Jane Doe is a breaking news reporter for ...", "Jane Doe covers the courts for USA
     * TODAY." Only short sentences count ({@link #MAX_NOTE_WORDS}), as a report about a reporter says more.
     */
    private static final Pattern ROLE;

    static {
        List<String> caption = new ArrayList<>();
        List<String> boilerplate = new ArrayList<>();
        List<String> opening = new ArrayList<>();
        List<String> role = new ArrayList<>();
        for (String line : WordList.lines(NotStatements.class, "not-statements.txt")) {
            String content = line.replaceFirst("#.*", "").strip();
            int colon = content.indexOf(':');
            if (content.isEmpty() || colon < 0) {
                continue;
            }
            String entries = content.substring(colon + 1).strip();
            switch (content.substring(0, colon)) {
                case "caption" -> caption.addAll(phrases(entries));
                case "boilerplate" -> boilerplate.addAll(phrases(entries));
                case "opening" -> opening.addAll(phrases(entries));
                case "role" -> role.addAll(List.of(entries.split("\\s+")));
                default -> throw new IllegalStateException("not-statements.txt has an unknown kind: " + line);
            }
        }
        CAPTION = anyOf("", caption);
        BOILERPLATE = anyOf("", boilerplate);
        OPENING = anyOf("^\\W*", opening);
        ROLE = Pattern.compile("^(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]*\\s+is\\s+(?:a|an|the)\\s+"
                + "(?:[\\p{L}-]+\\s+){0,5}?(?:" + String.join("|", role) + ")\\s+(?:for|at|with|on)\\s"
                + "|^(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3}covers\\s.*\\b(?:for|at)\\s+(?:the\\s+)?\\p{Lu}");
    }

    private NotStatements() {
    }

    /** What kind of non-statement {@code sentence} is, or empty when it may state something. */
    static Optional<Kind> of(String sentence) {
        String s = sentence.strip();
        if (CAPTION.matcher(s).find()) {
            return Optional.of(Kind.CAPTION);
        }
        int words = s.split("\\s+").length;
        if (BYLINE.matcher(s).matches() || ROLE.matcher(s).find() && words <= MAX_NOTE_WORDS) {
            return Optional.of(Kind.BYLINE);
        }
        if (OPENING.matcher(s).find() || BOILERPLATE.matcher(s).find() || CONTACT.matcher(s).find()) {
            return Optional.of(Kind.BOILERPLATE);
        }
        if (!SENTENCE_END.matcher(s).find() && words < MAX_HEADLINE_WORDS) {
            return Optional.of(Kind.HEADLINE);
        }
        return Optional.empty();
    }

    static boolean isStatement(String sentence) {
        return of(sentence).isEmpty();
    }

    private static List<String> phrases(String entries) {
        return List.of(entries.split("\\s*\\|\\s*"));
    }

    /** Any of {@code phrases} as whole words, case ignored, after {@code prefix}. */
    private static Pattern anyOf(String prefix, List<String> phrases) {
        List<String> quoted = phrases.stream()
                .map(p -> (Character.isLetterOrDigit(p.charAt(0)) ? "\\b" : "") + Pattern.quote(p)
                        + (Character.isLetterOrDigit(p.charAt(p.length() - 1)) ? "\\b" : ""))
                .toList();
        return Pattern.compile(prefix + "(?:" + String.join("|", quoted) + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
