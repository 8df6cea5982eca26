package dev.newsbot;
public final class Main { public static void main(String[] a) { } }
