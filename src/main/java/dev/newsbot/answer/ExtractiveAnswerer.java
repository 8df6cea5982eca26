package dev.newsbot.answer;

import dev.newsbot.articles.Article;
import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.question.TimeCue;
import dev.newsbot.search.QueryCues;
import dev.newsbot.search.RetrievedPassage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The default, offline answerer: it answers with one to three sentences taken word for word from the retrieved
 * passages, each cited to the article it came from, and declines when the best evidence is weak.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String MODE = NewsbotConfig.AnswerSettings.EXTRACTIVE;
    private static final java.util.regex.Pattern WHICH_OF_THEM = java.util.regex.Pattern.compile(
            "\\bwhich (?:one|of (?:the|these|them)|article|report|outlet|publication|source|narrative|story)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** The lead of a yes/no answer when the evidence supports neither. */
    private static final SentenceWeights SENTENCES = SentenceWeights.DEFAULT;
    private static final AnswerabilityWeights RULES = AnswerabilityWeights.DEFAULT;
    static final String UNSETTLED = "The articles do not settle this; here is what they say.";

    private final TextAnalyzer analyzer;
    private final SentenceScorer scorer;
    private final NewsLexicon lexicon;
    private final YesNoJudge judge;
    private final int maxSentences;
    private final Answerability answerability;

    /** With the bundled answerability model and its own threshold. */
    public ExtractiveAnswerer(TextAnalyzer analyzer, int maxSentences) {
        this(analyzer, maxSentences, Answerability.bundled(), null);
    }

    /**
     * @param maxSentences     at most this many sentences per answer (1 to 3)
     * @param refusalThreshold below this probability of answerability (0 to 1) the answerer declines
     */
    public ExtractiveAnswerer(TextAnalyzer analyzer, int maxSentences, double refusalThreshold) {
        this(analyzer, maxSentences, Answerability.bundled().withThreshold(refusalThreshold), null);
    }

    /**
     * @param answerability weighs the evidence into the probability that the articles answer, and declines below
     *                      its threshold
     * @param claimEmbedder embeds the claims of yes/no questions to weigh their support; null for words only
     */
    public ExtractiveAnswerer(TextAnalyzer analyzer, int maxSentences, Answerability answerability,
                              Embedder claimEmbedder) {
        if (maxSentences < 1 || maxSentences > 3) {
            throw new IllegalArgumentException("maxSentences must be 1 to 3, was " + maxSentences);
        }
        this.analyzer = analyzer;
        this.scorer = new SentenceScorer(analyzer);
        this.lexicon = new NewsLexicon(analyzer);
        this.judge = new YesNoJudge(analyzer, lexicon, scorer, claimEmbedder);
        this.maxSentences = maxSentences;
        this.answerability = Objects.requireNonNull(answerability, "answerability");
    }

    @Override
    public Draft write(Question question, PassageStore store, List<RetrievedPassage> passages) {
        QuestionProfile profile = new QuestionProfile(question, analyzer, lexicon, store);
        Optional<TimeCue> cue = TimeCue.of(question.text(), question.askedOn());
        Optional<Refusal> stale = stale(cue, store, question);
        if (stale.isPresent()) {
            return Draft.refusal(0, MODE, Map.of(), stale.get());
        }
        List<Candidate> candidates = scorer.score(profile, passages);
        Map<String, Double> evidence = candidates.isEmpty() ? Evidence.none(profile, store, question.askedOn())
                : Evidence.of(profile, candidates.get(0), passages, store, analyzer, cue, question.askedOn());
        double confidence = answerability.probability(evidence);
        List<String> unknown = profile.unknownNames();
        if (candidates.isEmpty() || confidence < answerability.threshold()
                || profile.unknownNameShare >= RULES.unknownNameShare()
                || asksOnlyAboutTheUnknown(unknown, question)) {
            return Draft.refusal(confidence, MODE, evidence,
                    unknown.isEmpty() ? Refusal.notFound(profile.namesAsWritten()) : Refusal.unknownNames(unknown));
        }
        return answer(question, store, passages, profile, candidates, confidence).withEvidence(evidence);
    }

    /**
     * Whether a question of one part names something no article mentions at all ("How many people died in the
     * Garissa university attack?" asked of the Westgate article): the articles are about something else, whatever
     * the rest matches. A question of several parts may name such a thing in one part and find its evidence for
     * another, so it is spared (counts on the dev sets: docs/quality.md).
     */
    private static boolean asksOnlyAboutTheUnknown(List<String> unknownNames, Question question) {
        return !unknownNames.isEmpty() && QueryCues.clauses(question.text()).isEmpty();
    }

    /**
     * A question about a time relative to its asking ("this week", "recently") that began after the set's
     * newest article, give or take {@link AnswerabilityWeights#staleGraceDays}: the set cannot have the news it asks about.
     */
    static Optional<Refusal> stale(Optional<TimeCue> cue, PassageStore store, Question question) {
        if (cue.isEmpty() || cue.get().explicit()) {
            return Optional.empty();
        }
        return Evidence.newestBefore(store, question.askedOn()).filter(d -> d.plusDays(RULES.staleGraceDays()).isBefore(cue.get().from()))
                .map(d -> Refusal.stale(d, cue.get().phrase()));
    }

    private Draft answer(Question question, PassageStore store, List<RetrievedPassage> passages,
                         QuestionProfile profile, List<Candidate> candidates, double confidence) {
        if (profile.type == AnswerType.YES_NO) {
            return yesNo(question, store, passages, confidence);
        }
        QueryCues cues = QueryCues.of(question.text(), store.outlets(), question.askedOn());
        boolean multiSource = cues.outlets().size() > 1 || !cues.clauses().isEmpty();
        List<Candidate> chosen = choose(profile, candidates, multiSource);
        addNamedOutlets(cues, candidates, chosen);
        if (asksWhichOutlet(question, cues)) {
            return withOutletAnswer(cite(chosen, confidence));
        }
        Optional<String> shortAnswer = SentenceScorer.isBackground(profile, chosen.get(0).from(), chosen.get(0).text())
                ? Optional.empty() : ShortAnswer.of(profile, chosen.get(0).text(), passages)
                .map(answer -> FullNames.expand(answer, chosen.get(0), passages))
                .filter(answer -> !opensWith(chosen.get(0).text(), answer));
        Draft draft = cite(chosen, confidence);
        return shortAnswer.map(answer -> withShortAnswer(answer, draft)).orElse(draft);
    }

    /**
     * Puts a quiz-style short answer ("6 months") in front, cited like the sentence it was taken from, when the
     * first sentence states it and does not already start with it, and no sentence of the answer is the same.
     */
    private static Draft withShortAnswer(String answer, Draft draft) {
        String lead = answer.endsWith(".") ? answer : answer + ".";
        String same = SentenceScorer.sameText(lead);
        if (draft.sentences().stream().anyMatch(s -> SentenceScorer.sameText(s.text()).equals(same))) {
            return draft;
        }
        List<AnswerSentence> sentences = new ArrayList<>();
        sentences.add(new AnswerSentence(lead, draft.sentences().get(0).sources()));
        sentences.addAll(draft.sentences());
        return new Draft(sentences, draft.citations(), draft.confidence(), draft.mode());
    }

    /** Whether {@code sentence} opens with {@code answer} as a whole word, not "Japan’s" for "Japan". */
    static boolean opensWith(String sentence, String answer) {
        if (!sentence.startsWith(answer)) {
            return false;
        }
        String rest = sentence.substring(answer.length());
        return rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0)) && !rest.matches("^['’]s\\b.*");
    }

    /** "Between The Age's report and Polygon's, which one says X?": the answer is one of the named outlets. */
    static boolean asksWhichOutlet(Question question, QueryCues cues) {
        return cues.outlets().size() >= 2 && WHICH_OF_THEM.matcher(question.text()).find();
    }

    /** Names the outlet of the best-supported sentence first, cited like that sentence. */
    private static Draft withOutletAnswer(Draft draft) {
        AnswerSentence first = draft.sentences().get(0);
        String outlet = draft.citations().get(first.sources().get(0) - 1).article().source();
        List<AnswerSentence> sentences = new ArrayList<>();
        sentences.add(new AnswerSentence(outlet + ".", first.sources()));
        sentences.addAll(draft.sentences());
        return new Draft(sentences, draft.citations(), draft.confidence(), draft.mode());
    }

    /**
     * For a question that names several outlets ("as reported by TechCrunch and The Verge"), adds the best
     * sentence of each named outlet not yet cited, so the answer cites every source it was asked about.
     */
    private static void addNamedOutlets(QueryCues cues, List<Candidate> candidates, List<Candidate> chosen) {
        if (cues.outlets().size() < 2) {
            return;
        }
        for (String outlet : cues.outlets()) {
            boolean cited = chosen.stream().anyMatch(c -> outlet.equalsIgnoreCase(c.from().article().source()));
            candidates.stream().filter(c -> !cited && outlet.equalsIgnoreCase(c.from().article().source()))
                    .filter(c -> c.score() >= SENTENCES.namedOutlet() * chosen.get(0).score())
                    .findFirst().ifPresent(chosen::add);
        }
    }

    /**
     * The best sentence, then up to {@code maxSentences - 1} more that score nearly as well, hold the asked kind of
     * fact, and add question terms or another source. Unless the question asks about several sources, further
     * sentences come only from articles already cited, so a single-topic answer stays with its article.
     */
    private List<Candidate> choose(QuestionProfile profile, List<Candidate> candidates, boolean multiSource) {
        Candidate best = candidates.get(0);
        List<Candidate> chosen = new ArrayList<>(List.of(best));
        int limit = profile.type == AnswerType.OTHER || multiSource ? maxSentences : Math.min(2, maxSentences);
        antecedent(profile, best).ifPresent(before -> chosen.add(0, before));
        Set<String> covered = new HashSet<>(best.terms());
        Set<String> articles = new HashSet<>(Set.of(best.from().article().id()));
        for (Candidate c : candidates.subList(1, candidates.size())) {
            if (chosen.size() == limit || c.score() < SENTENCES.furtherSentence() * best.score()) {
                break;
            }
            String text = SentenceScorer.sameText(c.text());
            if (chosen.stream().anyMatch(x -> SentenceScorer.sameText(x.text()).equals(text))) {
                continue;
            }
            boolean newTerms = profile.weights.keySet().stream().anyMatch(t -> c.terms().contains(t) && !covered.contains(t));
            boolean newSource = !articles.contains(c.from().article().id());
            if (c.typeMatch() > 0 && (multiSource ? newTerms || newSource : newTerms && !newSource)) {
                chosen.add(c);
                covered.addAll(c.terms());
                articles.add(c.from().article().id());
            }
        }
        return chosen;
    }

    /**
     * A yes/no question: "Yes." or "No." first when the evidence settles it, citing the sentences that support each
     * of its claims; otherwise a plain statement that the articles do not settle it, with the same evidence.
     */
    private Draft yesNo(Question question, PassageStore store, List<RetrievedPassage> passages, double confidence) {
        YesNoJudge.Verdict verdict = judge.judge(question, store, passages);
        if (verdict.evidence().isEmpty()) {
            return Draft.refusal(confidence, MODE);
        }
        Draft evidence = cite(verdict.evidence(), confidence);
        List<Integer> all = evidence.citations().stream().map(Citation::n).toList();
        String lead = verdict.lead() != null ? verdict.lead() : UNSETTLED;
        List<AnswerSentence> sentences = new ArrayList<>(List.of(new AnswerSentence(lead, all)));
        sentences.addAll(evidence.sentences());
        return new Draft(sentences, evidence.citations(), confidence, MODE);
    }

    /**
     * The sentence before {@code best} in its passage, when {@code best} refers back to the asked thing and that
     * sentence names something the question does not.
     */
    private static Optional<Candidate> antecedent(QuestionProfile profile, Candidate best) {
        List<String> sentences = best.from().passage().sentences();
        int at = sentences.indexOf(best.text());
        if (at < 1 || !profile.refersBack(best.text())) {
            return Optional.empty();
        }
        String before = sentences.get(at - 1);
        if (!NotStatements.isStatement(before) || !profile.typeMatches(before)) {
            return Optional.empty();
        }
        return Optional.of(new Candidate(best.from(), best.passageRank(), before, Set.of(), 0, best.context(), 1,
                best.score()));
    }

    /** Quotes each chosen sentence once, cited to its article: a second copy of the same text is left out. */
    private static Draft cite(List<Candidate> chosen, double confidence) {
        Map<String, Integer> numberOf = new LinkedHashMap<>();
        Map<String, Article> articleOf = new LinkedHashMap<>();
        Map<String, Set<String>> quotes = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        Set<String> quoted = new HashSet<>();
        for (Candidate c : chosen) {
            if (!quoted.add(SentenceScorer.sameText(c.text()))) {
                continue;
            }
            Article article = c.from().article();
            int n = numberOf.computeIfAbsent(article.id(), id -> numberOf.size() + 1);
            articleOf.putIfAbsent(article.id(), article);
            quotes.computeIfAbsent(article.id(), id -> new LinkedHashSet<>()).add(c.from().passage().text());
            sentences.add(new AnswerSentence(c.text(), List.of(n)));
        }
        List<Citation> citations = new ArrayList<>();
        numberOf.forEach((id, n) -> citations.add(new Citation(n, articleOf.get(id), String.join(" … ", quotes.get(id)))));
        return new Draft(sentences, citations, confidence, MODE);
    }
}
