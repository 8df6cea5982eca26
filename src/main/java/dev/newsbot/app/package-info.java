/**
 * The composition root and the command line: {@link dev.newsbot.app.Newsbot} builds every part with plain
 * constructors and owns the shared threads; picocli commands ({@code run}, {@code ask}, {@code chat},
 * {@code validate}, {@code eval}, {@code bench}, {@code index}, {@code reload}) wire the features together.
 * Nothing depends on this package.
 */
package dev.newsbot.app;
