package dev.newsbot.bench;

import dev.newsbot.index.Passage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The questions a benchmark asks: real questions when it has them (at most half), the rest made from article
 * sentences: a question word and a run of six to ten of the sentence's words ("How many people were killed in
 * the mall?"), in random order.
 */
final class BenchQuestions {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’-]+");
    private static final List<String> WH_WORDS = List.of("What", "Who", "Where", "When", "Which");
    private static final int MIN_WORDS = 6;

    private BenchQuestions() {
    }

    /** {@code count} questions: up to half from {@code real}, the rest from the sentences of {@code passages}. */
    static List<SeedQuestion> build(List<SeedQuestion> real, List<Passage> passages, LocalDate askedOn, int count,
                                    Random random) {
        List<SeedQuestion> shuffled = new ArrayList<>(real);
        Collections.shuffle(shuffled, random);
        List<SeedQuestion> questions = new ArrayList<>(shuffled.subList(0, Math.min(shuffled.size(), count / 2)));
        List<String> sentences = sentences(passages);
        if (sentences.isEmpty() && questions.size() < count) {
            throw new IllegalArgumentException("the articles have no sentence of " + MIN_WORDS
                    + " words or more to make questions from");
        }
        while (questions.size() < count) {
            questions.add(new SeedQuestion(fromSentence(sentences.get(random.nextInt(sentences.size())), random),
                    askedOn));
        }
        Collections.shuffle(questions, random);
        return questions;
    }

    /** A question made of a random run of the sentence's words, asking "how many" when the run holds a number. */
    static String fromSentence(String sentence, Random random) {
        String[] words = words(sentence);
        int length = Math.min(words.length, MIN_WORDS + random.nextInt(5));
        int from = random.nextInt(words.length - length + 1);
        String run = String.join(" ", Arrays.asList(words).subList(from, from + length));
        String wh = run.chars().anyMatch(Character::isDigit) ? "How many"
                : WH_WORDS.get(random.nextInt(WH_WORDS.size()));
        return wh + " " + run + "?";
    }

    private static List<String> sentences(List<Passage> passages) {
        List<String> sentences = new ArrayList<>();
        for (Passage passage : passages) {
            for (String sentence : passage.sentences()) {
                if (words(sentence).length >= MIN_WORDS) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    private static String[] words(String sentence) {
        String flat = NOT_WORD.matcher(sentence).replaceAll(" ").strip();
        return flat.isEmpty() ? new String[0] : flat.split(" ");
    }
}
