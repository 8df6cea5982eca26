package dev.newsbot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its wording. ATTRIBUTE is a quality asked for by its kind ("what
 * colour", "what material"; {@link Attributes}).
 */
enum AnswerType {
    NUMBER, PERSON, DATE, PLACE, ATTRIBUTE, YES_NO, OTHER;

    private static final Pattern NUMBER_Q = Pattern.compile(
            "\\b(how (many|much|old|long|far|big|large|tall|high)|(what|which) (\\w+ )?(number|percentage|share|amount|age|sum|rate)"
                    + "|what was the (death )?toll|by how much)\\b");
    private static final Pattern PERSON_Q = Pattern.compile("^(who|whom|whose)\\b|\\b(who|whom|whose) (is|was|were|did|has|had)\\b");
    private static final Pattern DATE_Q = Pattern.compile("^when\\b|\\b(what|which) (year|day|date|month|time)\\b");
    private static final Pattern PLACE_Q = Pattern.compile(
            "^where\\b|\\b(what|which) (country|city|state|town|nation|place|region|county|island|continent)\\b");
    /** A sentence end: "?" or "!", or a full stop after a word of four letters or more, or an acronym ("Rep. Patrick" is no end). */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?:(?<=[?!])|(?<=(?:\\p{L}{4}|\\p{Lu}{2}|\\d|[”\"’)])\\.))\\s+(?=[\\p{Lu}\"“])");
    private static final Pattern YES_NO_Q = Pattern.compile(
            "^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\\b");

    static AnswerType of(String question) {
        return ofAsking(askingPart(question));
    }

    /** The kind of fact asked for by {@code asking}, the {@link #askingPart} of a question. */
    static AnswerType ofAsking(String asking) {
        String q = asking.toLowerCase(Locale.ROOT);
        if (Attributes.asked(q).isPresent()) {
            return ATTRIBUTE;
        }
        if (NUMBER_Q.matcher(q).find()) {
            return NUMBER;
        }
        if (DATE_Q.matcher(q).find()) {
            return DATE;
        }
        if (PLACE_Q.matcher(q).find()) {
            return PLACE;
        }
        if (PERSON_Q.matcher(q).find()) {
            return PERSON;
        }
        return YES_NO_Q.matcher(q).find() ? YES_NO : OTHER;
    }

    /**
     * The sentence of a question that asks it: quiz questions often set the scene first ("Gas prices hit a record
     * this week. How much does a gallon cost?"), so this is the last sentence with a question mark, else the text.
     */
    static String askingPart(String question) {
        String[] sentences = SENTENCE_END.split(question.strip());
        for (int i = sentences.length - 1; i >= 0; i--) {
            if (sentences[i].contains("?")) {
                return sentences[i].strip();
            }
        }
        return question.strip();
    }
}
