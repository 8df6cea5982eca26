package dev.newsbot.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.Language;
import dev.newsbot.TestData;
import dev.newsbot.index.WordList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Lingua models over questions as people type them. */
class QuestionLanguageTest {

    private static final QuestionLanguage LANGUAGE = new QuestionLanguage(
            WordList.load(QuestionLanguage.class, QuestionLanguage.ENGLISH_WORDS_LIST));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fr | Combien de personnes sont mortes dans l'attaque du centre commercial Westgate ?
            es | ¿Cuántas personas murieron en el ataque al centro comercial Westgate?
            de | Wie viele Menschen starben bei dem Angriff auf das Westgate-Einkaufszentrum?
            ru | Сколько человек погибло при нападении на торговый центр Westgate?
            sw | Watu wangapi walikufa katika shambulio la Westgate?
            ar | كم عدد الأشخاص الذين قتلوا في الهجوم على مركز ويستغيت التجاري؟
            pt | Quantas pessoas morreram no ataque ao shopping Westgate?
            it | Quante persone sono morte nell'attacco al centro commerciale Westgate?
            nl | Hoeveel mensen zijn er omgekomen bij de aanval op het Westgate-winkelcentrum?
            tr | Westgate alışveriş merkezine yapılan saldırıda kaç kişi öldü?
            pl | Ile osób zginęło w ataku na centrum handlowe Westgate?
            uk | Скільки людей загинуло під час нападу на торговий центр Westgate?
            zh | 在内罗毕西门购物中心袭击中有多少人死亡？
            ja | ウェストゲート・ショッピングモールの襲撃で何人が死亡しましたか？
            fr | qui a revendiqué l'attaque
            es | cuantas personas murieron en westgate
            de | wie viele geiseln sind noch drin
            ru | что случилось в торговом центре
            sw | mateka wangapi bado wamo ndani
            """)
    void should_name_the_language_of_a_question_not_in_english(String iso, String question) {
        assertThat(LANGUAGE.notEnglish(question)).contains(Locale.forLanguageTag(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "is the siege over yet?", "how many hostages are still inside", "who did it", "westgate death toll??",
        "ok thx", "Who is Uhuru Kenyatta?", "What did Al Shabaab say?", "how many ppl died in westgate",
        "wat happened at the mall", "who claimed responsibilty for the attack", "is uhuru kenyatta alive",
        "how many injured", "did al shabab do it", "when did it start", "where is westgate mall",
        "were there any americans killed", "whats the latest on nairobi", "any news on the hostages",
        "did the army go in", "wher is the mall located", "was anyone rescued", "how long did the siege last",
        "is the mall still closed", "names of the victims?", "Kenyatta nephew killed?", "death toll nairobi mall",
        "al shabaab statement", "Ruto ICC trial delayed?", "is al-shabaab linked to al qaeda", "hostages freed",
        "Uhuru Kenyatta speech", "somali militants westgate", "how meny people got hurt", "wats the death toll now",
        "injured taken to aga khan hospital?", "Israeli commandos involved?", "Mandera Garissa attacks",
        "Is Ruto in The Hague", "Raila Odinga Uhuru Kenyatta meeting", "Mombasa Kisumu protests",
        "William Ruto Uhuru Kenyatta ICC", "Kenyatta Ruto Odinga", "Ahmed Abdi Godane Al Shabaab",
        "kenyatta ruto hague", "Harakat al-Shabaab al-Mujahideen", "Westlands Nairobi Kenya",
        "what’s the death toll", "didn’t they say 59"})
    void should_keep_english_typed_as_in_telegram_english(String question) {
        assertThat(LANGUAGE.notEnglish(question)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"merci", "gracias amigo", "danke schön", "hola", "¿qué?", "asante sana", "ciao",
        "obrigado", "bonne nuit"})
    void should_take_very_short_latin_texts_for_english(String text) {
        assertThat(LANGUAGE.notEnglish(text)).isEmpty();
    }

    @Test
    void should_mark_another_script_without_a_detected_language_as_root() {
        assertThat(LANGUAGE.notEnglish("웨스트게이트 쇼핑몰 공격으로 몇 명이 사망했습니까?")).contains(Locale.ROOT);
        assertThat(LANGUAGE.notEnglish("Πόσοι άνθρωποι σκοτώθηκαν στην επίθεση;")).contains(Locale.ROOT);
        assertThat(LANGUAGE.notEnglish("вы")).isEmpty();
    }

    @Test
    void should_keep_every_eval_question_english_as_written_and_as_typed() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> flagged = new ArrayList<>();
        int asked = 0;
        for (String set : List.of("mhr500", "rtqa2022", "rtqa2024")) {
            Optional<Path> file = TestData.find("eval/" + set + "/questions.jsonl");
            if (file.isEmpty()) {
                continue;
            }
            for (String line : Files.readAllLines(file.get())) {
                String question = json.readTree(line).get("question").asText();
                String typed = question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s']", "");
                for (String text : List.of(question, typed)) {
                    asked++;
                    LANGUAGE.notEnglish(text).ifPresent(l -> flagged.add(l + ": " + text));
                }
            }
        }
        assertThat(flagged).as("English eval questions taken for another language, of %d", asked).isEmpty();
    }

    @Test
    void should_bundle_in_the_fat_jar_the_models_of_exactly_the_languages_it_loads() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher filter = Pattern.compile("<artifact>com\\.github\\.pemistahl:lingua</artifact>\\s*<includes>(.*?)"
                + "</includes>", Pattern.DOTALL).matcher(pom);
        assertThat(filter.find()).as("the shade filter of lingua in pom.xml").isTrue();
        Set<String> bundled = new TreeSet<>();
        Matcher include = Pattern.compile("<include>language-models/([a-z]{2})/\\*\\*</include>")
                .matcher(filter.group(1));
        while (include.find()) {
            bundled.add(include.group(1));
        }
        Set<String> loaded = QuestionLanguage.LANGUAGES.stream().map(l -> l.getIsoCode639_1().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(bundled).isEqualTo(loaded);
        assertThat(QuestionLanguage.isoCodes()).hasSize(loaded.size() - 1).doesNotContain("en");
        assertThat(QuestionLanguage.LANGUAGES).contains(Language.ENGLISH);
    }
}
