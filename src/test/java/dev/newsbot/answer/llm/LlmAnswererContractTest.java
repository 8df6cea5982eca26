package dev.newsbot.answer.llm;

import dev.newsbot.answer.Answerer;
import dev.newsbot.answer.AnswererContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/**
 * The LLM answerer keeps the answerer contract, through the real LangChain4j OpenAI client against a scripted
 * server on 127.0.0.1.
 */
class LlmAnswererContractTest extends AnswererContract {

    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    @Override
    protected Answerer answerer() {
        return LlmFixture.answerer(server, 5, executor, new SimpleMeterRegistry());
    }

    @Override
    protected void willReply(String reply) {
        server.replyContent(reply);
    }
}
