/**
 * A fake Telegram Bot API for tests: real HTTP on 127.0.0.1 inside the test JVM, speaking the Bot API's JSON,
 * enforcing its documented limits (4,096 visible characters, the HTML tag subset, offsets, webhook rules) and playing
 * injectable faults (429 with retry_after, 5xx, TCP resets, stalls, answers without {@code ok}).
 */
package dev.newsbot.telegram.fake;
