package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.PromptFiles;
import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.TestSets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageNoticeEngineTest {

    private static final LocalDate DAY = LocalDate.of(2022, 7, 1);

    private final SetRegistry sets = new SetRegistry("news");
    private final IndexedSet news = TestSets.index("news", TestSets.news());
    private final RecordingEngine answers = new RecordingEngine();
    private final LanguageNoticeEngine engine = new LanguageNoticeEngine(answers, sets,
            LanguageNotices.load(new PromptFiles(null)));

    LanguageNoticeEngineTest() {
        sets.put(news);
    }

    @Test
    void should_refuse_a_question_in_french_with_the_french_notice_before_any_search() {
        Answer answer = engine.answer(Question.of("Combien de personnes sont mortes dans le tremblement de terre ?",
                DAY, "news"));

        assertThat(answers.asked).isEmpty();
        assertThat(answer.refused()).isTrue();
        assertThat(answer.text()).contains("anglais");
        assertThat(answer.mode()).isEqualTo(LanguageNoticeEngine.MODE);
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.retrieved()).isEmpty();
        assertThat(answer.set()).isEqualTo(new SetInfo("news", news.articleSet().version(), 3, news.size()));
    }

    @Test
    void should_pass_an_english_question_on() {
        Question question = Question.of("how many people were killed in the quake", DAY, "news");

        Answer answer = engine.answer(question);

        assertThat(answers.asked).containsExactly(question);
        assertThat(answer.mode()).isEqualTo("extractive");
    }

    @Test
    void should_judge_a_follow_up_by_its_own_words() {
        Question followUp = new Question("et combien de blessés dans cette ville ?", DAY, "news",
                "How many people were killed in the quake?");

        assertThat(engine.answer(followUp).mode()).isEqualTo(LanguageNoticeEngine.MODE);
        assertThat(answers.asked).isEmpty();
    }

    /** Stands for the search and answerer: answers every question with one cited sentence, and records it. */
    private final class RecordingEngine implements AnswerEngine {

        final List<Question> asked = new ArrayList<>();

        @Override
        public Answer answer(Question question) {
            asked.add(question);
            SetInfo set = new SetInfo("news", news.articleSet().version(), 3, news.size());
            String said = "Officials said 12 people were killed.";
            return new Answer(question, List.of(new AnswerSentence(said, List.of(1))),
                    List.of(new Citation(1, TestSets.news().get(0), said)), false, null, set, "extractive", List.of(),
                    Map.of(), false, 0.9);
        }

        @Override
        public String versionOf(String setName) {
            return news.articleSet().version();
        }
    }
}
