package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOverridesTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("newsbot.yaml"), yaml);
    }

    @Test
    void should_let_an_environment_variable_override_a_key_of_the_file() throws IOException {
        Path file = write("retrieval:\n  passages: 5\n  maxPassageTokens: 100\n");

        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_RETRIEVAL_PASSAGES", "7")).read(file);

        assertThat(config.retrieval().passages()).isEqualTo(7);
        assertThat(config.retrieval().maxPassageTokens()).isEqualTo(100);
    }

    @Test
    void should_read_log_format_from_the_file_and_let_the_variable_win() throws IOException {
        Path file = write("log:\n  format: json\n");

        assertThat(new ConfigLoader(Map.of()).read(file).log().format()).isEqualTo("json");
        assertThat(new ConfigLoader(Map.of("NEWSBOT_LOG_FORMAT", "text")).read(file).log().format()).isEqualTo("text");
        assertThat(new ConfigLoader(Map.of()).load(null).log().format()).isEqualTo("text");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("NEWSBOT_LOG_FORMAT", "xml")).load(null))
                .hasMessageContaining("NEWSBOT_LOG_FORMAT").hasMessageContaining("log.format must be text or json");
    }

    @Test
    void should_choose_the_embedding_model_by_environment_variable() {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_RETRIEVAL_EMBEDDING_MODEL", "bge-small-en-v1.5-q",
                "NEWSBOT_RETRIEVAL_MAX_PASSAGE_TOKENS", "300")).load(null);

        assertThat(config.retrieval().embeddingModel()).isEqualTo("bge-small-en-v1.5-q");
        assertThat(config.retrieval().maxPassageTokens()).isEqualTo(300);
    }

    @Test
    void should_split_camel_case_words_and_read_lists_and_maps_as_yaml() {
        NewsbotConfig config = new ConfigLoader(Map.of(
                "NEWSBOT_RETRIEVAL_MAX_PASSAGE_TOKENS", "90",
                "NEWSBOT_ADMIN_USER_IDS", "[111, 222]",
                "NEWSBOT_ARTICLES_SETS", "{world: [/srv/world, /srv/extra.jsonl]}",
                "NEWSBOT_ARTICLES_DEFAULT", "world",
                "NEWSBOT_ADMIN_ADDR", "0.0.0.0:9000",
                "NEWSBOT_WATCH_ENABLED", "true",
                "NEWSBOT_TELEGRAM_RATE_LIMITS_PER_USER_CAPACITY", "3")).load(null);

        assertThat(config.retrieval().maxPassageTokens()).isEqualTo(90);
        assertThat(config.admin().userIds()).containsExactly(111L, 222L);
        assertThat(config.articles().sets()).containsEntry("world", List.of("/srv/world", "/srv/extra.jsonl"));
        assertThat(config.articles().defaultSet()).isEqualTo("world");
        assertThat(config.admin().host()).isEqualTo("0.0.0.0");
        assertThat(config.admin().port()).isEqualTo(9000);
        assertThat(config.watch().enabled()).isTrue();
        assertThat(config.telegram().rateLimits().perUser().capacity()).isEqualTo(3);
        assertThat(config.telegram().rateLimits().perUser().periodSeconds()).isEqualTo(60);
    }

    @Test
    void should_accept_the_short_llm_names_and_let_the_full_name_win() {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_LLM_MODEL", "short", "NEWSBOT_LLM_BASE_URL",
                "http://127.0.0.1:8080/v1", "NEWSBOT_ANSWER_LLM_BASE_URL", "http://127.0.0.1:9090/v1")).load(null);

        assertThat(config.answer().llm().model()).isEqualTo("short");
        assertThat(config.answer().llm().baseUrl()).isEqualTo("http://127.0.0.1:9090/v1");
    }

    @Test
    void should_name_the_variable_and_the_key_of_a_bad_value_from_the_environment() throws IOException {
        Path file = write("answer:\n  maxSentences: 2\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of("NEWSBOT_ANSWER_MAX_SENTENCES", "9")).read(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("NEWSBOT_ANSWER_MAX_SENTENCES")
                .hasMessageContaining("answer.maxSentences must be 1 to 3, was 9")
                .hasMessageNotContaining(file.toString());
    }

    @Test
    void should_name_the_variable_of_a_value_of_the_wrong_type() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("NEWSBOT_RETRIEVAL_PASSAGES", "many")).load(null))
                .hasMessageStartingWith("environment variable NEWSBOT_RETRIEVAL_PASSAGES=many: retrieval.passages");
    }

    @Test
    void should_refuse_a_secret_written_in_the_file() throws IOException {
        Path file = write("admin:\n  token: hunter2\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).read(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("admin.token")
                .hasMessageContaining("NEWSBOT_ADMIN_TOKEN").hasMessageNotContaining("hunter2");
    }

    @Test
    void should_name_the_key_of_a_bad_admin_address() throws IOException {
        Path file = write("admin:\n  addr: localhost\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).read(file))
                .hasMessage(file + ": admin.addr must be host:port, was \"localhost\"");
    }

    @Test
    void should_require_an_https_public_url_for_an_enabled_webhook() throws IOException {
        Path file = write("telegram:\n  webhook:\n    enabled: true\n    publicUrl: http://example.com/hook\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).read(file))
                .hasMessageContaining("telegram.webhook.publicUrl must be an https URL");
    }

    @Test
    void should_name_the_nested_key_of_a_bad_rate_limit() throws IOException {
        Path file = write("telegram:\n  rateLimits:\n    perChat:\n      capacity: 0\n");

        assertThatThrownBy(() -> new ConfigLoader(Map.of()).read(file))
                .hasMessage(file + ": telegram.rateLimits.perChat.capacity must be 1 to 10000, was 0");
    }

    @Test
    void should_ignore_variables_that_are_not_keys_and_blank_ones() {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_HOME", "/srv/home", "NEWSBOT_ADMIN_TOKEN", "t",
                "NEWSBOT_NOT_A_KEY", "1", "NEWSBOT_RETRIEVAL_PASSAGES", " ")).load(null);

        assertThat(config).isEqualTo(NewsbotConfig.defaults());
    }

    @Test
    void should_give_the_new_sections_their_documented_defaults() {
        NewsbotConfig config = NewsbotConfig.defaults();

        assertThat(config.admin().addr()).isEqualTo("127.0.0.1:8081");
        assertThat(config.admin().userIds()).isEmpty();
        assertThat(config.telegram().rateLimits().perChat()).isEqualTo(new NewsbotConfig.RateLimit(20, 60));
        assertThat(config.telegram().webhook().enabled()).isFalse();
        assertThat(config.watch().enabled()).isFalse();
        assertThat(config.watch().debounceMillis()).isEqualTo(1000);
        assertThat(config.state().file()).isNull();
    }

    @Test
    void should_document_every_key_in_the_example_file() throws IOException {
        Path example = Path.of(System.getProperty("user.dir"), "config", "newsbot.example.yaml");
        String text = Files.readString(example);

        new ConfigLoader(Map.of()).read(example);
        for (ConfigKeys.Key key : ConfigKeys.byEnvName().values()) {
            String leaf = key.parts().get(key.parts().size() - 1);
            assertThat(text).as(key.path()).containsPattern("(?m)^[ #]*" + leaf + ":");
            assertThat(text).as(key.path()).contains(key.envName());
        }
    }

    @Test
    void should_read_secrets_only_from_the_environment_and_never_show_them() {
        Secrets secrets = Secrets.from(Map.of("NEWSBOT_ADMIN_TOKEN", " s3cret ", "TELEGRAM_BOT_TOKEN", ""));

        assertThat(secrets.adminToken()).contains("s3cret");
        assertThat(secrets.telegramToken()).isEmpty();
        assertThat(secrets.toString()).doesNotContain("s3cret");
    }
}
