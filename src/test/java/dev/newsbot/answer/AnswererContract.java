package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.embedding.HashingEmbedder;
import dev.newsbot.search.RetrievedPassage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Answerer} promises, run by each implementation: an answer's every sentence cites a numbered
 * source, the sources are numbered from 1 in order and are passages it was given, no sentence appears twice, and
 * with nothing to go on it declines with a reason.
 */
public abstract class AnswererContract {

    protected static final IndexedSet STORE = TestSets.index("news", TestSets.news());
    protected static final Question QUAKE =
            Question.of("How many people were killed in the Port Elma earthquake?", LocalDate.of(2022, 6, 30), "news");
    /** A cited answer to {@link #QUAKE} taken from the earthquake article, for answerers that are scripted. */
    protected static final String QUAKE_ANSWER = "Officials said 12 people were killed and 40 were injured [1].";

    private static final HashingEmbedder EMBEDDER = new HashingEmbedder();

    /** The implementation under test. */
    protected abstract Answerer answerer();

    /** Called before a question the passages answer; an answerer backed by a scripted model is told its reply. */
    protected void willReply(String reply) {
    }

    @Test
    void should_answer_from_the_passages_with_every_sentence_cited() {
        willReply(QUAKE_ANSWER);
        List<RetrievedPassage> given = passages(STORE, QUAKE, "quake", "budget", "final");

        Draft draft = answerer().write(QUAKE, STORE, given);

        assertThat(draft.refused()).isFalse();
        assertThat(draft.sentences()).extracting(AnswerSentence::text).anyMatch(s -> s.contains("12 people"));
        List<Integer> numbers = draft.citations().stream().map(Citation::n).toList();
        assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(draft.sentences()).allSatisfy(s -> assertThat(numbers).containsAll(s.sources()));
        Set<String> quotes = new HashSet<>();
        given.forEach(p -> quotes.add(p.passage().text()));
        assertThat(draft.citations()).allSatisfy(c -> assertThat(quotes).contains(c.quote()));
        assertThat(draft.sentences()).extracting(AnswerSentence::text).doesNotHaveDuplicates();
        assertThat(draft.confidence()).isBetween(0.0, 1.0);
        assertThat(draft.mode()).isNotBlank();
    }

    @Test
    void should_decline_with_a_reason_when_given_no_passages() {
        Draft draft = answerer().write(QUAKE, STORE, List.of());

        assertThat(draft.refused()).isTrue();
        assertThat(draft.why()).isNotNull();
        assertThat(draft.citations()).isEmpty();
    }

    @Test
    void should_name_its_variant() {
        assertThat(answerer().variant()).isNotBlank();
    }

    /** The passages of the named articles, in this order, as retrieval would give them for {@code question}. */
    public static List<RetrievedPassage> passages(IndexedSet store, Question question, String... articleIds) {
        float[] q = EMBEDDER.embed(question.text());
        List<RetrievedPassage> out = new ArrayList<>();
        for (String id : articleIds) {
            for (int row = 0; row < store.size(); row++) {
                if (store.article(row).id().equals(id)) {
                    out.add(new RetrievedPassage(row, store.passage(row), store.article(row), 1.0 / (out.size() + 1),
                            store.similarity(q, row), out.size() + 1, out.size() + 1));
                }
            }
        }
        return out;
    }
}
