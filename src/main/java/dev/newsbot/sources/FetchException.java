package dev.newsbot.sources;

import java.net.URI;

/** One fetch that failed; its message names the URL and says why, in one line. */
final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    FetchException(URI url, String why) {
        super(url + ": " + why);
    }
}
