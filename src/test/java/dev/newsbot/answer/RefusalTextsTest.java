package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.PromptFiles;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTextsTest {

    private final RefusalTexts texts = RefusalTexts.load(new PromptFiles(null));
    private final IndexedSet store = TestSets.index("news", TestSets.news());

    @Test
    void saysHowOldTheNewestArticleIsForAQuestionAboutThisWeek() {
        String text = texts.render(Refusal.stale(LocalDate.of(2023, 3, 31), "this week"), store);

        assertThat(text).isEqualTo("My newest articles are from 31 March 2023, so I can't tell you about this week.");
        assertThat(texts.render(Refusal.stale(LocalDate.of(2023, 3, 31), "recently"), store))
                .endsWith("about recent events.");
    }

    @Test
    void namesWhatNoArticleMentions() {
        assertThat(texts.render(Refusal.unknownNames(List.of("Garissa")), store))
                .startsWith("None of the articles mention “Garissa”,").contains("\"news\"");
        assertThat(texts.render(Refusal.unknownNames(List.of("Garissa", "Mandera", "Lamu")), store))
                .startsWith("None of the articles mention “Garissa”, “Mandera” or “Lamu”,");
    }

    @Test
    void saysWhatWasSearchedOtherwise() {
        assertThat(texts.render(Refusal.notFound(List.of("Port Elma")), store))
                .contains("\"news\"").contains(" for “Port Elma” and found nothing");
        assertThat(texts.render(Refusal.notFound(), store)).contains(") and found nothing");
    }
}
