package io.courserec.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Makes the CLI quiet: log lines go to the log file only, and stderr keeps progress and results. Reloads the
 * {@code logback.xml} on the class path with three context properties it reads ({@code courserec.log.file},
 * {@code courserec.log.console}, {@code courserec.log.brief}): quiet shows nothing of the log on stderr except
 * errors, as "ERROR: message"; verbose shows every line in full, as before. Lucene's {@code java.util.logging} lines
 * are bridged into the same file. Left alone when {@code -Dlogback.configurationFile} names another configuration or
 * SLF4J is bound to something other than logback.
 */
final class CliLogging {
  private CliLogging() {}

  /** Sends the log to {@code file} (and in full to stderr when {@code verbose}); returns the file's absolute path. */
  static synchronized Path configure(Path file, boolean verbose) {
    Path abs = file.toAbsolutePath().normalize();
    if (System.getProperty("logback.configurationFile") != null) return abs;
    // as system properties too: if logback has not started yet, its first configuration already opens this file
    System.setProperty("courserec.log.file", abs.toString());
    System.setProperty("courserec.log.console", verbose ? "TRACE" : "OFF");
    System.setProperty("courserec.log.brief", verbose ? "OFF" : "ERROR");
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    URL xml = CliLogging.class.getClassLoader().getResource("logback.xml");
    if (!(factory instanceof LoggerContext ctx) || xml == null) return abs;
    ctx.reset();
    ctx.putProperty("courserec.log.file", abs.toString());
    ctx.putProperty("courserec.log.console", verbose ? "TRACE" : "OFF");
    ctx.putProperty("courserec.log.brief", verbose ? "OFF" : "ERROR");
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(ctx);
    try {
      joran.doConfigure(xml);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + xml + ": " + e.getMessage(), e);
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    return abs;
  }
}
