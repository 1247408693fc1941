// A consuming listener on channel courserec_pgbench for the pgbench comparison in docs/replicas.md: java -cp postgresql.jar Listen.java SECONDS
import java.sql.*;
public class Listen {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")) {
      c.createStatement().execute("LISTEN courserec_pgbench");
      org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
      long n = 0, end = System.currentTimeMillis() + Long.parseLong(a[0]) * 1000;
      while (System.currentTimeMillis() < end) { var ns = pg.getNotifications(250); if (ns != null) n += ns.length; }
      System.out.println("listener received " + n);
    }
  }
}
