package dev.newsbot.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation {@code questions.jsonl} file (see {@code shared/eval/FORMAT.md}). Text fields are
 * non-blank and lists are immutable, never null, and hold no null element.
 *
 * @param id          the question's identifier, unique within its file
 * @param question    the question as a user would ask it
 * @param askedOn     the day it was asked; "this week" in the question means the week before it
 * @param type        the question's category, such as {@code comparison} or {@code news-quiz}
 * @param answerable  false when the articles cannot answer it and the bot should say so
 * @param goldUrls    urls of the articles that hold the answer
 * @param answers     acceptable short answers ({@code yes}/{@code no} for some questions)
 * @param distractors wrong choices, which a correct answer must not state
 * @param evidence    gold fact sentences; often empty
 */
public record EvalQuestion(String id, String question, LocalDate askedOn, String type, boolean answerable,
                           List<String> goldUrls, List<String> answers, List<String> distractors,
                           List<String> evidence) {

    public EvalQuestion {
        requireText(id, "id");
        requireText(question, "question");
        Objects.requireNonNull(askedOn, "EvalQuestion.askedOn must not be null");
        requireText(type, "type");
        goldUrls = copy(goldUrls, "goldUrls");
        answers = copy(answers, "answers");
        distractors = copy(distractors, "distractors");
        evidence = copy(evidence, "evidence");
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, () -> "EvalQuestion." + field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("EvalQuestion." + field + " must not be blank");
        }
    }

    private static List<String> copy(List<String> values, String field) {
        Objects.requireNonNull(values, () -> "EvalQuestion." + field + " must not be null");
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("EvalQuestion." + field + " must not contain null");
        }
        return List.copyOf(values);
    }
}
