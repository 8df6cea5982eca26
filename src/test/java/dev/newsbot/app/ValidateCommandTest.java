package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, String... args) {
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void should_list_every_error_with_file_and_line_and_exit_1() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), """
                {"id":"a","title":"T","body":"B","published":"2022-13-45"}
                {"id":"b","title":"","body":"B"}
                {not json
                """);
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(bad + ":1: published").contains(bad + ":2: title").contains(bad + ":3:");
    }

    @Test
    void should_accept_a_good_file_with_exit_0() throws IOException {
        Path good = Files.writeString(dir.resolve("good.jsonl"), "{\"id\":\"a\",\"title\":\"T\",\"body\":\"Body.\"}\n");
        StringWriter out = new StringWriter();

        assertThat(run(out, "validate", good.toString())).isZero();
        assertThat(out.toString()).contains("OK");
    }
}
