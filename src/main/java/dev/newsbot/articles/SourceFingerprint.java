package dev.newsbot.articles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a set's source files hold, without parsing them: SHA-256 over the loader's rules version and limits, then,
 * for each article file in the order the loader reads them, its absolute path, its size and its bytes. Any changed
 * byte, added, removed or renamed file, or other limits give another fingerprint. Web sources, a missing path, a
 * file that is not a regular one or any other problem give none: such a set is always read.
 */
final class SourceFingerprint {

    /** Raise when the loader reads the same bytes into other articles (formats, id rules, cleaning). */
    static final int RULES_VERSION = 1;

    private SourceFingerprint() {
    }

    static Optional<String> of(List<Path> paths, ArticleLimits limits) {
        if (paths.isEmpty() || paths.stream().anyMatch(p -> RemoteArticles.urlOf(p).isPresent())) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        List<Path> files = SourceFiles.expand(paths, problems);
        if (!problems.isEmpty() || files.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest sha = sha256();
        sha.update(("newsbot-articles " + RULES_VERSION + " " + limits + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try {
                if (!Files.isRegularFile(file) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                long size = Files.size(file);
                sha.update((file.toAbsolutePath().normalize() + "\n" + size + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                    while (in.read(buffer) >= 0) {
                        // the digest sees every byte
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
