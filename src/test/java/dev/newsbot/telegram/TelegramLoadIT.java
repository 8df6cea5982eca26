package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 50 chats × 10 questions through the real client and poller: every question answered exactly once, answers in
 * question order within each chat. Prints round-trip percentiles (fake queued → fake received the answer); asserts
 * no timings.
 */
@Timeout(120)
class TelegramLoadIT {

    private static final int CHATS = 50;
    private static final int QUESTIONS = 10;

    @Test
    void should_answer_every_question_of_50_chats_exactly_once_and_in_order() throws Exception {
        try (BotHarness h = new BotHarness()) {
            h.chat.script = r -> {
                sleep(ThreadLocalRandom.current().nextInt(5, 20));
                return ScriptedChatService.standard(r);
            };
            h.start(Map.of("NEWSBOT_TELEGRAM_WORKERS", "8"));
            List<FakeChat> chats = new ArrayList<>();
            List<FakeUser> users = new ArrayList<>();
            for (int c = 0; c < CHATS; c++) {
                FakeUser u = h.user("User" + c);
                users.add(u);
                chats.add(c % 2 == 0 ? h.dm(u) : h.fake.group("Group " + c));
            }

            long t0 = System.nanoTime();
            List<Incoming> questions = new ArrayList<>();
            for (int q = 0; q < QUESTIONS; q++) {
                for (int c = 0; c < CHATS; c++) {
                    String text = (chats.get(c).isPrivate() ? "" : "@newsbot_test_bot ") + "chat " + c + " question " + q;
                    questions.add(h.fake.say(chats.get(c), users.get(c), text));
                }
            }
            h.fake.awaitSent(m -> true, CHATS * QUESTIONS, Duration.ofSeconds(90));
            Duration wall = Duration.ofNanos(System.nanoTime() - t0);
            Thread.sleep(300);

            List<SentMessage> sent = h.fake.sent();
            Map<Long, List<Integer>> answerIdsByChat = new HashMap<>();
            List<Long> roundTrips = new ArrayList<>();
            for (Incoming q : questions) {
                List<SentMessage> replies = sent.stream().filter(m -> m.chatId() == q.chat().id()
                        && m.replyTo() != null && m.replyTo() == q.messageId()).toList();
                assertThat(replies).as("replies to %s", q.text()).hasSize(1);
                assertThat(replies.get(0).visibleText()).startsWith(ScriptedChatService.ANSWER);
                answerIdsByChat.computeIfAbsent(q.chat().id(), k -> new ArrayList<>()).add(replies.get(0).messageId());
                roundTrips.add(replies.get(0).sentNanos() - q.queuedNanos());
            }
            answerIdsByChat.values().forEach(ids -> assertThat(ids).isSorted());
            assertThat(h.chat.requests).hasSize(CHATS * QUESTIONS);
            assertThat(h.chat.requests.stream().map(ChatRequest::text).collect(Collectors.toSet()))
                    .hasSize(CHATS * QUESTIONS);

            roundTrips.sort(Long::compare);
            System.out.printf("telegram load: %d chats x %d questions, 8 workers, engine 5-19 ms: answered %d / "
                            + "sent %d messages in %d ms; round trip p50 %d ms, p99 %d ms, max %d ms%n",
                    CHATS, QUESTIONS, questions.size(), sent.size(), wall.toMillis(),
                    millis(percentile(roundTrips, 50)), millis(percentile(roundTrips, 99)),
                    millis(roundTrips.get(roundTrips.size() - 1)));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
