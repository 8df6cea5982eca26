package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSettingsTest {

    @TempDir
    Path dir;

    private NewsbotConfig read(String yaml) throws IOException {
        return new ConfigLoader().read(Files.writeString(dir.resolve("newsbot.yaml"), yaml));
    }

    @Test
    void should_default_to_extractive_answers_and_openai_settings() {
        NewsbotConfig.Llm llm = NewsbotConfig.defaults().answer().llm();

        assertThat(NewsbotConfig.defaults().answer().mode()).isEqualTo("extractive");
        assertThat(llm.provider()).isEqualTo("openai");
        assertThat(llm.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(llm.model()).isNull();
        assertThat(llm.timeoutSeconds()).isEqualTo(20);
        assertThat(llm.maxOutputTokens()).isEqualTo(400);
        assertThat(llm.temperature()).isEqualTo(0.0);
    }

    @Test
    void should_read_the_llm_section_with_ollama_defaults() throws IOException {
        NewsbotConfig config = read("answer:\n  mode: llm\n  llm:\n    provider: ollama\n    model: llama3.1:8b\n"
                + "    timeoutSeconds: 30\n    maxOutputTokens: 300\n    temperature: 0.2\n");

        assertThat(config.answer().mode()).isEqualTo("llm");
        assertThat(config.answer().llm()).isEqualTo(
                new NewsbotConfig.Llm("ollama", "http://localhost:11434/v1", "llama3.1:8b", 30, 300, 0.2));
    }

    @Test
    void should_name_the_key_of_a_bad_llm_value() throws IOException {
        assertThatThrownBy(() -> read("answer:\n  llm:\n    timeoutSeconds: 0\n"))
                .hasMessageContaining("answer.llm.timeoutSeconds must be 1 to 600, was 0");
        assertThatThrownBy(() -> read("answer:\n  llm:\n    provider: claude\n"))
                .hasMessageContaining("answer.llm.provider must be openai or ollama");
        assertThatThrownBy(() -> read("answer:\n  llm:\n    baseUrl: localhost:11434\n"))
                .hasMessageContaining("answer.llm.baseUrl must be an http or https URL");
    }

    @Test
    void should_never_read_an_api_key_from_the_file() throws IOException {
        assertThatThrownBy(() -> read("answer:\n  llm:\n    apiKey: sk-123\n"))
                .hasMessageContaining("answer.llm.apiKey");
    }

    @Test
    void should_let_the_environment_override_mode_base_url_and_model() throws IOException {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_ANSWER_MODE", "llm",
                "NEWSBOT_LLM_BASE_URL", "http://127.0.0.1:8080/v1", "NEWSBOT_LLM_MODEL", "from-env",
                "NEWSBOT_LLM_API_KEY", "sk-never-stored"))
                .read(Files.writeString(dir.resolve("newsbot.yaml"), "answer:\n  llm:\n    model: from-file\n"));

        assertThat(config.answer().mode()).isEqualTo("llm");
        assertThat(config.answer().llm().baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(config.answer().llm().model()).isEqualTo("from-env");
        assertThat(config.toString()).doesNotContain("sk-never-stored");
    }

    @Test
    void should_name_the_variable_of_a_bad_environment_value() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("NEWSBOT_ANSWER_MODE", "gpt")).load(null))
                .hasMessageContaining("NEWSBOT_ANSWER_MODE").hasMessageContaining("answer.mode must be extractive or llm");
    }
}
