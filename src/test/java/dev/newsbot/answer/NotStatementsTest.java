package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.NotStatements.Kind;
import org.junit.jupiter.api.Test;

/** Headlines, captions, bylines and boilerplate of real news pages, and statements that look like them. */
class NotStatementsTest {

    @Test
    void should_take_a_line_without_a_full_stop_for_a_headline() {
        assertThat(NotStatements.of("Nikki Haley drops out of GOP presidential primary")).contains(Kind.HEADLINE);
        assertThat(NotStatements.of("Here are the 2023 tax brackets:")).contains(Kind.HEADLINE);
        assertThat(NotStatements.of("New York CNN Business —")).contains(Kind.HEADLINE);
        assertThat(NotStatements.of("Officials said 12 people were killed.")).isEmpty();
        assertThat(NotStatements.of("“We will rebuild,” the mayor said.”")).isEmpty();
        assertThat(NotStatements.of("word ".repeat(NotStatements.MAX_HEADLINE_WORDS).strip()))
                .as("a piece cut from an overlong sentence").isEmpty();
    }

    @Test
    void should_never_quote_a_caption() {
        assertThat(NotStatements.of("John Normile/Getty Images A man uses a snowblower to dig out a vehicle on Friday."))
                .contains(Kind.CAPTION);
        assertThat(NotStatements.of("Noah Berger/AP Cattle graze in a meadow near Mariposa, California, on Monday."))
                .contains(Kind.CAPTION);
        assertThat(NotStatements.of("Hide Caption 23 of 44 Photos: Prince William makes his water polo debut."))
                .contains(Kind.CAPTION);
        assertThat(NotStatements.of("(Photo: Jane Doe, USA TODAY) The mall reopened on Friday.")).contains(Kind.CAPTION);
        assertThat(NotStatements.of("Getty Images sued Stability AI in London on Tuesday.")).isEmpty();
    }

    @Test
    void should_never_quote_a_byline_or_a_note_on_the_writer() {
        assertThat(NotStatements.of("By Jane Doe, USA TODAY")).contains(Kind.BYLINE);
        assertThat(NotStatements.of("By Jane Doe and John Roe.")).contains(Kind.BYLINE);
        assertThat(NotStatements.of("Nathan Diller is a consumer travel reporter for USA TODAY based in Nashville."))
                .contains(Kind.BYLINE);
        assertThat(NotStatements.of("Dinah Voyles Pulver covers climate and environmental issues for USA TODAY."))
                .contains(Kind.BYLINE);
        assertThat(NotStatements.of("By Monday afternoon, the river had already receded.")).isEmpty();
        assertThat(NotStatements.of("RAGBRAI covers ambulance services for registered riders.")).isEmpty();
    }

    @Test
    void should_never_quote_boilerplate() {
        assertThat(NotStatements.of("Read more: The mall reopens after the floods.")).contains(Kind.BOILERPLATE);
        assertThat(NotStatements.of("Sign up for our weekly newsletter on the floods.")).contains(Kind.BOILERPLATE);
        assertThat(NotStatements.of("Subscribe to The Week for more coverage.")).contains(Kind.BOILERPLATE);
        assertThat(NotStatements.of("Contact Jane Doe at jdoe@example.com or (302) 555-0100.")).contains(Kind.BOILERPLATE);
        assertThat(NotStatements.of("Follow him on X @janedoe and on Instagram.")).contains(Kind.BOILERPLATE);
        assertThat(NotStatements.of("Contact tracing has slowed since the floods.")).isEmpty();
        assertThat(NotStatements.of("Subscribers rose 5% in the quarter.")).isEmpty();
    }
}
