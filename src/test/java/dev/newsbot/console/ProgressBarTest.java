package dev.newsbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);
    private final AtomicLong nanos = new AtomicLong();

    private String printed() {
        return text.toString();
    }

    @Test
    void should_redraw_one_bar_with_rate_and_eta_on_a_terminal() {
        ProgressBar bar = new ProgressBar(out, true, nanos::get);

        nanos.set(2_000_000_000L);
        bar.embedded(500, 2000);
        nanos.set(8_000_000_000L);
        bar.embedded(2000, 2000);

        assertThat(printed()).isEqualTo("\r[#######-----------------------]  25%  500/2000 passages  250/s  ETA 0:06"
                + "\r[##############################] 100%  2000/2000 passages  250/s  ETA 0:00"
                + System.lineSeparator());
    }

    @Test
    void should_print_plain_lines_at_most_every_two_seconds_and_at_the_end() {
        ProgressBar bar = new ProgressBar(out, false, nanos::get);

        nanos.set(1_000_000_000L);
        bar.embedded(256, 1024);
        nanos.set(1_500_000_000L);
        bar.embedded(512, 1024);
        nanos.set(3_100_000_000L);
        bar.embedded(768, 1024);
        nanos.set(3_200_000_000L);
        bar.embedded(1024, 1024);

        assertThat(printed().lines()).containsExactly(
                "embedded 256/1024 passages (25%), 256 passages/s, ETA 0:03",
                "embedded 768/1024 passages (75%), 248 passages/s, ETA 0:01",
                "embedded 1024/1024 passages (100%), 320 passages/s, ETA 0:00");
    }

    @Test
    void should_format_long_etas_with_hours() {
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
        assertThat(ProgressBar.clock(65)).isEqualTo("1:05");
    }
}
