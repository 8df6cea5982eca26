package dev.newsbot.ops.chats;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The state file of one process keeps the {@link SetChoicesContract}. */
class ChatSetsContractTest extends SetChoicesContract {

    @TempDir
    Path dir;

    @Override
    protected SetChoices open() {
        return new ChatSets(dir.resolve("state.json"), "default", KNOWN, NAMES);
    }
}
