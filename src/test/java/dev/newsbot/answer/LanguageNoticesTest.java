package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.config.PromptFiles;
import dev.newsbot.question.QuestionLanguage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageNoticesTest {

    private static final PromptFiles BUNDLED = new PromptFiles(null);
    private static final LanguageNotices NOTICES = LanguageNotices.load(BUNDLED);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fr | anglais     | Combien de personnes sont mortes dans l'attaque du centre commercial Westgate ?
            es | inglés      | ¿Cuántas personas murieron en el ataque al centro comercial Westgate?
            de | Englisch    | Wie viele Menschen starben bei dem Angriff auf das Westgate-Einkaufszentrum?
            ru | английск    | Сколько человек погибло при нападении на торговый центр Westgate?
            sw | Kiingereza  | Watu wangapi walikufa katika shambulio la Westgate?
            ar | الإنجليزية  | كم عدد الأشخاص الذين قتلوا في الهجوم على مركز ويستغيت التجاري؟
            pt | inglês      | Quantas pessoas morreram no ataque ao shopping Westgate?
            """)
    void should_answer_a_question_in_another_language_with_the_notice_in_that_language(String iso, String english,
                                                                                      String question) {
        assertThat(NOTICES.noticeFor(question)).hasValueSatisfying(notice -> assertThat(notice)
                .isEqualTo(BUNDLED.read(LanguageNotices.FOLDER + iso + ".txt").strip())
                .contains(english));
    }

    @Test
    void should_have_no_notice_for_an_english_question() {
        assertThat(NOTICES.noticeFor("how many hostages are still inside")).isEmpty();
        assertThat(NOTICES.noticeFor("How many people were killed in the Westgate mall attack?")).isEmpty();
    }

    @Test
    void should_give_a_language_without_a_template_the_english_notice() {
        String other = BUNDLED.read(LanguageNotices.FOLDER + "other.txt").strip();
        assertThat(NOTICES.noticeFor("웨스트게이트 쇼핑몰 공격으로 몇 명이 사망했습니까?")).contains(other);
        assertThat(NOTICES.noticeIn(Locale.forLanguageTag("ko"))).isEqualTo(other);
        assertThat(other).contains("English");
    }

    @Test
    void should_bundle_a_notice_for_every_language_it_detects() {
        for (String iso : QuestionLanguage.isoCodes()) {
            assertThat(NOTICES.noticeIn(Locale.forLanguageTag(iso))).as(iso)
                    .isEqualTo(BUNDLED.read(LanguageNotices.FOLDER + iso + ".txt").strip())
                    .isNotEqualTo(NOTICES.noticeIn(Locale.ROOT));
        }
    }

    @Test
    void should_read_the_operators_template_before_the_bundled_one(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("language"));
        Files.writeString(dir.resolve("language/fr.txt"), "Posez votre question en anglais, s'il vous plaît.\n");
        LanguageNotices notices = LanguageNotices.load(new PromptFiles(dir));
        assertThat(notices.noticeIn(Locale.FRENCH)).isEqualTo("Posez votre question en anglais, s'il vous plaît.");
        assertThat(notices.noticeIn(Locale.GERMAN)).isEqualTo(NOTICES.noticeIn(Locale.GERMAN));
    }

    @Test
    void should_stop_the_start_on_a_template_with_a_placeholder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("language"));
        Files.writeString(dir.resolve("language/es.txt"), "Pregunta en inglés sobre {{set}}.");
        assertThatThrownBy(() -> LanguageNotices.load(new PromptFiles(dir)))
                .hasMessageContaining("es.txt").hasMessageContaining("set");
    }
}
