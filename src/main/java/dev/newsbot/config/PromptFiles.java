package dev.newsbot.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads prompt and message templates. Operators edit them in a folder ({@code prompts/} beside the working
 * directory, or the folder named by {@code NEWSBOT_PROMPTS} or the config), without rebuilding the jar; a
 * template missing from that folder falls back to the copy bundled in the jar. A folder that is named but does
 * not exist is an error, never a silent fall-back to the bundled copies.
 */
public final class PromptFiles {

    private static final String BUNDLED = "/prompts/";

    private final Path dir;

    /**
     * @param dir the folder to read from first; may be null to use only the bundled copies
     * @throws IllegalArgumentException when {@code dir} is given but is not a folder: a mistyped folder must not
     *                                  silently serve the bundled prompts
     */
    public PromptFiles(Path dir) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("prompts must be a folder of templates; there is no folder "
                    + dir.toAbsolutePath().normalize());
        }
        this.dir = dir;
    }

    /** The folder from {@code NEWSBOT_PROMPTS}, else {@code ./prompts} when it exists, else none. */
    public static PromptFiles fromEnvironment() {
        String env = System.getenv("NEWSBOT_PROMPTS");
        if (env != null && !env.isBlank()) {
            return new PromptFiles(Path.of(env));
        }
        Path local = Path.of("prompts");
        return new PromptFiles(Files.isDirectory(local) ? local : null);
    }

    /** The raw text of {@code relative} (such as {@code "refusal.txt"}). */
    public String read(String relative) {
        if (dir != null && Files.isRegularFile(dir.resolve(relative))) {
            try {
                return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + dir.resolve(relative), e);
            }
        }
        try (InputStream in = PromptFiles.class.getResourceAsStream(BUNDLED + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("template " + relative + " not found in "
                        + (dir == null ? "" : dir + " nor ") + "the bundled prompts");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled template " + relative, e);
        }
    }

    /** True when {@code relative} exists in the folder or among the bundled prompts. */
    public boolean exists(String relative) {
        if (dir != null && Files.isRegularFile(dir.resolve(relative))) {
            return true;
        }
        return PromptFiles.class.getResource(BUNDLED + relative) != null;
    }

    /** Reads and checks a template; see {@link Template#parse}. */
    public Template load(String relative, Set<String> required, Set<String> optional) {
        return Template.parse(where(relative), read(relative).strip(), required, optional);
    }

    /** Where {@link #read} takes {@code relative} from, for messages: a file path, or "bundled" and the name. */
    public String where(String relative) {
        return dir != null && Files.isRegularFile(dir.resolve(relative))
                ? dir.resolve(relative).toString() : "bundled prompts/" + relative;
    }
}
