package dev.newsbot.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request the fake received (recorded before any fault is applied).
 *
 * @param method the Bot API method as named in the URL
 * @param params the parameters, from JSON, form or multipart bodies or the query string
 * @param path   the raw request path (contains the token)
 * @param nanos  {@link System#nanoTime()} when it arrived
 */
public record ApiCall(String method, ObjectNode params, String path, long nanos) {
}
