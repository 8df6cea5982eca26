/**
 * The conversation, independent of how messages arrive: {@link dev.newsbot.chat.ChatService} turns a chat message
 * into a question (its day, its set, its follow-up context) and an answer into a front-end-neutral
 * {@link dev.newsbot.chat.Reply}; the console chat and plain-text rendering live here too.
 */
package dev.newsbot.chat;
