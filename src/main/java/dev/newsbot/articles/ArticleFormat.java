package dev.newsbot.articles;

import java.nio.file.Path;
import java.util.List;

/** Turns the decoded text of one file into raw article records, reporting what it cannot read. */
interface ArticleFormat {

    List<RawRecord> read(Path file, String text, List<Problem> problems);
}
