package io.courserec.store;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The column layout of table {@code interactions}, in one place: how an {@link Interaction} is bound into the
 * insert and how a row becomes a {@link StoredEvent}. The event time is two integers (epoch second, nano of
 * second) so any {@link Instant} round-trips exactly; the receive time is epoch microseconds.
 */
final class InteractionRows {
  static final String COLUMNS = "seq, user_id, course_id, event, rating, event_epoch_second, event_nano,"
      + " event_id, received_epoch_micro";

  /** A repeated (user id, event id) is skipped, not an error; the update count (0) tells the caller. */
  static final String INSERT = "INSERT INTO interactions (user_id, course_id, event, rating,"
      + " event_epoch_second, event_nano, event_id, received_epoch_micro) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (user_id, event_id) DO NOTHING";

  private InteractionRows() {}

  static void bind(PreparedStatement p, Interaction e, long receivedMicros) throws SQLException {
    p.setString(1, e.userId());
    p.setString(2, e.courseId());
    p.setString(3, e.event().code());
    if (e.rating() == null) p.setNull(4, Types.DOUBLE); else p.setDouble(4, e.rating());
    if (e.timestamp() == null) {
      p.setNull(5, Types.BIGINT);
      p.setNull(6, Types.INTEGER);
    } else {
      p.setLong(5, e.timestamp().getEpochSecond());
      p.setInt(6, e.timestamp().getNano());
    }
    p.setString(7, e.eventId());
    p.setLong(8, receivedMicros);
  }

  /** Runs a query selecting {@link #COLUMNS} and maps every row. */
  static List<StoredEvent> read(PreparedStatement p) throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) out.add(row(rs));
    }
    return out;
  }

  private static StoredEvent row(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    EventType type = eventType(rs.getString(4), "in event " + seq);
    double r = rs.getDouble(5);
    Double rating = rs.wasNull() ? null : r;
    long second = rs.getLong(6);
    Instant time = rs.wasNull() ? null : Instant.ofEpochSecond(second, rs.getInt(7));
    Interaction e = new Interaction(rs.getString(2), rs.getString(3), type, rating, time, rs.getString(8));
    return new StoredEvent(seq, fromEpochMicros(rs.getLong(9)), e);
  }

  static EventType eventType(String code, String where) {
    return EventType.fromCode(code).orElseThrow(() ->
        new StoreException("unknown event type '" + code + "' stored " + where));
  }

  static long epochMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
  }

  static Instant fromEpochMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
