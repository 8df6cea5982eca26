package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    /**
     * Issue 13, defect 2. The timeout (on its own thread, since opening a FIFO cannot be interrupted) only keeps a
     * regression from hanging the build; it measures nothing.
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fifoNamedJsonlIsRefusedNotHung() throws Exception {
        Path fifo = dir.resolve("x.jsonl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", fifo.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith(fifo + ": not a regular file, but a pipe, device or socket; "
                + "only regular files are read\n");
    }

    /** Issue 13, defect 2. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void symlinkToDevZeroIsRefusedNotRead() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("zero.jsonl"), Path.of("/dev/zero"));
        StringWriter out = new StringWriter();

        int exit = run(out, "validate", link.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith(link + ": not a regular file (it links to /dev/zero)");
    }

    /**
     * Issue 13, defect 2: articles are read as streams, so validating a set needs little more heap than the
     * articles themselves: 33 MB of articles in a 100 MB heap. (It validates in 56 MB; reading the file whole, as
     * bytes and then as characters, took 99 MB before the first article, and more than 130 MB in all.)
     */
    @Test
    void largeSetValidatesWithinAHeapThreeTimesItsSize() throws Exception {
        Path file = dir.resolve("large.jsonl");
        int articles = 32_000;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String body = "The council met again and voted on the budget for the coming year. ".repeat(14);
            for (int i = 0; i < articles; i++) {
                writer.write("{\"id\": \"a" + i + "\", \"title\": \"Council vote " + i + "\", \"published\": "
                        + "\"2022-06-12\", \"body\": \"" + body + i + "\"}\n");
            }
        }
        assertThat(Files.size(file)).isGreaterThan(32_000_000L);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process validate = new ProcessBuilder(java, "-Xmx100m", "-Dnewsbot.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(validate.waitFor()).as(output).isZero();
        assertThat(output).contains("OK: 32000 articles in 1 file");
    }
}
