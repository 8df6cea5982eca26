package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void should_fill_every_placeholder() {
        Template t = Template.parse("t", "Set {{set}} has {{ articles }}.", Set.of("set"), Set.of("articles"));

        assertThat(t.render(Map.of("set", "news", "articles", "3 articles"))).isEqualTo("Set news has 3 articles.");
    }

    @Test
    void should_reject_an_unknown_placeholder_naming_it_and_the_template() {
        assertThatThrownBy(() -> Template.parse("prompts/refusal.txt", "{{set}} {{sett}}", Set.of("set"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompts/refusal.txt").hasMessageContaining("unknown").hasMessageContaining("{{sett}}");
    }

    @Test
    void should_reject_a_missing_required_placeholder() {
        assertThatThrownBy(() -> Template.parse("answer.txt", "no question here", Set.of("question"), Set.of()))
                .hasMessageContaining("missing").hasMessageContaining("{{question}}");
    }

    @Test
    void should_keep_dollar_signs_and_backslashes_in_values() {
        Template t = Template.parse("t", "{{x}}", Set.of("x"), Set.of());

        assertThat(t.render(Map.of("x", "$1 \\n"))).isEqualTo("$1 \\n");
    }

    @Test
    void should_name_the_line_of_an_unknown_or_malformed_placeholder() {
        assertThatThrownBy(() -> Template.parse("help.html", "Hi\n\n{{build date}}", Set.of(), Set.of("name")))
                .hasMessage("help.html:3: unknown placeholder {{build date}}; known here: name");
        assertThatThrownBy(() -> Template.parse("ask.html", "Use {{name} now", Set.of(), Set.of("name")))
                .hasMessage("ask.html:1: malformed placeholder (unmatched '{{' or '}}')");
        assertThatThrownBy(() -> Template.parse("a.txt", "x", Set.of("b", "a"), Set.of()))
                .hasMessage("a.txt: missing placeholders {{a}}, {{b}}");
        assertThatThrownBy(() -> Template.parse("e.txt", "  \n", Set.of(), Set.of()))
                .hasMessage("e.txt: template is empty");
    }

    @Test
    void should_leave_placeholders_empty_in_the_skeleton() {
        Template t = Template.parse("t", "  <b>{{x}}</b> and {{ y }}\n", Set.of("x"), Set.of("y"));

        assertThat(t.skeleton()).isEqualTo("<b></b> and ");
        assertThat(t.placeholders()).containsExactlyInAnyOrder("x", "y");
        assertThat(t.text()).isEqualTo("<b>{{x}}</b> and {{ y }}");
    }
}
