package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.QueryCues;
import dev.newsbot.search.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles yes/no questions ("Does The Verge report X, while TechCrunch says Y?") claim by claim. Each claim is
 * checked against the retrieved passages of the outlet it names (all passages when it names none): its support is
 * half the share of its weighted terms found in the best passage and title, half the embedding similarity of the
 * claim to that outlet's closest passage.
 *
 * <p>A question about the order of two reports ({@link ReportOrder}) is settled by the dates of the two
 * supporting articles once both claims are found well enough for a "Yes".
 *
 * <p>"Yes" when every claim has at least {@link ShortAnswerWeights#yesSupport}; "No" when some claim finds almost none of its
 * words ({@link ShortAnswerWeights#noCoverage}) although its outlet was searched; otherwise the articles do not settle it. Word overlap and similarity cannot tell a subtly false claim
 * from a true one, so the thresholds are kept where an answer is more often right than not, and the evidence is
 * always shown; a reader of meaning (an LLM, {@code answer.mode: llm}) is what would change it. Measured precision:
 * docs/quality.md.
 */
final class YesNoJudge {

    private static final ShortAnswerWeights W = ShortAnswerWeights.DEFAULT;

    /** The outcome: {@code "Yes."}, {@code "No."} or null when unsettled, and the evidence, one per claim. */
    record Verdict(String lead, List<Candidate> evidence) {
    }

    private final TextAnalyzer analyzer;
    private final NewsLexicon lexicon;
    private final SentenceScorer scorer;
    private final Embedder embedder;

    /** @param embedder embeds claims; null judges by words alone */
    YesNoJudge(TextAnalyzer analyzer, NewsLexicon lexicon, SentenceScorer scorer, Embedder embedder) {
        this.analyzer = analyzer;
        this.lexicon = lexicon;
        this.scorer = scorer;
        this.embedder = embedder;
    }

    Verdict judge(Question question, PassageStore store, List<RetrievedPassage> passages) {
        Optional<ReportOrder> order = ReportOrder.of(question.text(), store.outlets());
        List<String> claims = order.map(o -> List.of(o.first(), o.second()))
                .orElseGet(() -> QueryCues.clauses(question.text()));
        List<Candidate> bests = new ArrayList<>();
        double weakest = 1;
        boolean unsupported = false;
        for (String claim : claims.isEmpty() ? List.of(question.text()) : claims) {
            List<RetrievedPassage> scope = scope(claim, question, store, passages);
            String content = QueryCues.withoutOutlets(claim, store.outlets());
            Candidate best = best(content, question, store, scope);
            bests.add(best);
            if (best == null) {
                weakest = 0;
                continue;
            }
            weakest = Math.min(weakest, 0.5 * best.context() + 0.5 * similarity(content, store, scope));
            unsupported |= best.context() < W.noCoverage();
        }
        String lead = unsupported ? "No." : weakest >= W.yesSupport() ? "Yes." : null;
        if (!unsupported && weakest >= W.yesSupport() && order.isPresent()) {
            lead = order.get().answer(bests.get(0).from().article().publishedDate(),
                    bests.get(1).from().article().publishedDate()).orElse(lead);
        }
        return new Verdict(lead, distinct(bests));
    }

    /** The claims' supporting sentences, each once, in claim order. */
    private static List<Candidate> distinct(List<Candidate> bests) {
        List<Candidate> evidence = new ArrayList<>();
        bests.stream().filter(Objects::nonNull).filter(b -> evidence.stream().noneMatch(e -> e.text().equals(b.text())))
                .forEach(evidence::add);
        return evidence;
    }

    private static List<RetrievedPassage> scope(String claim, Question question, PassageStore store,
                                                List<RetrievedPassage> passages) {
        QueryCues cues = QueryCues.of(claim, store.outlets(), question.askedOn());
        return cues.outlets().isEmpty() ? passages
                : passages.stream().filter(p -> cues.namesOutlet(p.article().source())).toList();
    }

    /** The sentence that best supports one claim; null when there is none. */
    private Candidate best(String claim, Question question, PassageStore store, List<RetrievedPassage> scope) {
        QuestionProfile profile = new QuestionProfile(new Question(claim, question.askedOn(), question.setName(), null),
                analyzer, lexicon, store);
        List<Candidate> ranked = new ArrayList<>(scorer.score(profile, scope));
        ranked.sort((a, b) -> Double.compare(b.coverage(), a.coverage()));
        return ranked.isEmpty() ? null : ranked.get(0);
    }

    private double similarity(String claim, PassageStore store, List<RetrievedPassage> scope) {
        if (embedder == null) {
            return 0.5;
        }
        float[] vector = embedder.embed(claim);
        return scope.stream().mapToDouble(p -> store.similarity(vector, p.row())).max().orElse(0);
    }
}
