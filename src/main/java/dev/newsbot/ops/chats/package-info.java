/**
 * Per-chat state: the set each chat uses ({@link dev.newsbot.ops.chats.SetChoices}, kept by
 * {@link dev.newsbot.ops.chats.ChatSets} in a state file, or shared by a fleet of replicas). Depends on
 * {@code ops.sets} (a set that does not exist).
 */
package dev.newsbot.ops.chats;
