/**
 * The console front end, beside {@code telegram}: the line-by-line chat ({@link dev.newsbot.console.ConsoleChat}),
 * replies as plain text ({@link dev.newsbot.console.PlainText}, also {@code ask}'s output) and the progress bar of
 * {@code newsbot index} ({@link dev.newsbot.console.ProgressBar}). Depends on {@code chat} and {@code index}; only
 * {@code app} uses it.
 */
package dev.newsbot.console;
