package dev.newsbot.ops.chats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsbot.ops.sets.NoSuchSetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SetChoices} of one process: the one a chat picked with {@code /use}, else the default set. Choices are
 * kept in a small JSON state file ({@code {"chats": {"<chat id>": "<set>"}}}), replaced atomically on every change, and
 * read back at start, so they survive a restart. A state file that cannot be read is logged and treated as empty; a
 * chat whose set is no longer configured falls back to the default. Thread-safe.
 */
public final class ChatSets implements SetChoices {

    private static final Logger log = LoggerFactory.getLogger(ChatSets.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;
    private final String defaultSet;
    private final Predicate<String> known;
    private final Supplier<java.util.Collection<String>> names;
    private final Map<String, String> choices;

    /**
     * @param file       the state file; need not exist
     * @param defaultSet the set of chats that picked none
     * @param known      whether a set of that name is configured
     * @param names      the configured sets' names, for error messages
     */
    public ChatSets(Path file, String defaultSet, Predicate<String> known,
                    Supplier<java.util.Collection<String>> names) {
        this.file = Objects.requireNonNull(file, "file");
        this.defaultSet = Objects.requireNonNull(defaultSet, "defaultSet");
        this.known = Objects.requireNonNull(known, "known");
        this.names = Objects.requireNonNull(names, "names");
        this.choices = read(file);
    }

    /** The set the chat's questions use. */
    @Override
    public synchronized String setOf(String chatId) {
        String chosen = choices.get(chatId);
        return chosen != null && known.test(chosen) ? chosen : defaultSet;
    }

    /**
     * Makes the chat use {@code set} from now on, and saves the choice before returning.
     *
     * @throws NoSuchSetException when no set of that name is configured
     * @throws UncheckedIOException when the state file cannot be written; the choice is then not made
     */
    @Override
    public synchronized void use(String chatId, String set) {
        Objects.requireNonNull(chatId, "chatId");
        if (!known.test(set)) {
            throw new NoSuchSetException(set, names.get());
        }
        String before = set.equals(defaultSet) ? choices.remove(chatId) : choices.put(chatId, set);
        try {
            save();
        } catch (IOException e) {
            if (before == null) {
                choices.remove(chatId);
            } else {
                choices.put(chatId, before);
            }
            throw new UncheckedIOException("cannot save the chat's set in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the chat's choice (the bot left that group), saving before returning; nothing when it had none.
     *
     * @throws UncheckedIOException when the state file cannot be written; the choice is then kept
     */
    @Override
    public synchronized void forget(String chatId) {
        String before = choices.remove(chatId);
        if (before == null) {
            return;
        }
        try {
            save();
        } catch (IOException e) {
            choices.put(chatId, before);
            throw new UncheckedIOException("cannot save the chat sets in " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() throws IOException {
        StateFile.replace(file, JSON.writeValueAsBytes(Map.of("chats", new TreeMap<>(choices))));
    }

    private static Map<String, String> read(Path file) {
        try {
            Map<String, Map<String, String>> state = JSON.readValue(Files.readAllBytes(file),
                    new TypeReference<Map<String, Map<String, String>>>() { });
            Map<String, String> chats = state == null ? null : state.get("chats");
            return chats == null ? new TreeMap<>() : new TreeMap<>(chats);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the state file {}; every chat starts on the default set: {}", file, e.getMessage());
            return new TreeMap<>();
        }
    }
}
