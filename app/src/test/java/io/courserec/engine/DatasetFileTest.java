package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.courserec.catalog.Course;
import io.courserec.catalog.Dataset;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import io.courserec.catalog.Learner;
import io.courserec.catalog.Level;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatasetFile}: format 2 (catalog in {@code dataset.bin}, learners and events in the mapped learner table
 * beside it) reads back equal by value; a format-1 file, as versions written before hold it, still reads as before.
 */
class DatasetFileTest {
  private static final Instant T = Instant.parse("2025-03-01T10:00:00.5Z");
  @TempDir Path dir;

  private static Dataset sample() {
    List<Course> courses = List.of(course("A"), course("B"));
    List<Learner> declared = List.of(new Learner("ana", List.of("java"), List.of("backend"), Level.BEGINNER, "en"),
        new Learner("idle", List.of("sql"), List.of(), Level.ADVANCED, "fr"));
    List<Interaction> events = List.of(
        new Interaction("bó", "B", EventType.RATE, 4.0, T, "ev-1"),
        new Interaction("ana", "A", EventType.VIEW, null, null),
        new Interaction("bó", "A", EventType.ENROLL, null, T.plusSeconds(9)),
        new Interaction("ana", "B", EventType.COMPLETE, null, T));
    return Dataset.of(courses, declared, events);
  }

  @Test
  void formatTwoKeepsTheCatalogInDatasetBinAndTheLearnersInTheTableBesideIt() throws IOException {
    Dataset plain = sample();
    Path file = dir.resolve(DatasetFile.NAME);
    DatasetFile.write(file, plain);
    assertThat(dir.resolve(DatasetFile.LEARNERS)).isRegularFile();
    assertThat(DatasetFile.learnerTable(file)).isEqualTo(dir.resolve(DatasetFile.LEARNERS));
    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("ana");

    Dataset read = DatasetFile.read(file);
    assertEqualByValue(read, plain);
    assertThat(DatasetFile.learners(file)).isEqualTo(plain.learners());
  }

  @Test
  void formatTwoWithoutItsLearnerTableOrWithADamagedOneIsRefused() throws IOException {
    Path file = dir.resolve(DatasetFile.NAME);
    DatasetFile.write(file, sample());
    Path table = dir.resolve(DatasetFile.LEARNERS);
    byte[] bytes = Files.readAllBytes(table);
    bytes[bytes.length / 2] ^= 1;
    Files.write(table, bytes);
    assertThatThrownBy(() -> DatasetFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining(table.toString());
    Files.delete(table);
    assertThatThrownBy(() -> DatasetFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining(table.toString());
    assertThatThrownBy(() -> DatasetFile.learners(file)).isInstanceOf(IOException.class);
  }

  @Test
  void aFormatOneFileStillReads() throws IOException {
    Dataset plain = sample();
    Path file = dir.resolve(DatasetFile.NAME);
    writeFormatOne(file, plain);
    assertThat(dir.resolve(DatasetFile.LEARNERS)).doesNotExist();
    assertEqualByValue(DatasetFile.read(file), plain);
    assertThat(DatasetFile.learners(file)).isEqualTo(plain.learners());
  }

  private static void assertEqualByValue(Dataset read, Dataset plain) {
    assertThat(read.courses()).isEqualTo(plain.courses());
    assertThat(read.learners()).isEqualTo(plain.learners());
    assertThat(read.interactions()).isEqualTo(plain.interactions());
    for (int u = 0; u < plain.numLearners(); u++) {
      String id = plain.learner(u).id();
      assertThat(read.learnerOrdinal(id)).isEqualTo(u);
      assertThat(read.eventsOf(id)).isEqualTo(plain.eventsOf(id));
    }
    assertThat(read.learnerOrdinal("nobody")).isEqualTo(-1);
  }

  /** The format-1 writer as it was before format 2 (kept here: versions on disk hold such files). */
  private static void writeFormatOne(Path file, Dataset data) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(0x43524453);
      out.writeInt(1);
      byte[] header = new ObjectMapper().writeValueAsBytes(new DatasetFile.Header(data.courses(), data.learners()));
      out.writeInt(header.length);
      out.write(header);
      out.writeInt(data.interactions().size());
      for (Interaction e : data.interactions()) {
        out.writeInt(data.learnerOrdinal(e.userId()));
        out.writeInt(data.courseOrdinal(e.courseId()));
        out.writeByte(e.event().ordinal());
        int flags = (e.rating() != null ? 1 : 0) | (e.timestamp() != null ? 2 : 0) | (e.eventId() != null ? 4 : 0);
        out.writeByte(flags);
        if (e.rating() != null) out.writeDouble(e.rating());
        if (e.timestamp() != null) {
          out.writeLong(e.timestamp().getEpochSecond());
          out.writeInt(e.timestamp().getNano());
        }
        if (e.eventId() != null) out.writeUTF(e.eventId());
      }
    }
  }

  private static Course course(String id) {
    return new Course(id, "Course " + id, "", List.of(), "", Level.UNKNOWN, "", "en", null, null, null, null, "", List.of());
  }
}
