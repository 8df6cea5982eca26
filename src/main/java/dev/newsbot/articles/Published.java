package dev.newsbot.articles;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
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

    /**
     * Parses ISO-8601 text: a date ({@code 2013-09-22}), a date-time with an offset or {@code Z}
     * ({@code 2023-09-26T17:01:22+00:00}), or a local date-time without offset, which is taken as UTC.
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static Published parse(String text) {
        Objects.requireNonNull(text, "Published text must not be null");
        if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
            return ofDate(LocalDate.parse(text));
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset
                ? ofDateTime(offset)
                : ofDateTime(((LocalDateTime) parsed).atOffset(ZoneOffset.UTC));
    }

    /** ISO-8601 text: the date-time when known, otherwise the date. */
    @Override
    public String toString() {
        return dateTime != null ? dateTime.toString() : date.toString();
    }
}
