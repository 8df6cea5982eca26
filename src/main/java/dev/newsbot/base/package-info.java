/**
 * Small building blocks every package may use, with no knowledge of news or answers: named daemon threads
 * ({@link dev.newsbot.base.DaemonThreads}), nearest-rank percentiles ({@link dev.newsbot.base.NearestRank}) and
 * numbered tasks shared between the calling thread and an executor ({@link dev.newsbot.base.SharedWork}).
 * Depends on no other newsbot package and on no third-party library but SLF4J.
 */
package dev.newsbot.base;
