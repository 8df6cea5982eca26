package dev.newsbot.telegram;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedback.jsonl} keeps the {@link FeedbackStoreContract}; each {@link #open} is the next start. */
class FileFeedbackStoreContractTest extends FeedbackStoreContract {

    @TempDir
    Path dir;

    @Override
    protected FeedbackStore open() {
        return FileFeedbackStore.open(dir);
    }
}
