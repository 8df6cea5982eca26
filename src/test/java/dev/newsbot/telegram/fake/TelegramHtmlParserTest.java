package dev.newsbot.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelegramHtmlParserTest {

    @Test
    void should_produce_visible_text_and_entities_with_utf16_offsets() throws Exception {
        TelegramHtmlParser.Parsed p = TelegramHtmlParser.parse(
                "😀 <b>bold</b> &amp; <a href=\"https://x.org/?a=1&amp;b=2\">link</a>");

        assertThat(p.text()).isEqualTo("😀 bold & link");
        assertThat(p.entities()).containsExactly(
                new TelegramHtmlParser.Entity("bold", 3, 4, null),
                new TelegramHtmlParser.Entity("text_link", 10, 4, "https://x.org/?a=1&b=2"));
    }

    @Test
    void should_reject_unsupported_tags_with_the_byte_offset() {
        assertThatThrownBy(() -> TelegramHtmlParser.parse("é <script>x</script>"))
                .hasMessage("Unsupported start tag \"script\" at byte offset 3");
    }

    @Test
    void should_reject_unclosed_mismatched_and_stray_tags() {
        assertThatThrownBy(() -> TelegramHtmlParser.parse("<b>x"))
                .hasMessage("Can't find end tag corresponding to start tag \"b\"");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("<b><i>x</b></i>"))
                .hasMessageStartingWith("Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("x</b>")).hasMessageStartingWith("Unexpected end tag");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("a <b")).hasMessageStartingWith("Unclosed start tag");
    }

    @Test
    void should_require_reserved_characters_to_be_escaped_as_documented() {
        assertThatThrownBy(() -> TelegramHtmlParser.parse("fish & chips")).hasMessageContaining("'&' is reserved");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("a > b")).hasMessageContaining("'>' is reserved");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("&nbsp;")).hasMessageContaining("Unsupported HTML entity");
    }

    @Test
    void should_accept_the_documented_tags_and_entities() throws Exception {
        String all = "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
                + "<del>d</del><span class=\"tg-spoiler\">p</span><tg-spoiler>t</tg-spoiler><code>c</code>"
                + "<pre><code class=\"language-java\">x</code></pre><blockquote expandable>q</blockquote>"
                + "&lt;&gt;&quot;&#65;&#x42;";

        assertThat(TelegramHtmlParser.parse(all).text()).isEqualTo("bsieunskdptcxq<>\"AB");
        assertThatThrownBy(() -> TelegramHtmlParser.parse("<span>x</span>")).hasMessageContaining("tg-spoiler");
    }
}
