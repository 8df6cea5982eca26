package dev.newsbot.articles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * When an article was published: a day, or an instant when the source gives a time of day. Keeping both
 * forms means a date-only source is never shown with an invented midnight.
 *
 * @param date     the publication day (in the offset of {@code dateTime} when that is present)
 * @param dateTime the full timestamp, or null when the source gives only a day
 */
public record Published(LocalDate date, OffsetDateTime dateTime) {

    public Published {
        Objects.requireNonNull(date, "Published.date must not be null");
        if (dateTime != null && !dateTime.toLocalDate().equals(date)) {
            throw new IllegalArgumentException("Published.date " + date + " differs from dateTime " + dateTime);
        }
    }

    public static Published ofDate(LocalDate date) {
        return new Published(date, null);
    }

    public static Published ofDateTime(OffsetDateTime dateTime) {
        return new Published(dateTime.toLocalDate(), dateTime);
    }

    /** ISO-8601 text: the date-time when known, otherwise the date. */
    @Override
    public String toString() {
        return dateTime != null ? dateTime.toString() : date.toString();
    }
}
