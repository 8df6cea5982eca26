/**
 * The composition root and the command line: {@link dev.newsbot.app.Newsbot} builds every part with plain
 * constructors, owns the shared threads, servers and clients (through {@link dev.newsbot.app.Resources}, closed in
 * reverse order of creation, also when a later part cannot be built) and hands each command a small record of the
 * parts it uses; picocli commands
 * ({@code run}, {@code ask}, {@code chat}, {@code validate}, {@code eval}, {@code bench}, {@code index},
 * {@code reload}) wire the features together. Nothing depends on this package.
 */
package dev.newsbot.app;
