package dev.newsbot.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.chat.ChatService;
import dev.newsbot.chat.Reply;
import dev.newsbot.chat.SetSummary;
import dev.newsbot.telegram.TelegramBot;
import dev.newsbot.telegram.TelegramMetrics;
import dev.newsbot.telegram.TelegramSettings;
import dev.newsbot.telegram.TelegramTestSettings;
import dev.newsbot.telegram.TelegramTexts;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Polling with replicas: two real {@link TelegramBot}s in polling mode (each its own fleet membership, thread pools and
 * Redis connections) against the Bot API fake. Only the holder of the polling lease calls {@code getUpdates}; when it
 * dies without handing anything over, the other takes the lease within a few seconds and every question is answered
 * once.
 */
@Timeout(120)
class FleetPollingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeBotApi fake = new FakeBotApi();
    private final TestRedis redis = new TestRedis("polling");
    private final Map<String, Fleet> fleets = new java.util.HashMap<>();
    private final List<TelegramBot> bots = new ArrayList<>();

    FleetPollingIT() throws IOException {
    }

    /** Answers every question with a refusal naming it, so each reply shows which question it answers. */
    private static final class EchoChat implements ChatService {
        @Override
        public Reply ask(ChatRequest request) {
            return new Reply(request.text(), "Not in the articles: " + request.text(), List.of(), true, "default",
                    false);
        }

        @Override
        public List<SetSummary> sets() {
            return List.of();
        }
    }

    @AfterEach
    void stop() {
        bots.forEach(TelegramBot::close);
        fake.close();
        redis.close();
    }

    private void replica(String name) {
        Fleet fleet = redis.fleet(name, Clock.systemUTC());
        fleets.put(name, fleet);
        TelegramSettings settings = TelegramTestSettings.read(TelegramTestSettings.against(fake.baseUrl()),
                new TelegramTestSettings.Timings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                        TelegramSettings.Retry.DEFAULT, Duration.ofSeconds(1)));
        TelegramBot bot = new TelegramBot(settings, new EchoChat(), TelegramTexts.load(Path.of("prompts")),
                Clock.systemUTC(), TelegramMetrics.none(), null, null, null, fleet.telegramStores());
        bots.add(bot);
        bot.start();
    }

    private String poller() {
        RedisClient client = RedisClient.create(TestRedis.SERVER.toString());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().get(redis.prefix + ":poller");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void should_let_only_the_lease_holder_poll_and_hand_polling_over_when_it_dies() {
        replica("p1");
        replica("p2");
        FakeUser ann = fake.user("Ann");
        FakeChat dm = fake.privateChat(ann);
        List<Incoming> questions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            questions.add(fake.say(dm, ann, "Question " + i));
        }
        await().atMost(WAIT).until(() -> questions.stream().allMatch(q -> !fake.repliesTo(q).isEmpty()));
        String holder = poller();
        assertThat(holder).isIn("p1", "p2");

        long died = System.nanoTime();
        fleets.get(holder).abandon();
        await().atMost(WAIT).until(() -> poller() != null && !holder.equals(poller()));
        Duration takeover = Duration.ofNanos(System.nanoTime() - died);
        for (int i = 10; i < 20; i++) {
            questions.add(fake.say(dm, ann, "Question " + i));
        }
        await().atMost(WAIT).until(() -> questions.stream().allMatch(q -> !fake.repliesTo(q).isEmpty()));

        System.out.printf("FleetPollingIT: polling moved from %s to %s in %d ms (claim timeout %d ms)%n", holder,
                poller(), takeover.toMillis(), TestRedis.CLAIM.toMillis());
        assertThat(takeover).isLessThan(TestRedis.CLAIM.multipliedBy(3));
        assertThat(questions).allMatch(q -> fake.repliesTo(q).size() == 1, "each answered once");
        assertThat(fake.sentTo(dm).stream().map(m -> m.replyTo()).toList()).isSorted();
    }
}
