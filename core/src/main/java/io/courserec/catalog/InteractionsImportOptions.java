package io.courserec.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How {@link InteractionsImporter} reads a log: separator, header, which column holds what, the unit of numeric
 * timestamps, the rating scale, the event of rows without rating or event, and an optional item file. Built from
 * the command line's texts: each builder method takes the option's text (null keeps the default) and rejects a bad
 * one at once with a {@link DataException} naming the option.
 */
public final class InteractionsImportOptions {
  final Character separator;
  final boolean header;
  final Map<EventColumns.Role, String> columns;
  final TimestampReader.Unit timeUnit;
  final RatingScale ratingScale;
  final EventType defaultEvent;
  final Path items;

  private InteractionsImportOptions(Builder b) {
    this.separator = b.separator;
    this.header = b.header;
    this.columns = Collections.unmodifiableMap(new EnumMap<>(b.columns));
    this.timeUnit = b.timeUnit;
    this.ratingScale = b.ratingScale;
    this.defaultEvent = b.defaultEvent;
    this.items = b.items;
  }

  /**
   * Defaults: separator detected from the first line, a header row, columns found by their usual names, time unit
   * detected by magnitude, ratings on 1-5, {@code enroll} for rows with neither rating nor event, no item file.
   */
  public static Builder builder() { return new Builder(); }

  /** Collects the options; every method returns this builder. */
  public static final class Builder {
    private Character separator;
    private boolean header = true;
    private final Map<EventColumns.Role, String> columns = new EnumMap<>(EventColumns.Role.class);
    private TimestampReader.Unit timeUnit = TimestampReader.Unit.AUTO;
    private RatingScale ratingScale = RatingScale.FIVE;
    private EventType defaultEvent = EventType.ENROLL;
    private Path items;

    private Builder() {}

    /** {@code ,}, {@code ;}, {@code |}, {@code tab} (or a tab character); null detects it. */
    public Builder delimiter(String text) {
      if (text != null) {
        separator = CsvDialect.separatorNamed(text).orElseThrow(() ->
            new DataException("--delimiter '" + text + "': expected one of , ; | or tab"));
      }
      return this;
    }

    /** True when the file has no header row (columns are then chosen by 1-based index). */
    public Builder noHeader(boolean noHeader) {
      this.header = !noHeader;
      return this;
    }

    /** The user column: a header name or a 1-based index; null takes the default. */
    public Builder userColumn(String c) { return column(EventColumns.Role.USER, c); }

    /** The item column: a header name or a 1-based index; null takes the default. */
    public Builder itemColumn(String c) { return column(EventColumns.Role.ITEM, c); }

    /** The timestamp column: a header name or a 1-based index; null takes the default. */
    public Builder timeColumn(String c) { return column(EventColumns.Role.TIME, c); }

    /** The rating column: a header name or a 1-based index; null takes the default. */
    public Builder ratingColumn(String c) { return column(EventColumns.Role.RATING, c); }

    /** The event column: a header name or a 1-based index; null takes the default. */
    public Builder eventColumn(String c) { return column(EventColumns.Role.EVENT, c); }

    private Builder column(EventColumns.Role role, String c) {
      if (c != null) {
        if (c.isBlank()) throw new DataException(role.option + ": empty column name");
        columns.put(role, c);
      }
      return this;
    }

    /** {@code auto}, {@code s} or {@code ms}. */
    public Builder timeUnit(String text) {
      if (text != null) {
        timeUnit = TimestampReader.Unit.named(text).orElseThrow(() ->
            new DataException("--time-unit '" + text + "': expected auto, s or ms"));
      }
      return this;
    }

    /** {@code MIN-MAX}, such as {@code 0.5-5} or {@code 0-10}. */
    public Builder ratingScale(String text) {
      if (text != null) ratingScale = RatingScale.parse(text);
      return this;
    }

    /** The event of a row with neither a rating nor an event: view, bookmark, enroll, complete, rate or dismiss. */
    public Builder defaultEvent(String text) {
      if (text != null) {
        defaultEvent = EventType.fromCode(text).orElseThrow(() -> new DataException("--default-event '" + text
            + "': expected view, bookmark, enroll, complete, rate or dismiss"));
      }
      return this;
    }

    /** An item file ({@code item,title[,genres]} with a header) giving titles and genres; null for none. */
    public Builder items(Path file) {
      this.items = file;
      return this;
    }

    public InteractionsImportOptions build() { return new InteractionsImportOptions(this); }
  }
}
