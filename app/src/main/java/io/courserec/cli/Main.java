package io.courserec.cli;

import io.courserec.config.ConfigException;
import io.courserec.engine.InvalidInputException;
import io.courserec.engine.StoreUnavailableException;
import io.courserec.rec.UnknownEntityException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code courserec} command line. Each sub-command is one class calling the same services the API calls.
 * Expected failures (bad configuration, unknown ids, bad input files) print one line and exit non-zero; only
 * a bug shows a stack trace.
 */
@Command(name = "courserec", mixinStandardHelpOptions = true, version = "courserec 0.1.0",
    description = "Course recommendations inside a Lucene index.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DemoCommand.class,
        ValidateCommand.class,
        ImportCommand.class,
        ReindexCommand.class,
        SearchCommand.class,
        SimilarCommand.class,
        EvaluateCommand.class,
        TuneCommand.class,
        GenerateCommand.class,
        TrainCommand.class,
        RetrainCommand.class,
        ForgetCommand.class,
        RecommendCommand.class,
        ExplainCommand.class,
        PathCommand.class,
        SkillsCommand.class,
        ServeCommand.class,
    })
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (for tests). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ConfigException || ex instanceof UnknownEntityException || ex instanceof UserError) {
        cmd.getErr().println("error: " + ex.getMessage());
        return 2;
      }
      if (ex instanceof InvalidInputException e) { // e.g. --user with a control character: the id rule
        cmd.getErr().println("error: --" + e.field() + ": " + e.getMessage());
        return 2;
      }
      if (ex instanceof StoreUnavailableException) {
        cmd.getErr().println("error: " + ex.getMessage());
        return 1;
      }
      throw ex;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
