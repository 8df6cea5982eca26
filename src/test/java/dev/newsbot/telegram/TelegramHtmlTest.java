package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void should_escape_the_characters_telegram_reserves() {
        assertThat(TelegramHtml.escape("<b>x</b> & \"q\" <script>"))
                .isEqualTo("&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &lt;script&gt;");
    }

    @Test
    void should_read_the_visible_text_of_valid_html() {
        String html = "<b>Sources</b>\n[1] <a href=\"https://x.org/?a=1&amp;b=2\">A &amp; B</a> &#8212; &#x41;";

        assertThat(TelegramHtml.visibleText(html)).isEqualTo("Sources\n[1] A & B — A");
    }

    @Test
    void should_round_trip_escaped_text() {
        String text = "5 < 6 && \"7\" > 2 <i>";

        assertThat(TelegramHtml.visibleText(TelegramHtml.escape(text))).isEqualTo(text);
    }

    @Test
    void should_reject_tags_outside_the_documented_subset() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("hi <script>x</script>"))
                .hasMessageContaining("unsupported tag <script> at offset 3");
    }

    @Test
    void should_reject_unclosed_and_crossed_tags() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("<b>x")).hasMessageContaining("<b> is never closed");
        assertThatThrownBy(() -> TelegramHtml.visibleText("<b><i>x</b></i>")).hasMessageContaining("unexpected </b>");
    }

    @Test
    void should_reject_a_bare_ampersand() {
        assertThatThrownBy(() -> TelegramHtml.visibleText("fish & chips")).hasMessageContaining("offset 5");
    }

    @Test
    void should_fall_back_to_stripping_tags_for_plain_text() {
        assertThat(TelegramHtml.toPlainText("<b>a</b> <blink>b</blink> &amp;")).isEqualTo("a b &");
    }
}
