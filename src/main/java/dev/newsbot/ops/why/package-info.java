/**
 * The explanation {@code /why} gives of a chat's last answer: the answers remembered per chat
 * ({@link dev.newsbot.ops.why.Explanations}, kept in this process by {@link dev.newsbot.ops.why.LastAnswers} or shared
 * by a fleet of replicas) and their text ({@link dev.newsbot.ops.why.Why}). Depends on {@code chat}, {@code answer}
 * and {@code search}, and on no other part of {@code ops}.
 */
package dev.newsbot.ops.why;
