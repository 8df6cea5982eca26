package dev.newsbot.telegram;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal of one process keeps the {@link UpdateQueueContract}; a crash leaves the journal as it is. */
class JournalQueueContractTest extends UpdateQueueContract {

    @TempDir
    Path dir;

    @Override
    protected UpdateQueue openQueue() {
        return UpdateQueue.journal(dir);
    }

    @Override
    protected void crash(UpdateQueue queue) {
        queue.close();
    }
}
