package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 5: configuration that silently disarmed the bot. Every value goes through one typed check
 * ({@link ConfigValues}); every error is one line naming where the value came from, the key and the problem.
 */
class ConfigValidationTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("newsbot.yaml"), yaml);
    }

    /** The error of reading {@code yaml} from a file with {@code env}: one line, starting with the file. */
    private AbstractThrowableAssert<?, ? extends Throwable> fileError(String yaml, Map<String, String> env)
            throws IOException {
        Path file = write(yaml);
        return assertThatThrownBy(() -> new ConfigLoader(env).read(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageStartingWith(file + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> fileError(String yaml) throws IOException {
        return fileError(yaml, Map.of());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> envError(Map<String, String> env) {
        return assertThatThrownBy(() -> new ConfigLoader(env).load(null))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("defaults"));
    }

    @Test
    void nanRefusalThresholdIsRefused() throws IOException {
        fileError("answer:\n  refusalThreshold: NaN\n")
                .hasMessageContaining("answer.refusalThreshold").hasMessageContaining("NaN");
        fileError("answer:\n  refusalThreshold: .nan\n")
                .hasMessageContaining("answer.refusalThreshold").hasMessageContaining("(line 2)");
        fileError("answer:\n  refusalThreshold: .inf\n").hasMessageContaining("answer.refusalThreshold");
        fileError("answer:\n  llm:\n    temperature: NaN\n")
                .hasMessageContaining("answer.llm.temperature must be a finite number, was \"NaN\"");
        fileError("answer:\n  refusalThreshold: \"0.5\"\n")
                .hasMessageContaining("answer.refusalThreshold must be a finite number, was \"0.5\"");
        envError(Map.of("NEWSBOT_ANSWER_REFUSAL_THRESHOLD", "NaN"))
                .hasMessageStartingWith("environment variable NEWSBOT_ANSWER_REFUSAL_THRESHOLD=NaN: "
                        + "answer.refusalThreshold must be a finite number");
    }

    @Test
    void fractionalPassagesIsRefused() throws IOException {
        fileError("retrieval:\n  passages: 5.7\n")
                .hasMessageEndingWith(": retrieval.passages must be a whole number, was 5.7");
        fileError("retrieval:\n  passages: \"7\"\n")
                .hasMessageEndingWith(": retrieval.passages must be a whole number, was \"7\"");
        fileError("admin:\n  userIds: [111, 2.5]\n")
                .hasMessageEndingWith(": admin.userIds[1] must be a whole number, was 2.5");
        envError(Map.of("NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY", "5.0"))
                .hasMessage("environment variable NEWSBOT_TELEGRAM_RATE_LIMITS_PER_CHAT_CAPACITY=5.0: "
                        + "telegram.rateLimits.perChat.capacity must be a whole number, was 5.0");
    }

    @Test
    void duplicateKeyIsRefused() throws IOException {
        fileError("retrieval:\n  passages: 5\n  passages: 7\n")
                .hasMessageEndingWith(": retrieval.passages is written twice (line 3); write each key once");
        fileError("retrieval:\n  passages: 5\nanswer:\n  maxSentences: 2\nretrieval:\n  maxPassageTokens: 90\n")
                .hasMessageContaining(": retrieval is written twice (line 5)");
        envError(Map.of("NEWSBOT_ARTICLES_SETS", "{world: [a.jsonl], world: [b.jsonl]}"))
                .hasMessageStartingWith("environment variable NEWSBOT_ARTICLES_SETS: articles.sets")
                .hasMessageContaining("world is written twice");
    }

    @Test
    void emptySetValueNamesTheKey() throws IOException {
        fileError("articles:\n  sets: {world: }\n")
                .hasMessageContaining("articles.sets.world lists no files or folders");
        fileError("articles:\n  sets:\n    world:\n")
                .hasMessageContaining("articles.sets.world lists no files or folders");
        fileError("articles:\n  sets:\n    world: []\n")
                .hasMessageContaining("articles.sets.world lists no files or folders");
        fileError("articles:\n  sets:\n    world: [a.jsonl, '']\n")
                .hasMessageContaining("articles.sets.world[1] must be a file or folder, was empty");
        fileError("articles:\n  sets:\n    world: [a.jsonl, 5]\n")
                .hasMessageContaining("articles.sets.world[1] must be a file or folder, was 5");
    }

    @Test
    void emptyDefaultNamesTheKey() throws IOException {
        fileError("articles:\n  default: ''\n").hasMessageContaining("articles.default has no value");
        fileError("articles:\n  default:\n").hasMessageContaining("articles.default has no value");
        fileError("articles:\n  sets: {world: [w.jsonl]}\n  default: wrold\n")
                .hasMessageContaining("articles.default names no set of articles.sets, was \"wrold\" "
                        + "(the sets are world)");
        assertThat(new ConfigLoader(Map.of()).read(write("articles:\n  sets: {world: [w.jsonl]}\n  default: world\n"))
                .articles().defaultSet()).isEqualTo("world");
    }

    @Test
    void envVariableErrorNamesTheVariable() {
        envError(Map.of("NEWSBOT_ARTICLES_SETS", "{world: 5}"))
                .hasMessage("environment variable NEWSBOT_ARTICLES_SETS={world: 5}: articles.sets.world must be a "
                        + "list of files and folders ([a, b]), was 5");
        envError(Map.of("NEWSBOT_ARTICLES_SETS", "{world: []}"))
                .hasMessageStartingWith("environment variable NEWSBOT_ARTICLES_SETS={world: []}: "
                        + "articles.sets.world lists no files or folders");
        envError(Map.of("NEWSBOT_ADMIN_USER_IDS", "[1, x]"))
                .hasMessageStartingWith("environment variable NEWSBOT_ADMIN_USER_IDS=[1, x]: admin.userIds[1]");
    }

    @Test
    void missingPromptsFolderIsAnError() throws IOException {
        Path missing = dir.resolve("promtps");
        fileError("prompts: " + missing + "\n")
                .hasMessageContaining("prompts must be a folder of templates; there is no folder " + missing);
        envError(Map.of("NEWSBOT_PROMPTS", missing.toString()))
                .hasMessageStartingWith("environment variable NEWSBOT_PROMPTS=" + missing + ": prompts must be a "
                        + "folder");
        assertThatThrownBy(() -> new PromptFiles(missing)).hasMessageContaining("no folder " + missing);

        Path present = Files.createDirectory(dir.resolve("prompts"));
        assertThat(new ConfigLoader(Map.of()).read(write("prompts: " + present + "\n")).prompts())
                .isEqualTo(present.toString());
    }

    @Test
    void everyKindOfValueIsCheckedWithoutCoercion() throws IOException {
        fileError("watch:\n  enabled: \"yes\"\n").hasMessageEndingWith(": watch.enabled must be true or false, was \"yes\"");
        fileError("answer:\n  mode: [llm]\n").hasMessageEndingWith(": answer.mode must be text, was [\"llm\"]");
        fileError("retrieval:\n  passages:\n").hasMessageEndingWith(": retrieval.passages has no value; write one, "
                + "or leave the key out for its default");
        fileError("retrieval: 5\n").hasMessageContaining("retrieval must be a section of keys (embeddingModel, "
                + "maxPassageTokens, passages), was 5");
        fileError("retrieval:\n  passages: 99999999999\n").hasMessageEndingWith(
                ": retrieval.passages is out of range, was 99999999999");
        fileError("retrieval:\n  pasages: 7\n").hasMessageContaining("unknown key retrieval.pasages (retrieval has "
                + "embeddingModel, maxPassageTokens, passages)");
        assertThat(new ConfigLoader(Map.of()).read(write("state:\nwatch:\n  enabled: true\n")).watch().enabled())
                .isTrue();
    }
}
