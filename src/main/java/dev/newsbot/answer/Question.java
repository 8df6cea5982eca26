package dev.newsbot.answer;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A question to answer from one article set.
 *
 * @param text       the question as asked
 * @param askedOn    the day it was asked: articles published after it are never used, and "this week" or
 *                   "recently" mean the days before it
 * @param setName    the article set to search
 * @param followUpOf the earlier question this one follows up, or null
 */
public record Question(String text, LocalDate askedOn, String setName, String followUpOf) {

    public Question {
        Objects.requireNonNull(text, "Question.text must not be null");
        Objects.requireNonNull(askedOn, "Question.askedOn must not be null");
        Objects.requireNonNull(setName, "Question.setName must not be null");
        if (text.isBlank()) {
            throw new IllegalArgumentException("Question.text must not be blank");
        }
        text = text.strip();
        followUpOf = followUpOf == null || followUpOf.isBlank() ? null : followUpOf.strip();
    }

    public static Question of(String text, LocalDate askedOn, String setName) {
        return new Question(text, askedOn, setName, null);
    }

    /** The text retrieval searches with: the earlier question in front of a follow-up. */
    public String searchText() {
        return followUpOf == null ? text : followUpOf + " " + text;
    }
}
