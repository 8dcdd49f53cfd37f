package dev.verbatim.cli;

import dev.verbatim.search.InvalidQueryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code verbatim} root command; {@link #main} runs it and exits with its code. */
@Command(
    name = "verbatim",
    mixinStandardHelpOptions = true,
    version = "verbatim 0.1.0",
    description = "Search news articles and the quotations inside them.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      QuotesCommand.class,
      ServeCommand.class,
      HostileCommand.class,
      BenchCommand.class,
      EvalRankingCommand.class,
      OpenSearchNodeCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failure (I/O, index missing, ...)", "2:bad usage or bad query"})
public final class Main implements Runnable {
  /** Exit code for success. */
  static final int OK = 0;

  /** Exit code for failures that are not the user's input. */
  static final int FAILURE = 1;

  /** Exit code for bad usage or an unparseable query. */
  static final int USAGE = 2;

  // Lucene notes at start-up that the vector incubator module is absent; Verbatim uses no
  // vectors. Held in a field because java.util.logging keeps loggers only weakly.
  private static final java.util.logging.Logger VECTORIZATION_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  // The searcher logs slow searches for a server's operator; a one-shot command's first search
  // runs in a cold JVM, so the note would only be noise on the user's terminal.
  private static final java.util.logging.Logger SLOW_SEARCH_LOG =
      java.util.logging.Logger.getLogger("dev.verbatim.search.SearchTimeLimit");

  /**
   * How long a one-shot command's search may match. The server's limit protects it from hostile
   * load; a person or a batch at the command line wants the complete answer, and the first search
   * in a fresh JVM is slow.
   */
  static final java.time.Duration ONE_SHOT_TIME_LIMIT = java.time.Duration.ofMinutes(1);

  /** Turns off the searcher's slow-search notes, for commands that are not a server. */
  static void quietSlowSearchNotes() {
    SLOW_SEARCH_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command: choose one of "
            + String.join(", ", commandNames(spec.commandLine()))
            + " (verbatim --help says what each does)");
  }

  public static void main(String[] args) {
    VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and tests. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handleFailure);
    // The root's help lists every command, those under another ("bench generate") too.
    cli.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::everyCommand);
    return cli;
  }

  /** Every command under {@code root}, nested ones as "bench generate", help last. */
  static java.util.List<String> commandNames(CommandLine root) {
    java.util.List<String> names = new java.util.ArrayList<>();
    collect(root, "", names, new java.util.ArrayList<>());
    return names;
  }

  private static void collect(
      CommandLine parent,
      String prefix,
      java.util.List<String> names,
      java.util.List<CommandLine> commands) {
    for (java.util.Map.Entry<String, CommandLine> e : parent.getSubcommands().entrySet()) {
      if (!e.getKey().equals(e.getValue().getCommandName())) {
        continue; // an alias
      }
      names.add(prefix + e.getKey());
      commands.add(e.getValue());
      collect(e.getValue(), prefix + e.getKey() + " ", names, commands);
    }
  }

  private static String everyCommand(CommandLine.Help help) {
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.List<CommandLine> commands = new java.util.ArrayList<>();
    collect(help.commandSpec().commandLine(), "", names, commands);
    if (names.isEmpty()) {
      return "";
    }
    int width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
    CommandLine.Help.TextTable table =
        CommandLine.Help.TextTable.forColumns(
            help.colorScheme(),
            new CommandLine.Help.Column(width + 2, 2, CommandLine.Help.Column.Overflow.SPAN),
            new CommandLine.Help.Column(
                Math.max(30, help.commandSpec().usageMessage().width() - width - 2),
                2,
                CommandLine.Help.Column.Overflow.WRAP));
    for (int i = 0; i < names.size(); i++) {
      CommandLine.Model.UsageMessageSpec usage = commands.get(i).getCommandSpec().usageMessage();
      String summary =
          usage.header().length > 0
              ? usage.header()[0]
              : usage.description().length > 0 ? usage.description()[0] : "";
      table.addRowValues(names.get(i), summary);
    }
    return table.toString();
  }

  /** Known failures become one clear line on stderr and an exit code, not a stack trace. */
  private static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InvalidQueryException || e instanceof IllegalArgumentException) {
      err.println("verbatim: " + e.getMessage());
      return USAGE;
    }
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof IOException) {
      err.println("verbatim: " + cause.getMessage());
      return FAILURE;
    }
    err.println("verbatim: unexpected failure: " + e);
    e.printStackTrace(err);
    return FAILURE;
  }
}
