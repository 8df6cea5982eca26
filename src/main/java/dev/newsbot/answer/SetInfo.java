package dev.newsbot.answer;

import java.util.Objects;

/** The article set an answer was drawn from: its name, content version and size. */
public record SetInfo(String name, String version, int articles, int passages) {

    public SetInfo {
        Objects.requireNonNull(name, "SetInfo.name must not be null");
        Objects.requireNonNull(version, "SetInfo.version must not be null");
    }
}
