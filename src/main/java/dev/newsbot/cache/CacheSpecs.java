package dev.newsbot.cache;

import com.github.benmanes.caffeine.cache.CaffeineSpec;

/** Parses Caffeine spec strings from the configuration, naming the configuration key when one is bad. */
final class CacheSpecs {

    private CacheSpecs() {
    }

    static CaffeineSpec parse(String spec, String key) {
        try {
            return CaffeineSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": bad Caffeine spec \"" + spec + "\": " + e.getMessage(), e);
        }
    }
}
