package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} reads as written: every command's summary and the first line of its description
 * are whole sentences, no paragraph stops mid-sentence, every option says what it does in a
 * sentence, and the root help lists every command, those under another ({@code bench generate})
 * too, each with its whole summary.
 */
class HelpTest {
  @Test
  void theRootHelpListsEveryCommandWithItsWholeSummary() {
    MainTest.Run root = MainTest.run("--help");
    assertEquals(0, root.code(), root.err());
    Map<String, String> listed = commandList(root.out());
    Map<String, CommandSpec> commands = commands();
    assertTrue(commands.containsKey("bench generate"), commands.keySet().toString());
    assertEquals(List.copyOf(commands.keySet()), List.copyOf(listed.keySet()), root.out());
    for (Map.Entry<String, CommandSpec> c : commands.entrySet()) {
      assertEquals(summary(c.getValue()), listed.get(c.getKey()), "the summary of " + c.getKey());
    }
  }

  @Test
  void everySummaryAndDescriptionIsMadeOfWholeSentences() {
    for (Map.Entry<String, CommandSpec> c : commands().entrySet()) {
      String name = c.getKey();
      CommandSpec spec = c.getValue();
      String summary = summary(spec);
      assertTrue(summary.endsWith("."), name + ": the summary is not a sentence: " + summary);
      String[] description = spec.usageMessage().description();
      if (description.length > 0) {
        assertTrue(
            description[0].replaceAll("(%n)+$", "").endsWith("."),
            name + ": the description's first line is cut: " + description[0]);
      }
      // A prose paragraph ends a sentence or opens a list; indented lines are a table.
      for (String line : description) {
        String paragraph = line.replaceAll("(%n)+$", "");
        if (!paragraph.startsWith(" ")) {
          assertTrue(
              paragraph.endsWith(".") || paragraph.endsWith(":"),
              name + ": a description paragraph stops mid-sentence: " + paragraph);
        }
      }
      for (OptionSpec option : spec.options()) {
        String said = String.join(" ", option.description()).strip();
        assertTrue(
            said.endsWith("."),
            name + " " + option.longestName() + ": the description is not a sentence: " + said);
      }
      // What --help prints starts with the summary, whole and on one line.
      List<String> args = new ArrayList<>(Arrays.asList(name.split(" ")));
      args.add("--help");
      MainTest.Run help = MainTest.run(args.toArray(String[]::new));
      assertEquals(0, help.code(), name + ": " + help.err());
      assertEquals(summary, help.out().lines().findFirst().orElse(""), name + " --help");
    }
  }

  /** Every command under the root by its full name ("bench generate"), in the help's order. */
  private static Map<String, CommandSpec> commands() {
    CommandLine root = Main.commandLine();
    Map<String, CommandSpec> out = new LinkedHashMap<>();
    for (String name : Main.commandNames(root)) {
      CommandLine cmd = root;
      for (String part : name.split(" ")) {
        cmd = cmd.getSubcommands().get(part);
      }
      out.put(name, cmd.getCommandSpec());
    }
    return out;
  }

  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return header.length > 0 ? header[0] : spec.usageMessage().description()[0];
  }

  /**
   * The "Commands:" section of the root help as name -> summary, wrapped lines joined: a row is two
   * spaces, the name, at least two spaces and the summary; a continuation is indented further.
   */
  private static Map<String, String> commandList(String help) {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean in = false;
    String last = null;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        in = true;
        continue;
      }
      if (!in) {
        continue;
      }
      if (line.isBlank()) {
        break;
      }
      java.util.regex.Matcher row =
          java.util.regex.Pattern.compile("^  (\\S+(?: \\S+)*)\\s{2,}(\\S.*)$").matcher(line);
      if (!line.startsWith("   ") && row.matches()) {
        last = row.group(1);
        rows.put(last, row.group(2).strip());
      } else if (last != null) {
        rows.put(last, rows.get(last) + " " + line.strip());
      }
    }
    return rows;
  }
}
