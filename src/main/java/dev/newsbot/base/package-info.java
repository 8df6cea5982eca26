/**
 * Small building blocks every package may use, with no knowledge of news or answers: named daemon threads
 * ({@link dev.newsbot.base.DaemonThreads}) and nearest-rank percentiles ({@link dev.newsbot.base.NearestRank}).
 * Depends on no other newsbot package and on no third-party library but SLF4J.
 */
package dev.newsbot.base;
