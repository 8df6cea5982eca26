package dev.newsbot.articles;

import dev.newsbot.articles.LoadedArticle.IdOrigin;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds articles that repeat an id or a url seen earlier in the same set, in any file. */
final class Duplicates {

    /** Each id and url seen, with where its first article was; never the article or its raw record. */
    private final Map<String, Place> byId = new HashMap<>();
    private final Map<String, Place> byUrl = new HashMap<>();

    private record Place(Path file, int line) {

        @Override
        public String toString() {
            return Problem.place(file, line);
        }
    }

    /** Records the article, adding a problem naming both places for each repeated id or url. */
    void check(LoadedArticle loaded, List<Problem> problems) {
        String url = loaded.article().url();
        boolean urlRepeated = url != null && repeated(byUrl, url, loaded, "url", problems);
        if (!(urlRepeated && loaded.idOrigin() == IdOrigin.URL)) {
            repeated(byId, loaded.article().id(), loaded, "id", problems);
        }
    }

    private static boolean repeated(Map<String, Place> seen, String key, LoadedArticle loaded,
                                    String field, List<Problem> problems) {
        Place first = seen.putIfAbsent(key, new Place(loaded.record().file(), loaded.record().lineOf(field)));
        if (first == null) {
            return false;
        }
        String note = field.equals("id") ? loaded.idOrigin().note() : "";
        problems.add(loaded.record().problem(field,
                "duplicate " + field + " \"" + key + "\"" + note + ", first at " + first));
        return true;
    }
}
