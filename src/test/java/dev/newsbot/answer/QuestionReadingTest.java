package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.index.IndexedSet;
import dev.newsbot.index.TestSets;
import dev.newsbot.index.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the answerer reads questions and sentences: the asking sentence, names, places, datelines. */
class QuestionReadingTest {

    @Test
    void should_read_the_kind_of_answer_from_the_sentence_that_asks() {
        String quiz = "Gas prices in the US recently hit a new record high. On average, how much does a gallon cost?";

        assertThat(AnswerType.askingPart(quiz)).isEqualTo("On average, how much does a gallon cost?");
        assertThat(AnswerType.of(quiz)).isEqualTo(AnswerType.NUMBER);
        assertThat(AnswerType.of("NASA launched from outside the US. Where did the launch occur?"))
                .isEqualTo(AnswerType.PLACE);
    }

    @Test
    void should_not_split_a_question_after_an_abbreviation_or_initials() {
        String question = "Does the article suggest that Rep. Patrick McHenry and A.J. Dillon agree?";

        assertThat(AnswerType.askingPart(question)).isEqualTo(question);
        assertThat(AnswerType.of(question)).isEqualTo(AnswerType.YES_NO);
    }

    @Test
    void should_count_a_name_that_opens_a_sentence_but_not_a_common_opening_word() {
        assertThat(Facts.names("Adele is returning to Las Vegas.")).containsExactly("adele", "las vegas");
        assertThat(Facts.names("However, the show was moved to Vegas.")).containsExactly("vegas");
    }

    @Test
    void should_find_places_by_their_other_forms_longest_first() {
        Places places = Places.bundled();

        assertThat(places.find("Saudi Arabian officials met West Virginia’s governor in Riyadh."))
                .containsExactly(new Places.Place(Places.Kind.COUNTRY, "Saudi Arabia"),
                        new Places.Place(Places.Kind.STATE, "West Virginia"));
        assertThat(places.find("Georgia voted.")).extracting(Places.Place::kind)
                .containsExactly(Places.Kind.COUNTRY, Places.Kind.STATE);
        assertThat(places.find("Virginians and the Indianapolis crowd")).isEmpty();
    }

    @Test
    void should_read_the_asked_kind_of_place() {
        assertThat(Places.askedKind("Which state’s capital ran out of water?")).contains(Places.Kind.STATE);
        assertThat(Places.askedKind("A volcano in which country erupted?")).contains(Places.Kind.COUNTRY);
        assertThat(Places.askedKind("Where did it happen?")).isEmpty();
    }

    @Test
    void should_name_the_line_of_a_malformed_place_entry() {
        assertThatThrownBy(() -> Places.parse(List.of("# places", "country: Chad", "Atlantis")))
                .hasMessageContaining("places line 3");
    }

    @Test
    void should_see_an_answer_only_as_a_whole_opening_word() {
        assertThat(ExtractiveAnswerer.opensWith("Japan is on alert.", "Japan")).isTrue();
        assertThat(ExtractiveAnswerer.opensWith("Japan’s volcano erupted.", "Japan")).isFalse();
        assertThat(ExtractiveAnswerer.opensWith("Saudi Arabian officials said.", "Saudi Arabia")).isFalse();
    }

    @Test
    void should_not_answer_which_company_or_network_with_a_person_or_a_place() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        String grant = "The company will receive up to $8.5 billion in grants, as announced by President Joe Biden"
                + " in Arizona, where Intel builds chips.";
        String outage = "A widespread outage at Verizon affected tens of thousands of customers in the United States.";

        assertThat(ShortAnswer.of(profile("Which tech company received an $8.5 billion grant?", store), grant,
                List.of())).contains("Intel");
        assertThat(ShortAnswer.of(profile("Which communications network had an outage this week?", store),
                "A widespread telecommunication outage hit customers in the United States on Thursday.", List.of()))
                .isEmpty();
        assertThat(ShortAnswer.of(profile("Which communications network had an outage this week?", store), outage,
                List.of())).contains("Verizon");
        assertThat(ShortAnswer.of(profile("Which school won the championship?", store),
                "Michigan beat Washington 34-13 to win the championship.", List.of())).contains("Michigan");
    }

    @Test
    void should_lead_with_a_date_only_of_the_part_the_question_asks_for() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        String olympics = "The 2024 Paris Olympics are quickly approaching, with athletes set to converge this summer.";
        String deadline = "The final deadline to file your 2022 taxes is October 16, the IRS said on Monday.";

        assertThat(ShortAnswer.of(profile("During which month are the Paris 2024 Olympics set to begin?", store),
                olympics, List.of())).isEmpty();
        assertThat(ShortAnswer.of(profile("In which month is the tax deadline?", store), deadline, List.of()))
                .contains("October 16");
        assertThat(ShortAnswer.of(profile("In what year did the taxes fall due?", store), deadline, List.of()))
                .contains("2022");
        assertThat(ShortAnswer.of(profile("On which day did the IRS speak?", store), "The IRS said on Monday that"
                + " 2022 returns were late.", List.of())).contains("Monday");
        assertThat(ShortAnswer.of(profile("When are the Paris Olympics?", store), olympics, List.of())).contains("2024");
    }

    @Test
    void should_keep_a_count_unit_only_when_the_question_counts_in_it() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile months = profile("How many months did the works take?", store);
        QuestionProfile share = profile("What percentage of voters feel the mayor erred?", store);

        assertThat(ShortAnswer.of(months, "The works took six months in all.", List.of())).contains("6 months");
        assertThat(ShortAnswer.of(share, "In all, 79% feel he erred.", List.of())).contains("79%");
    }

    @Test
    void should_answer_what_percentage_only_with_a_share_in_per_cent() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile share = profile("What percentage of men report having no close friends?", store);

        assertThat(ShortAnswer.of(share, "About 1 in 7 men report having no close friends, up from 3 in 100.",
                List.of())).isEmpty();
        assertThat(ShortAnswer.of(share, "Some 15 percent of men report having no close friends.", List.of()))
                .contains("15%");
        assertThat(ShortAnswer.of(profile("How many men report having no close friends?", store),
                "About 1 in 7 men report having no close friends.", List.of())).contains("1");
    }

    @Test
    void should_answer_what_time_with_a_time_of_day_not_a_date() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile time = profile("What time can bars start serving alcohol under the new law?", store);

        assertThat(ShortAnswer.of(time, "From Thursday, bars can start serving alcohol at 8 a.m. on Sundays.",
                List.of())).contains("8 a.m.");
        assertThat(ShortAnswer.of(time, "The new law takes effect on Thursday, July 4.", List.of())).isEmpty();
    }

    @Test
    void should_answer_who_or_which_singer_only_with_a_name_a_person_can_have() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile who = profile("Who beat the teenage prodigy in the final?", store);
        QuestionProfile comedian = profile("Which comedian will return to late-night TV next month?", store);
        QuestionProfile driver = profile("Which British racing driver launched a karting series?", store);

        assertThat(who.newNames("The final pits the teenager against World Grand Prix champion Luke Humphries."))
                .containsExactly("Luke Humphries");
        assertThat(comedian.newNames("Jon Stewart, who left in 2015, will host on Mondays, the network said."))
                .containsExactly("Jon Stewart");
        assertThat(comedian.newNames("Since the Tonight Show Starring Jimmy Fallon began, ratings fell.")).isEmpty();
        assertThat(comedian.newNames("The Writers Guild of America strike ended in the autumn.")).isEmpty();
        assertThat(driver.newNames("Karting in Europe will get its first all-female series.")).isEmpty();
        assertThat(comedian.newNames("The show returns in Sept. with new hosts.")).isEmpty();
        assertThat(profile("Which public figure wore the bracelet?", store)
                .newNames("He made a bracelet, seemingly expressing his interest in Swift.")).containsExactly("Swift");
        assertThat(who.newNames("The trophy was handed over in Portland by the sponsors.")).isEmpty();
    }

    @Test
    void should_not_answer_which_chain_with_a_role_such_as_its_chief() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile chain = profile("Which fast food chain angered customers with surge pricing?", store);

        assertThat(chain.newNames("Wendy's CEO Kirk Tanner told investors that surge pricing would come."))
                .doesNotContain("Wendy's CEO");
    }

    @Test
    void should_prefer_an_amount_of_money_for_how_much() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile cost = profile("How much does a gallon of gas cost on average?", store);
        String counts = "A gallon costs more in 15 states now.";
        String money = "A gallon now costs $5 on average, up from $4.07 in 8 weeks.";

        assertThat(cost.typeMatch(money)).isGreaterThan(cost.typeMatch(counts));
        assertThat(ShortAnswer.of(cost, money, List.of())).contains("$5");
        assertThat(Facts.isAmount("$20,000")).isTrue();
        assertThat(Facts.isAmount("13%")).isTrue();
        assertThat(Facts.isAmount("8")).isFalse();
    }

    @Test
    void should_not_answer_who_with_an_acronym_or_an_office() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile who = profile("Who told the trader that withdrawals were fine?", store);

        assertThat(who.newNames("Wang said the CEO of FTX told NASA and Sam Okafor so."))
                .containsExactly("Wang", "Sam Okafor");
        assertThat(who.newNames("Kenyan officials said Muslims and Christians were told by Ana Silva."))
                .containsExactly("Ana Silva");
    }

    @Test
    void should_take_the_name_given_right_after_the_asked_noun() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile group = profile("Which group carried out the attack?", store);
        String sentence = "Gunmen from the Somali terrorist group Al Shabaab attacked the Westgate mall in Nairobi.";

        assertThat(group.namedAfterAskedNoun(sentence, group.newNames(sentence))).contains("Al Shabaab");
        assertThat(ShortAnswer.of(group, sentence, List.of())).contains("Al Shabaab");
        assertThat(group.namedAfterAskedNoun("Westgate mall was attacked.", List.of("Westgate"))).isEmpty();
    }

    @Test
    void should_answer_where_with_the_place_the_report_puts_the_asked_thing_in() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile where = profile("Where is the Westgate mall?", store);
        String sentence = "Officials in the east African country said gunmen attacked the luxurious Westgate mall in "
                + "Nairobi, Kenya.";

        assertThat(ShortAnswer.of(where, sentence, List.of())).contains("Nairobi");
        assertThat(ShortAnswer.of(where, "Officials in the east African country met.", List.of())).contains("Africa");
        assertThat(where.placeAfterTopic("The launch took place outside the United States.")).isEmpty();
        assertThat(where.placeAfterTopic("Its owners opened the Westgate mall at The Hague in 2007.")).contains("Hague");
        assertThat(profile("Which country is the Westgate mall in?", store).placeAfterTopic(sentence)).isEmpty();
    }

    @Test
    void should_answer_a_passive_who_only_with_a_name_the_asked_verb_happened_to() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        QuestionProfile arrested = profile("Who was arrested after the attack?", store);
        String both = "Interior Minister Joseph Lenku told reporters that police arrested Ana Silva on Sunday.";

        assertThat(ShortAnswer.of(arrested, both, List.of())).contains("Ana Silva");
        assertThat(ShortAnswer.of(profile("Who was killed?", store),
                "On its Twitter account, Al Shabaab confirmed that infidels were targeted and killed.", List.of()))
                .isEmpty();
        assertThat(profile("Who carried out the attack?", store).undergoes(both, "Joseph Lenku")).isTrue();
        assertThat(profile("Who was accused of the attack?", store).undergoes(both, "Joseph Lenku")).isTrue();
        assertThat(profile("Who is arrested most often?", store).undergoes(both, "Joseph Lenku")).isTrue();
    }

    @Test
    void should_relate_a_one_word_country_to_its_other_forms_but_not_the_forms_to_each_other() {
        NewsLexicon lexicon = new NewsLexicon(new TextAnalyzer());
        TextAnalyzer analyzer = new TextAnalyzer();
        String kenya = analyzer.terms("Kenya").get(0);

        assertThat(lexicon.related(kenya)).contains(analyzer.terms("Kenyan").get(0));
        assertThat(lexicon.related(analyzer.terms("Kenyan").get(0))).containsExactly(kenya);
        assertThat(lexicon.related(analyzer.terms("Arabian").get(0))).isEmpty();
        assertThat(lexicon.related(analyzer.terms("English").get(0))).isEmpty();
    }

    @Test
    void should_not_answer_who_a_named_one_is_with_another_name() {
        IndexedSet store = TestSets.index("news", TestSets.news());
        String sentence = "Gunmen from the Somali group Al Shabaab attacked the Westgate mall in Nairobi.";

        assertThat(ShortAnswer.of(profile("Who are Al Shabaab?", store), sentence, List.of())).isEmpty();
        assertThat(ShortAnswer.of(profile("Who attacked the mall?", store), sentence, List.of())).isPresent();
    }

    private static QuestionProfile profile(String question, IndexedSet store) {
        TextAnalyzer analyzer = new TextAnalyzer();
        return new QuestionProfile(Question.of(question, java.time.LocalDate.of(2022, 6, 30), "news"), analyzer,
                new NewsLexicon(analyzer), store);
    }
}
