package dev.newsbot.answer;

/** The checks the weight records of the answer stages share: each names the record and field that is wrong. */
final class Weights {

    private Weights() {
    }

    /** A share or factor from 0 to 1. */
    static void share(String record, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(record + "." + field + " must be from 0 to 1, was " + value);
        }
    }

    static void atLeast(String record, String field, double value, double least) {
        if (!(value >= least)) {
            throw new IllegalArgumentException(record + "." + field + " must be at least " + least + ", was " + value);
        }
    }
}
