package dev.newsbot.app;

import dev.newsbot.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder the application owns for files it unpacks or keeps: the model libraries' native files
 * ({@code DJL_CACHE_DIR}, {@code java.io.tmpdir}) and small state. It is {@code NEWSBOT_HOME}, else
 * {@code -Dnewsbot.home}, else {@code newsbot-home} beside the jar. Nothing is written to the user's home folder
 * or to {@code /tmp}.
 */
final class AppHome {

    private AppHome() {
    }

    static Path resolve() {
        Optional<Path> env = new ConfigLoader().home();
        if (env.isPresent()) {
            return env.get();
        }
        String property = System.getProperty("newsbot.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return besideJar().resolve("newsbot-home");
    }

    /**
     * Points the model libraries at the home folder, unless {@code -DDJL_CACHE_DIR} was given explicitly. Must
     * run before any model class is loaded.
     */
    static Path prepare() {
        Path home = resolve().toAbsolutePath();
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", mkdirs(home.resolve("djl")).toString());
            System.setProperty("java.io.tmpdir", mkdirs(home.resolve("tmp")).toString());
        }
        return mkdirs(home);
    }

    private static Path besideJar() {
        try {
            Path code = Path.of(AppHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code.getParent() : Path.of("target");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
