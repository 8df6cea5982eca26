/**
 * Caches, as decorators of the answer path: answers keyed by normalised question, set version and scope, and
 * query embeddings. The only package that uses Caffeine; its types never leave it.
 */
package dev.newsbot.cache;
