package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@code ask --json} in process with the real embedding model over real article files. */
class AskCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> ask(String... args) throws Exception {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        List<String> argv = new ArrayList<>(List.of("ask", "--json"));
        argv.addAll(List.of(args));
        assertThat(cli.execute(argv.toArray(String[]::new))).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    /** The answer's quoted sentences: every marked sentence but a short-answer lead such as "59.". */
    private static List<String> quotedSentences(JsonNode answer) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : answer.get("answer").asText().split(" \\[\\d+]")) {
            if (sentence.strip().split("\\s+").length > 3) {
                sentences.add(sentence.strip());
            }
        }
        return sentences;
    }

    /** Issue 13, defect 6: a blank question among several used to end the command, dropping every later one. */
    @Test
    void blankQuestionDoesNotDropTheRest() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("ask", "--json", "How many people were killed in the Westgate mall attack?", " ",
                "Which group carried out the attack?");

        assertThat(exit).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("answer").asText()).contains("59");
        assertThat(lines.get(1).get("question").asText()).isEqualTo(" ");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("question 2 is blank; skipped");
        assertThat(lines.get(2).get("answer").asText()).contains("Al Shabaab");
        assertThat(err.toString()).isEqualTo("newsbot ask: question 2 is blank; skipped" + System.lineSeparator());
    }

    @Test
    void should_answer_the_seed_questions_with_cited_facts_and_refuse_the_rest() throws Exception {
        List<JsonNode> answers = ask("How many people were killed in the Westgate mall attack?",
                "Which group carried out the attack?", "How many people were injured?",
                "Who won the 2018 FIFA World Cup final?", "How many people were killed in the Westgate mall attack?");

        JsonNode killed = answers.get(0);
        assertThat(killed.get("refused").asBoolean()).isFalse();
        assertThat(killed.get("answer").asText()).contains("59").contains("[1]");
        assertThat(killed.get("citations").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(killed.get("answer").asText()).startsWith("59. [1]");
        assertThat(quotedSentences(killed)).isNotEmpty()
                .allSatisfy(s -> assertThat(killed.get("citations").get(0).get("quote").asText()).contains(s));
        assertThat(killed.get("citations").get(0).get("published").asText()).isEqualTo("2013-09-22");
        assertThat(killed.get("citations").get(0).get("url").isNull()).isTrue();
        assertThat(killed.get("article_set").get("name").asText()).isEqualTo("default");
        assertThat(killed.get("cached").asBoolean()).isFalse();

        assertThat(answers.get(1).get("answer").asText()).contains("Al Shabaab").contains("[1]");
        assertThat(answers.get(2).get("answer").asText()).contains("175").contains("[1]");

        JsonNode worldCup = answers.get(3);
        assertThat(worldCup.get("refused").asBoolean()).isTrue();
        assertThat(worldCup.get("citations")).isEmpty();
        assertThat(worldCup.get("answer").asText()).contains("\"default\"").doesNotContain("[1]");

        assertThat(answers.get(4).get("cached").asBoolean()).isTrue();
        assertThat(answers.get(4).get("answer")).isEqualTo(killed.get("answer"));
    }

    @Test
    void should_answer_the_asked_fact_or_decline_specifically_as_people_type() throws Exception {
        List<JsonNode> answers = ask("how many hostages are still inside", "How many attackers were killed?",
                "Who carried out the attack?", "What happened this week?",
                "How many people died in the Garissa university attack?", "Who is the president of France?");

        assertThat(answers.get(0).get("answer").asText()).startsWith("30 hostages. [1]");
        assertThat(answers.get(1).get("answer").asText()).doesNotStartWith("200").doesNotStartWith("59");
        assertThat(answers.get(2).get("answer").asText()).contains("Al Shabaab")
                .doesNotStartWith("Nairobi").doesNotStartWith("Colonel");
        JsonNode stale = answers.get(3);
        assertThat(stale.get("refused").asBoolean()).isTrue();
        assertThat(stale.get("answer").asText()).contains("22 September 2013").contains("this week");
        JsonNode garissa = answers.get(4);
        assertThat(garissa.get("refused").asBoolean()).isTrue();
        assertThat(garissa.get("answer").asText()).contains("None of the articles mention “Garissa”");
        assertThat(answers.get(5).get("answer").asText()).contains("“France”");
    }

    @Test
    void should_end_every_answer_sentence_with_a_marker() throws Exception {
        for (JsonNode answer : ask("Who is the Kenyan president?", "Which country's forces joined the rescue?")) {
            String text = answer.get("answer").asText();
            assertThat(text).matches("(?s)(.+? \\[\\d+])( .+? \\[\\d+])*");
        }
    }

    @Test
    void should_find_the_recently_renewed_show_in_the_week_before_the_question() throws Exception {
        String articles = TestData.require("eval/rtqa2022/articles.jsonl").toString();

        JsonNode answer = ask("--articles", articles, "--asked-on", "2022-06-16",
                "Which wildly popular show was recently green lit for a new season?").get(0);

        assertThat(answer.get("answer").asText()).contains("Squid Game");
        assertThat(answer.get("citations").get(0).get("source").asText()).isEqualTo("CNN");
        assertThat(answer.get("citations").get(0).get("url").asText()).contains("cnn.com");
    }
}
