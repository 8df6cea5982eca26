package dev.newsbot.fleet;

import dev.newsbot.answer.Answer;
import dev.newsbot.ops.why.Explanations;
import dev.newsbot.ops.why.Why;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Explanations} of the fleet: the {@code /why} text of each chat's last answer, rendered when the answer is
 * given and kept in Redis ({@code prefix:why:<chat>}) for {@link #KEPT}, so {@code /why} on any replica explains the
 * answer another gave. While Redis cannot be reached an answer's explanation is not kept and {@code /why} finds none.
 */
final class RedisExplanations implements Explanations {

    /** How long a chat's last explanation is kept. */
    static final Duration KEPT = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(RedisExplanations.class);

    private final RedisCommands<String, String> redis;
    private final RedisHealth health;
    private final FleetSettings settings;

    RedisExplanations(RedisCommands<String, String> redis, RedisHealth health, FleetSettings settings) {
        this.redis = redis;
        this.health = health;
        this.settings = settings;
    }

    @Override
    public void answered(String chatId, Answer answer) {
        Objects.requireNonNull(chatId, "chatId");
        String text = Why.render(Objects.requireNonNull(answer, "answer"));
        try {
            health.call("set", () -> redis.set(settings.key("why", chatId), text, SetArgs.Builder.ex(KEPT)));
        } catch (UncheckedIOException e) {
            LOG.debug("Not keeping the explanation of an answer: {}", e.getMessage());
        }
    }

    @Override
    public Optional<String> explain(String chatId) {
        try {
            return Optional.ofNullable(health.call("get", () -> redis.get(settings.key("why", chatId))));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
