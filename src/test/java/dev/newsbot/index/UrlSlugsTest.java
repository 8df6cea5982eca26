package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlSlugsTest {

    @Test
    void should_take_the_words_of_slug_segments_only() {
        assertThat(UrlSlugs.words("https://www.cnn.com/2022/06/15/business/ford-recall/index.html"))
                .isEqualTo("ford recall");
        assertThat(UrlSlugs.words("https://www.cnn.com/videos/world/2022/10/10/stromboli-volcano-eruption-sot.cnn"))
                .isEqualTo("stromboli volcano eruption sot");
        assertThat(UrlSlugs.words("https://example.com/news/12345?id=a-b#x-y")).isEmpty();
    }

    @Test
    void should_give_nothing_for_a_missing_or_malformed_url() {
        assertThat(UrlSlugs.words(null)).isEmpty();
        assertThat(UrlSlugs.words("not a url with spaces")).isEmpty();
    }
}
