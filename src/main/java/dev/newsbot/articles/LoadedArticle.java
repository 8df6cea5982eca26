package dev.newsbot.articles;

/**
 * A valid article together with where it was read and how its id was obtained.
 *
 * @param article  the article
 * @param record   the fields as read, for placing later problems
 * @param idOrigin where the id came from
 */
record LoadedArticle(Article article, RawRecord record, IdOrigin idOrigin) {

    enum IdOrigin {
        GIVEN(""), URL(" (derived from the url)"), CONTENT(" (derived from the title and body)");

        private final String note;

        IdOrigin(String note) {
            this.note = note;
        }

        String note() {
            return note;
        }
    }
}
