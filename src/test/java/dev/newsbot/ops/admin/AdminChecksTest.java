package dev.newsbot.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdminChecksTest {

    private static final String GROUP = "-1001234";

    /** Group 1001234's administrators are users 10 and 11; counts the lookups, as getChatMember calls. */
    static final class TelegramGroups implements GroupAdmins {
        final AtomicInteger lookups = new AtomicInteger();
        volatile boolean down;

        @Override
        public boolean isAdmin(String chatId, String userId) {
            lookups.incrementAndGet();
            if (down) {
                throw new IllegalStateException("getChatMember failed");
            }
            return chatId.equals(GROUP) && Set.of("10", "11").contains(userId);
        }
    }

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final TelegramGroups telegram = new TelegramGroups();
    private final AdminChecks checks = new AdminChecks(List.of(1L, 2L),
            new CachedGroupAdmins(telegram, Duration.ofSeconds(60), clock, 100));

    @Test
    void should_allow_reload_only_to_configured_admins() {
        assertThat(checks.isAdmin("1")).isTrue();
        assertThat(checks.isAdmin(" 2")).isTrue();
        assertThat(checks.isAdmin("10")).isFalse();
        assertThat(checks.isAdmin("3")).isFalse();
        assertThat(checks.isAdmin(null)).isFalse();
    }

    @Test
    void should_refuse_use_to_a_group_member_who_is_not_an_administrator() {
        assertThat(checks.mayChooseSet(GROUP, "12", false)).isFalse();
        assertThat(checks.mayChooseSet(GROUP, null, false)).isFalse();
    }

    @Test
    void should_allow_use_to_group_administrators_bot_admins_and_anyone_in_a_private_chat() {
        assertThat(checks.mayChooseSet(GROUP, "10", false)).isTrue();
        assertThat(checks.mayChooseSet(GROUP, "1", false)).isTrue();
        assertThat(checks.mayChooseSet("12", "12", true)).isTrue();
        assertThat(telegram.lookups).hasValue(1);
    }

    @Test
    void should_ask_telegram_once_per_user_and_group_until_the_answer_expires() {
        checks.mayChooseSet(GROUP, "12", false);
        clock.advance(Duration.ofSeconds(59));
        checks.mayChooseSet(GROUP, "12", false);
        assertThat(telegram.lookups).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        checks.mayChooseSet(GROUP, "12", false);
        assertThat(telegram.lookups).hasValue(2);
    }

    @Test
    void should_not_cache_a_failed_lookup() {
        telegram.down = true;
        assertThatThrownBy(() -> checks.mayChooseSet(GROUP, "10", false)).hasMessageContaining("getChatMember");

        telegram.down = false;
        assertThat(checks.mayChooseSet(GROUP, "10", false)).isTrue();
        assertThat(telegram.lookups).hasValue(2);
    }

    @Test
    void should_hold_at_most_the_configured_number_of_answers() {
        CachedGroupAdmins cache = new CachedGroupAdmins(telegram, Duration.ofMinutes(1), clock, 3);
        for (int user = 0; user < 10; user++) {
            cache.isAdmin(GROUP, String.valueOf(user));
        }

        assertThat(cache.size()).isEqualTo(3);
        cache.isAdmin(GROUP, "9");
        assertThat(telegram.lookups).hasValue(10);
    }

    @Test
    void should_drop_expired_answers() {
        CachedGroupAdmins cache = new CachedGroupAdmins(telegram, Duration.ofMinutes(1), clock, 100);
        cache.isAdmin(GROUP, "10");
        cache.isAdmin(GROUP, "12");

        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.size()).isZero();
    }
}
