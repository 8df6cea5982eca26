package dev.newsbot.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads {@link NewsbotConfig} from a YAML file. An unknown key, a value of the wrong type or out of range stops
 * the start with a {@link ConfigException} naming the file, the key and the problem.
 */
public final class ConfigLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * The file named by {@code --config}, else {@code NEWSBOT_CONFIG}, else the defaults; then the environment's
     * overrides (see {@link NewsbotConfig#withEnvironment}).
     */
    public NewsbotConfig load(Path explicit) {
        Path file = explicit;
        if (file == null && System.getenv("NEWSBOT_CONFIG") != null && !System.getenv("NEWSBOT_CONFIG").isBlank()) {
            file = Path.of(System.getenv("NEWSBOT_CONFIG"));
        }
        NewsbotConfig config = file == null ? NewsbotConfig.defaults() : read(file);
        try {
            return config.withEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public NewsbotConfig read(Path file) {
        try {
            if (Files.size(file) == 0) {
                return NewsbotConfig.defaults();
            }
            return yaml.readValue(file.toFile(), NewsbotConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonMappingException e) {
            throw new ConfigException(file + ": " + keyOf(e) + ": " + problemOf(e));
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
    }

    private static String keyOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String problemOf(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        return e.getOriginalMessage().split("\n")[0];
    }

    /** A configuration that cannot be used; its message names the file, key and problem. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
