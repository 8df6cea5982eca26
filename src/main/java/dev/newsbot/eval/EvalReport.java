package dev.newsbot.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one evaluation run, as computed by {@link Metrics}. Jackson writes it with the snake_case keys
 * named on each component, in component order, and reads it back the same way.
 *
 * <p>Every share is a number from 0 to 1, or null when no question qualifies for it (an empty denominator); the
 * definitions are on {@link Metrics}. The whole-run report has a {@code by_type} map (possibly empty, ordered by
 * type); the per-type reports in it have a null {@code byType}, which Jackson leaves out, and a null
 * {@code index_seconds}, since the index is built once for the whole run.
 *
 * @param questions         number of questions
 * @param answerable        number of answerable questions
 * @param unanswerable      number of unanswerable questions
 * @param docHitsAt1        share of answerable questions with a gold article ranked first
 * @param docHitsAt4        ... with a gold article among the top 4 distinct articles
 * @param docHitsAt10       ... with a gold article among the top 10
 * @param docMrrAt10        mean reciprocal rank of the first gold article within the top 10 (0 when none is)
 * @param docRecallAt10     mean share of gold articles among the top 10
 * @param answerAccuracy    share of answerable questions answered correctly
 * @param citationPrecision mean share of cited articles that are gold
 * @param citationRecall    mean share of gold articles that are cited
 * @param leadShare         share of answered questions whose reply opens with a short lead
 * @param leadPrecision     share of those leads that state a gold answer and no distractor
 * @param refusalRate       share of unanswerable questions refused
 * @param falseRefusalRate  share of answerable questions refused
 * @param indexSeconds      time to build the index, as measured by the caller; null when not measured
 * @param latencyMsP50      median answer time (nearest rank), or null with no questions
 * @param latencyMsP99      99th-percentile answer time (nearest rank), or null with no questions
 * @param byType            the same figures for each question type; null on the per-type reports themselves
 */
@JsonPropertyOrder({"questions", "answerable", "unanswerable", "doc_hits_at_1", "doc_hits_at_4", "doc_hits_at_10",
    "doc_mrr_at_10", "doc_recall_at_10", "answer_accuracy", "citation_precision", "citation_recall", "lead_share",
    "lead_precision", "refusal_rate", "false_refusal_rate", "index_seconds", "latency_ms_p50", "latency_ms_p99",
    "by_type"})
public record EvalReport(
        @JsonProperty("questions") int questions,
        @JsonProperty("answerable") int answerable,
        @JsonProperty("unanswerable") int unanswerable,
        @JsonProperty("doc_hits_at_1") Double docHitsAt1,
        @JsonProperty("doc_hits_at_4") Double docHitsAt4,
        @JsonProperty("doc_hits_at_10") Double docHitsAt10,
        @JsonProperty("doc_mrr_at_10") Double docMrrAt10,
        @JsonProperty("doc_recall_at_10") Double docRecallAt10,
        @JsonProperty("answer_accuracy") Double answerAccuracy,
        @JsonProperty("citation_precision") Double citationPrecision,
        @JsonProperty("citation_recall") Double citationRecall,
        @JsonProperty("lead_share") Double leadShare,
        @JsonProperty("lead_precision") Double leadPrecision,
        @JsonProperty("refusal_rate") Double refusalRate,
        @JsonProperty("false_refusal_rate") Double falseRefusalRate,
        @JsonProperty("index_seconds") Double indexSeconds,
        @JsonProperty("latency_ms_p50") Long latencyMsP50,
        @JsonProperty("latency_ms_p99") Long latencyMsP99,
        @JsonProperty("by_type") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, EvalReport> byType) {

    public EvalReport {
        if (questions < 0 || answerable < 0 || unanswerable < 0 || questions != answerable + unanswerable) {
            throw new IllegalArgumentException("EvalReport.questions must equal answerable + unanswerable, was "
                    + questions + " != " + answerable + " + " + unanswerable);
        }
        requireShare(docHitsAt1, "docHitsAt1");
        requireShare(docHitsAt4, "docHitsAt4");
        requireShare(docHitsAt10, "docHitsAt10");
        requireShare(docMrrAt10, "docMrrAt10");
        requireShare(docRecallAt10, "docRecallAt10");
        requireShare(answerAccuracy, "answerAccuracy");
        requireShare(citationPrecision, "citationPrecision");
        requireShare(citationRecall, "citationRecall");
        requireShare(leadShare, "leadShare");
        requireShare(leadPrecision, "leadPrecision");
        requireShare(refusalRate, "refusalRate");
        requireShare(falseRefusalRate, "falseRefusalRate");
        byType = byType == null ? null : Collections.unmodifiableMap(new TreeMap<>(byType));
    }

    private static void requireShare(Double value, String field) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("EvalReport." + field + " must be between 0 and 1, was " + value);
        }
    }
}
