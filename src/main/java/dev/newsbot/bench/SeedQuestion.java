package dev.newsbot.bench;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A question the benchmark asks, with the day it is asked on.
 *
 * @param text    the question
 * @param askedOn its day; newer articles are not searched
 */
public record SeedQuestion(String text, LocalDate askedOn) {

    public SeedQuestion {
        Objects.requireNonNull(text, "SeedQuestion.text must not be null");
        Objects.requireNonNull(askedOn, "SeedQuestion.askedOn must not be null");
        if (text.isBlank()) {
            throw new IllegalArgumentException("SeedQuestion.text must not be blank");
        }
    }
}
