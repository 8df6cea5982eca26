/**
 * Decorators of the answer path: caches of answers (keyed by normalised question, set version and scope) and of
 * query embeddings, and the meter that counts and times every question ({@link dev.newsbot.cache.MeteredAnswerEngine},
 * reporting to an {@link dev.newsbot.cache.AnswerMeter}); plus {@link dev.newsbot.cache.ExpiringCache}, the small
 * expiring map other packages use. The only package that uses Caffeine; its types never leave it.
 */
package dev.newsbot.cache;
