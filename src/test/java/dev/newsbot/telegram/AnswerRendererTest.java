package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.chat.Reply;
import dev.newsbot.chat.ReplySource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnswerRendererTest {

    private final AnswerRenderer renderer = new AnswerRenderer("<b>Sources</b>", AnswerRenderer.TELEGRAM_LIMIT);

    @Test
    void should_render_answer_heading_and_linked_numbered_sources() {
        Reply reply = reply("The toll rose to 59 [1]. Talks failed [2].", List.of(
                new ReplySource(1, "Toll rises", "BBC", "2013-09-22T10:00:00Z", "https://bbc.co.uk/a?x=1&y=2"),
                new ReplySource(2, "No talks", null, null, null)));

        List<String> messages = renderer.render(reply);

        assertThat(messages).containsExactly("The toll rose to 59 [1]. Talks failed [2].\n\n"
                + "<blockquote expandable><b>Sources</b>\n"
                + "[1] <a href=\"https://bbc.co.uk/a?x=1&amp;y=2\">Toll rises</a> — BBC, 2013-09-22\n"
                + "[2] No talks</blockquote>");
    }

    @Test
    void should_escape_markup_in_answer_titles_outlets_and_urls() {
        Reply reply = reply("<b>x</b> & <script> [1].", List.of(
                new ReplySource(1, "<i>T</i> & \"q\"", "A<B>", "2020-01-01", "https://e.org/\"><script>")));

        String html = renderer.render(reply).get(0);

        assertThat(html).doesNotContain("<script>").doesNotContain("<i>")
                .contains("&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;")
                .contains("href=\"https://e.org/&quot;&gt;&lt;script&gt;\"");
        assertThat(TelegramHtml.visibleText(html)).startsWith("<b>x</b> & <script> [1].")
                .contains("[1] <i>T</i> & \"q\" — A<B>, 2020-01-01");
    }

    @Test
    void should_not_link_sources_without_a_web_url() {
        Reply reply = reply("A [1]. B [2].", List.of(new ReplySource(1, "One", null, null, "javascript:alert(1)"),
                new ReplySource(2, "Two", null, null, "ftp://x")));

        assertThat(renderer.render(reply).get(0)).doesNotContain("<a ");
    }

    @Test
    void should_render_a_refusal_without_a_source_list() {
        Reply refusal = new Reply("q", "The articles do not say who won.", List.of(), true, "s", false);

        assertThat(renderer.render(refusal)).containsExactly("The articles do not say who won.");
    }

    @Test
    void should_shorten_a_long_answer_at_a_sentence_end_so_it_fits_one_message() {
        String answer = sentences(300);
        Reply reply = reply(answer, List.of(new ReplySource(1, "Title", "Outlet", "2024-01-01", "https://x.org/1")));

        List<String> messages = renderer.render(reply);

        assertThat(messages).hasSize(1);
        String visible = TelegramHtml.visibleText(messages.get(0));
        assertThat(visible.length()).isLessThanOrEqualTo(4096);
        assertThat(visible).contains("[1]. …\n\nSources\n[1] Title — Outlet, 2024-01-01");
        String kept = visible.substring(0, visible.indexOf(" …"));
        assertThat(answer).startsWith(kept);
    }

    @Test
    void should_split_a_long_source_list_between_whole_entries_into_valid_messages() {
        List<ReplySource> sources = new ArrayList<>();
        for (int n = 1; n <= 90; n++) {
            sources.add(new ReplySource(n, "A fairly long article title about the events, number " + n + " & more",
                    "Outlet " + n, "2024-02-" + String.format("%02d", n % 28 + 1), "https://news.example/a/" + n));
        }
        Reply reply = reply(sentences(200), sources);

        List<String> messages = renderer.render(reply);

        assertThat(messages).hasSizeGreaterThan(1);
        String all = messages.stream().map(TelegramHtml::visibleText).collect(Collectors.joining("\n"));
        for (String html : messages) {
            assertThat(TelegramHtml.visibleLength(html)).isLessThanOrEqualTo(4096);
        }
        for (ReplySource s : sources) {
            String entry = "[" + s.n() + "] " + s.title() + " — " + s.outlet() + ", " + s.published();
            assertThat(messages.stream().filter(m -> TelegramHtml.visibleText(m).contains(entry + "\n")
                    || TelegramHtml.visibleText(m).endsWith(entry))).hasSize(1);
        }
        assertThat(all).contains("Sources");
        assertThat(TelegramHtml.visibleText(messages.get(0)).length()).isGreaterThan(2000);
    }

    @Test
    void should_cut_a_single_endless_sentence_at_a_word() {
        String answer = "word ".repeat(2000) + "[1].";

        String shortened = AnswerRenderer.shorten(answer, 100);

        assertThat(shortened).hasSizeLessThanOrEqualTo(100).endsWith("word …");
    }

    @Test
    void should_not_cut_a_sentence_from_its_markers() {
        String text = "First claim. [1] Second claim is here [2]. Third.";

        assertThat(AnswerRenderer.shorten(text, 46)).isEqualTo("First claim. [1] Second claim is here [2]. …");
        assertThat(AnswerRenderer.shorten(text, 20)).isEqualTo("First claim. [1] …");
    }

    private static String sentences(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("Sentence number ").append(i).append(" reports a fact [1]. ");
        }
        return b.toString().strip();
    }

    private static Reply reply(String answer, List<ReplySource> sources) {
        return new Reply("q", answer, sources, false, "set", false);
    }
}
