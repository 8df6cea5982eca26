package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Questions in other languages through the whole {@code ask} path, with the real model over the seed article. */
class LanguageNoticeIT {

    private static final List<String> LANGUAGES = List.of("fr", "es", "de", "ru", "sw", "ar", "pt");
    private static final List<String> QUESTIONS = List.of(
            "Combien de personnes sont mortes dans l'attaque du centre commercial Westgate ?",
            "¿Cuántas personas murieron en el ataque al centro comercial Westgate?",
            "Wie viele Menschen starben bei dem Angriff auf das Westgate-Einkaufszentrum?",
            "Сколько человек погибло при нападении на торговый центр Westgate?",
            "Watu wangapi walikufa katika shambulio la Westgate?",
            "كم عدد الأشخاص الذين قتلوا في الهجوم على مركز ويستغيت التجاري؟",
            "Quantas pessoas morreram no ataque ao shopping Westgate?");

    @Test
    void should_answer_each_language_with_its_notice_and_english_from_the_article() throws Exception {
        String[] asked = new String[QUESTIONS.size() + 2];
        QUESTIONS.toArray(asked);
        asked[QUESTIONS.size()] = "how many people were killed in the westgate mall attack";
        asked[QUESTIONS.size() + 1] = QUESTIONS.get(0);

        List<JsonNode> answers = AskCommandIT.ask(asked);

        for (int i = 0; i < QUESTIONS.size(); i++) {
            JsonNode notice = answers.get(i);
            String expected = Files.readString(Path.of("prompts/language/" + LANGUAGES.get(i) + ".txt")).strip();
            assertThat(notice.get("answer").asText()).as(LANGUAGES.get(i)).isEqualTo(expected);
            assertThat(notice.get("refused").asBoolean()).isTrue();
            assertThat(notice.get("mode").asText()).isEqualTo("language-notice");
            assertThat(notice.get("citations")).isEmpty();
            assertThat(notice.get("article_set").get("name").asText()).isEqualTo("default");
        }
        JsonNode english = answers.get(QUESTIONS.size());
        assertThat(english.get("refused").asBoolean()).isFalse();
        assertThat(english.get("answer").asText()).contains("59").contains("[1]");
        JsonNode again = answers.get(QUESTIONS.size() + 1);
        assertThat(again.get("cached").asBoolean()).isTrue();
        assertThat(again.get("answer")).isEqualTo(answers.get(0).get("answer"));
    }
}
