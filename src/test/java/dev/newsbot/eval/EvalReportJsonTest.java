package dev.newsbot.eval;

import static dev.newsbot.eval.Cases.answerable;
import static dev.newsbot.eval.Cases.ranked;
import static dev.newsbot.eval.Cases.refused;
import static dev.newsbot.eval.Cases.unanswerable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportJsonTest {

    private static final List<String> KEYS = List.of("questions", "answerable", "unanswerable", "doc_hits_at_1",
            "doc_hits_at_4", "doc_hits_at_10", "doc_mrr_at_10", "doc_recall_at_10", "answer_accuracy",
            "citation_precision", "citation_recall", "lead_share", "lead_precision", "refusal_rate",
            "false_refusal_rate", "index_seconds",
            "latency_ms_p50", "latency_ms_p99", "by_type");

    private final ObjectMapper json = new ObjectMapper();

    private final EvalReport report = Metrics.compute(List.of(
            ranked(answerable("q1", "comparison", List.of("a"), List.of("x"), List.of()), List.of("b", "a")),
            refused(unanswerable("q2", "null"))), 3.25);

    @Test
    void should_write_exactly_the_listed_keys_in_order() throws Exception {
        JsonNode node = json.valueToTree(report);

        assertThat(fieldNames(node)).containsExactlyElementsOf(KEYS);
    }

    @Test
    void should_write_per_type_reports_with_the_same_keys_but_no_by_type() throws Exception {
        JsonNode byType = json.valueToTree(report).get("by_type");

        assertThat(fieldNames(byType)).containsExactly("comparison", "null");
        assertThat(fieldNames(byType.get("comparison"))).containsExactlyElementsOf(KEYS.subList(0, KEYS.size() - 1));
    }

    @Test
    void should_write_an_empty_denominator_as_json_null() throws Exception {
        JsonNode node = json.valueToTree(report);

        assertThat(node.get("citation_precision").isNull()).isTrue();
        assertThat(node.get("by_type").get("null").get("doc_hits_at_1").isNull()).isTrue();
        assertThat(node.get("by_type").get("comparison").get("index_seconds").isNull()).isTrue();
        assertThat(node.get("doc_mrr_at_10").doubleValue()).isEqualTo(0.5);
        assertThat(node.get("index_seconds").doubleValue()).isEqualTo(3.25);
        assertThat(node.get("latency_ms_p50").isIntegralNumber()).isTrue();
    }

    @Test
    void should_read_back_what_it_wrote() throws Exception {
        String text = json.writeValueAsString(report);

        assertThat(json.readValue(text, EvalReport.class)).isEqualTo(report);
    }

    @Test
    void should_reject_counts_that_do_not_add_up_and_shares_out_of_range() {
        assertThatThrownBy(() -> new EvalReport(3, 1, 1, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).hasMessageContaining("EvalReport.questions");
        assertThatThrownBy(() -> new EvalReport(1, 1, 0, 1.5, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).hasMessageContaining("EvalReport.docHitsAt1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
