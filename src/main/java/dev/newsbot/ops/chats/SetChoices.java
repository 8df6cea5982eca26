package dev.newsbot.ops.chats;

import dev.newsbot.ops.sets.NoSuchSetException;


/**
 * The article set each chat uses: the one it picked with {@code /use}, else the default set. {@link ChatSets} keeps
 * the choices in a state file of this process; a fleet of replicas shares them in Redis (the {@code fleet}
 * package), so a choice made through one replica holds on all. Implementations are thread-safe.
 */
public interface SetChoices {

    /** The set the chat's questions use; the default set when it picked none, or its set is no longer configured. */
    String setOf(String chatId);

    /**
     * Makes the chat use {@code set} from now on; the choice is kept before this returns.
     *
     * @throws NoSuchSetException when no set of that name is configured
     * @throws java.io.UncheckedIOException when the choice cannot be kept; it is then not made
     */
    void use(String chatId, String set);

    /**
     * Forgets the chat's choice (the bot left that group); nothing when it had none.
     *
     * @throws java.io.UncheckedIOException when that cannot be kept; the choice then stays
     */
    void forget(String chatId);
}
