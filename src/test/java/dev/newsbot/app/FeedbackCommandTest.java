package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.eval.EvalQuestion;
import dev.newsbot.eval.QuestionLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsbot feedback export}: its output loads as {@code eval --questions} loads it (QuestionLoader). */
class FeedbackCommandTest {

    @TempDir
    Path home;

    private static String vote(String time, String id, String vote, String user, String question) {
        return "{\"time\":\"" + time + "\",\"answer_id\":\"" + id + "\",\"vote\":\"" + vote + "\",\"question\":\""
                + question + "\",\"asked_on\":\"2024-05-01\",\"set\":\"westgate\",\"set_version\":\"v3\","
                + "\"answer\":\"It was 59 [1].\",\"cited_urls\":[\"https://example.org/a\"],\"refused\":false,"
                + "\"chat\":\"c1\",\"user\":\"" + user + "\"}\n";
    }

    private int run(StringWriter err, String... args) {
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void should_export_down_votes_since_a_day_in_the_eval_question_format() throws IOException {
        Path telegram = Files.createDirectories(home.resolve("telegram"));
        Files.writeString(telegram.resolve("feedback.jsonl"),
                vote("2024-05-01T10:00:00Z", "AAAAAAAAAAAAAAAA", "down", "u1", "How many died?")
                + vote("2024-05-02T10:00:00Z", "BBBBBBBBBBBBBBBB", "up", "u1", "Who was arrested?")
                + vote("2024-05-03T10:00:00Z", "CCCCCCCCCCCCCCCC", "down", "u2", "When did it end?"));
        Path out = home.resolve("complaints.jsonl");
        StringWriter err = new StringWriter();

        int exit = run(err, "feedback", "export", "--home", home.toString(), "--since", "2024-05-02",
                "--votes", "down", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("wrote 1 question(s)");
        List<EvalQuestion> questions = QuestionLoader.load(out);
        assertThat(questions).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("fb-CCCCCCCCCCCCCCCC");
            assertThat(q.question()).isEqualTo("When did it end?");
            assertThat(q.type()).isEqualTo("feedback-down");
        });
    }

    @Test
    void should_refuse_a_missing_feedback_file_with_its_path() {
        StringWriter err = new StringWriter();

        int exit = run(err, "feedback", "export", "--home", home.toString(), "--out", home.resolve("q").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(home.resolve("telegram").resolve("feedback.jsonl").toString());
    }
}
