package dev.newsbot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the shared development data: {@code ../shared} beside the project (as CI lays it out), else
 * {@code /work/shared}. Tests that need it are skipped, not failed, when it is absent.
 */
public final class TestData {

    private TestData() {
    }

    /** A file under the shared folder, such as {@code eval/rtqa2022/articles.jsonl}, if present. */
    public static Optional<Path> find(String relative) {
        Path beside = Path.of(System.getProperty("user.dir")).resolve("../shared").normalize();
        return Stream.of(beside, Path.of("/work/shared")).map(base -> base.resolve(relative))
                .filter(Files::exists).findFirst();
    }

    /** The file, or skips the calling test when the shared data is absent. */
    public static Path require(String relative) {
        Optional<Path> found = find(relative);
        assumeTrue(found.isPresent(), "shared/" + relative + " is absent: test skipped");
        return found.get();
    }
}
