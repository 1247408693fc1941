package io.courserec.catalog;

import java.util.List;
import java.util.Map;

/**
 * One record of a CSV file as read: its physical line (1-based, the line the record starts on, so a record with a
 * quoted newline keeps the line of its first field), its fields, and the problem that makes it unusable as a
 * whole (null when the record is well-formed).
 */
record CsvRow(String file, long line, List<String> values, Map<String, Integer> columns, IssueKind problem, String problemDetail) {

  /** The field of a header column, or null when the file has no such column or the record is too short. */
  String get(String column) {
    Integer i = columns.get(column);
    return i == null || i >= values.size() ? null : values.get(i);
  }

  /** The field at a 0-based position, or null when the record is shorter or the position is negative. */
  String field(int index) {
    return index < 0 || index >= values.size() ? null : values.get(index);
  }

  /** The record's fields joined by commas, for report examples. */
  String excerpt() {
    return String.join(",", values);
  }
}
