package dev.newsbot.ops.chats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.ops.sets.NoSuchSetException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SetChoices} promises: the file of one process ({@link ChatSets}) and the fleet's Redis hash both
 * pass it. {@link #open} gives a fresh store over the same place each time it is called in one test, standing in for
 * a restart or another replica.
 */
public abstract class SetChoicesContract {

    protected static final List<String> CONFIGURED = List.of("default", "local", "world");
    protected static final Predicate<String> KNOWN = CONFIGURED::contains;
    protected static final Supplier<Collection<String>> NAMES = () -> CONFIGURED;

    /** A store whose default set is {@code default} and which knows {@link #CONFIGURED}. */
    protected abstract SetChoices open();

    @Test
    void should_use_the_default_set_until_a_chat_picks_one() {
        assertThat(open().setOf("1")).isEqualTo("default");
    }

    @Test
    void should_keep_a_choice_for_the_next_store_over_the_same_place() {
        open().use("1", "local");

        SetChoices other = open();

        assertThat(other.setOf("1")).isEqualTo("local");
        assertThat(other.setOf("2")).isEqualTo("default");
    }

    @Test
    void should_refuse_an_unknown_set_and_keep_the_earlier_choice() {
        SetChoices sets = open();
        sets.use("1", "world");

        assertThatThrownBy(() -> sets.use("1", "nope")).isInstanceOf(NoSuchSetException.class)
                .hasMessageContaining("nope");
        assertThat(open().setOf("1")).isEqualTo("world");
    }

    @Test
    void should_forget_a_chat_and_go_back_to_the_default() {
        SetChoices sets = open();
        sets.use("1", "world");
        sets.use("2", "local");

        sets.forget("1");
        open().use("2", "default");

        assertThat(open().setOf("1")).isEqualTo("default");
        assertThat(open().setOf("2")).isEqualTo("default");
    }
}
