package io.courserec.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which field of an interactions log holds what, as 0-based positions ({@code -1}: the log has no such column).
 * Resolved once per file, before the first row is read.
 *
 * <p>A user's choice for a role is a column name (matched like header names: case, spaces and hyphens do not
 * matter) or a 1-based index. Without a choice:
 * <ul>
 *   <li>with a header, the first of the role's {@link Role#names usual names} that the header has
 *       ({@code userId}, {@code movieId}, {@code timestamp}, {@code rating} ... are all found);</li>
 *   <li>without a header, column 1 is the user, 2 the item, 3 the time, and a 4th column is the rating when the first
 *       record's value there is a number, else the event.</li>
 * </ul>
 * An optional role's default is dropped when an explicit choice already took its column. User and item are required; two roles on
 * one column, an index beyond the last column or a name the header does not have are fatal
 * ({@link DataException} naming the option and the header).
 */
record EventColumns(int user, int item, int time, int rating, int event) {
  /** The fields of an event and the option that places each. */
  enum Role {
    USER("--user-col", List.of("user_id", "user", "userid", "uid", "learner_id", "learner", "student_id", "username",
        "customer_id")),
    ITEM("--item-col", List.of("item_id", "item", "itemid", "iid", "course_id", "course", "movie_id", "movieid",
        "product_id", "content_id")),
    TIME("--time-col", List.of("timestamp", "time", "ts", "datetime", "date", "time_stamp", "created_at", "event_time")),
    RATING("--rating-col", List.of("rating", "score", "stars", "rating_value")),
    EVENT("--event-col", List.of("event", "event_type", "action", "type", "interaction"));

    final String option;
    /** Header names (as normalised by {@link CsvRecordReader#normaliseColumn}) taken for the role by default. */
    final List<String> names;

    Role(String option, List<String> names) {
      this.option = option;
      this.names = names;
    }

    String label() { return name().toLowerCase(Locale.ROOT); }
  }

  /** The position of a role's column, or -1. */
  int of(Role r) {
    return switch (r) {
      case USER -> user;
      case ITEM -> item;
      case TIME -> time;
      case RATING -> rating;
      case EVENT -> event;
    };
  }

  /**
   * Resolves the columns as described in the class comment.
   *
   * @param header the header's columns and positions, or null for a file without a header
   * @param width the number of fields per record
   * @param first the first record (read for the 4th column's default without a header), or null
   * @param choices the user's choices, by role (absent roles take their default)
   */
  static EventColumns resolve(String file, Map<String, Integer> header, int width, CsvRow first, Map<Role, String> choices) {
    Map<Role, Integer> at = new EnumMap<>(Role.class);
    for (Map.Entry<Role, String> c : choices.entrySet()) {
      if (c.getValue() != null) at.put(c.getKey(), chosen(file, c.getKey(), c.getValue(), header, width));
    }
    for (Role r : Role.values()) {
      if (at.containsKey(r) || choices.get(r) != null) continue;
      int d = header != null ? byName(r, header) : byPosition(r, width, first);
      boolean required = r == Role.USER || r == Role.ITEM; // kept even when taken: the clash below names both
      if (d >= 0 && (required || !at.containsValue(d))) at.put(r, d);
    }
    for (Role r : List.of(Role.USER, Role.ITEM)) {
      if (!at.containsKey(r)) {
        String has = header == null ? "no header" : "header has: " + String.join(", ", header.keySet());
        throw new DataException(file + ": no " + r.label() + " column (" + has + "); name it with " + r.option + " NAME|INDEX");
      }
    }
    for (Role a : at.keySet()) {
      for (Role b : at.keySet()) {
        if (a.ordinal() < b.ordinal() && at.get(a).equals(at.get(b))) {
          throw new DataException(file + ": " + a.label() + " and " + b.label() + " are both column " + (at.get(a) + 1)
              + "; choose different columns with " + a.option + " and " + b.option);
        }
      }
    }
    return new EventColumns(at.get(Role.USER), at.get(Role.ITEM), at.getOrDefault(Role.TIME, -1),
        at.getOrDefault(Role.RATING, -1), at.getOrDefault(Role.EVENT, -1));
  }

  private static int chosen(String file, Role r, String choice, Map<String, Integer> header, int width) {
    String c = choice.strip();
    if (!c.isEmpty() && c.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(c);
      if (i < 1 || i > width) {
        throw new DataException(r.option + " " + c + ": " + file + " has " + width + " columns (indexes start at 1)");
      }
      return i - 1;
    }
    if (header == null) {
      throw new DataException(r.option + " '" + c + "': " + file + " has no header, so columns are chosen by 1-based index");
    }
    Integer i = header.get(CsvRecordReader.normaliseColumn(c));
    if (i == null) {
      throw new DataException(r.option + " '" + c + "': no such column in " + file + " (header has: "
          + String.join(", ", header.keySet()) + ")");
    }
    return i;
  }

  private static int byName(Role r, Map<String, Integer> header) {
    for (String n : r.names) {
      Integer i = header.get(n);
      if (i != null) return i;
    }
    return -1;
  }

  private static int byPosition(Role r, int width, CsvRow first) {
    return switch (r) {
      case USER -> 0;
      case ITEM -> 1;
      case TIME -> width > 2 ? 2 : -1;
      case RATING, EVENT -> {
        if (width < 4) yield -1;
        boolean numeric = first == null || FieldValues.text(first.field(3)) == null || FieldValues.number(first.field(3)) != null;
        yield numeric == (r == Role.RATING) ? 3 : -1;
      }
    };
  }

  /** One line for the import notes: {@code columns: user = userId (1), item = movieId (2), ..., no event column}. */
  String describe(Map<String, Integer> header) {
    List<String> parts = new ArrayList<>();
    for (Role r : Role.values()) {
      int i = of(r);
      if (i < 0) {
        parts.add("no " + r.label() + " column");
        continue;
      }
      String name = null;
      if (header != null) {
        for (Map.Entry<String, Integer> e : header.entrySet()) if (e.getValue() == i) name = e.getKey();
      }
      parts.add(r.label() + " = " + (name == null ? "column " + (i + 1) : name + " (column " + (i + 1) + ")"));
    }
    return "columns: " + String.join(", ", parts);
  }
}
