package io.courserec.store;

import io.courserec.catalog.EventType;
import io.courserec.catalog.Interaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a separate JVM by the crash-recovery ITs: opens the store at {@code args[0]} and appends batches forever
 * (batch {@code b} has {@link #batchSize(int)} events with ids {@code RUN:b:j}, {@code RUN = args[1]}), printing
 * {@code ACK b} on stdout only after {@code appendAll} returned. Whatever it acknowledged must be in the store
 * after the process is killed at any moment.
 */
public final class AppendingChild {
  private AppendingChild() {}

  /** 1, 4, 7, 10, 1, ...: single events and batches, so a kill can land inside either. */
  static int batchSize(int batch) {
    return 1 + (batch % 4) * 3;
  }

  static String eventId(String run, int batch, int index) {
    return run + ":" + batch + ":" + index;
  }

  public static void main(String[] args) throws java.io.IOException {
    String url = args[0];
    String run = args[1];
    // the acknowledgements also go to a file, written unbuffered: the parent's end of stdout is closed by the kill,
    // so lines still in the pipe are lost, while the file survives a SIGKILL in the page cache
    java.io.FileOutputStream ackFile = new java.io.FileOutputStream(args[2], true);
    InteractionStore store = InteractionStores.open(url); // never closed: the parent kills this JVM
    System.out.println("READY");
    System.out.flush();
    for (int b = 0; ; b++) {
      List<Interaction> batch = new ArrayList<>();
      for (int j = 0; j < batchSize(b); j++) {
        EventType type = EventType.values()[(b + j) % EventType.values().length];
        Double rating = type == EventType.RATE ? 1.0 + (j % 5) : null;
        batch.add(new Interaction("child-" + run, "course-" + j, type, rating, null, eventId(run, b, j)));
      }
      store.appendAll(batch);
      ackFile.write(("ACK " + b + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      System.out.println("ACK " + b);
      System.out.flush();
    }
  }
}
