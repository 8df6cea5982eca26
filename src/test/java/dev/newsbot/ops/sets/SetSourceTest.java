package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.config.ConfigLoader;
import dev.newsbot.config.NewsbotConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetSourceTest {

    @TempDir
    Path dir;

    @Test
    void should_keep_the_snapshot_beside_a_file_and_inside_a_directory() throws IOException {
        Path file = Files.writeString(dir.resolve("news.jsonl"), "");
        Path folder = Files.createDirectories(dir.resolve("world"));
        Path home = dir.resolve("home");

        assertThat(SetSource.snapshotFor("news", List.of(file), null, home))
                .isEqualTo(dir.resolve("news.jsonl.newsbot-index"));
        assertThat(SetSource.snapshotFor("world", List.of(folder, file), null, home))
                .isEqualTo(folder.resolve(".newsbot-index"));
        assertThat(SetSource.snapshotFor("default", List.of(), null, home))
                .isEqualTo(home.resolve("snapshots/default.newsbot-index"));
        assertThat(SetSource.snapshotFor("news", List.of(file), "/var/snap", home))
                .isEqualTo(Path.of("/var/snap/news.newsbot-index"));
    }

    @Test
    void should_keep_the_snapshot_under_home_for_a_read_only_folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shared"));
        Path file = Files.writeString(folder.resolve("news.jsonl"), "");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path snapshot = SetSource.snapshotFor("news", List.of(file), null, dir.resolve("home"));

            assertThat(snapshot.getParent()).isEqualTo(dir.resolve("home/snapshots"));
            assertThat(snapshot.getFileName().toString()).matches("news-[0-9a-f]{8}\\.newsbot-index");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void should_list_the_default_set_first_bundled_unless_configured() {
        NewsbotConfig config = new ConfigLoader(Map.of("NEWSBOT_ARTICLES_SETS", "{world: [w.jsonl], alpha: [a.md]}",
                "NEWSBOT_ARTICLES_SNAPSHOTS", "false")).load(null);

        List<SetSource> sources = SetSource.of(config, dir);

        assertThat(sources).extracting(SetSource::name).containsExactly("default", "alpha", "world");
        assertThat(sources.get(0).bundled()).isTrue();
        assertThat(sources).allMatch(s -> s.snapshot() == null);
    }
}
