package dev.verbatim.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to {@code /api/search} on loopback from wrk (Debian's {@code wrk} package) in a child
 * process, so the client's CPU no longer competes with the server inside the bench's JVM. The
 * server's CPU comes from this JVM, wrk's from the child times the kernel adds to this process when
 * it reaps wrk. Not thread-safe: one run at a time.
 */
final class WrkBench implements HttpLoad {
  /**
   * wrk threads. One thread drives tens of thousands of requests a second on loopback; a second
   * would only take CPU from the server on a two-core machine.
   */
  static final int THREADS = 1;

  /** Answers slower than this count as errors (wrk's own default is 2 s). */
  private static final String TIMEOUT = "30s";

  // Linux reports child CPU time in clock ticks of 1/100 s (USER_HZ) on every common platform.
  private static final double MS_PER_TICK = 10;

  private static final Pattern REQUESTS =
      Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final Path wrk;
  private final String url;
  private final Path script;

  /**
   * wrk at {@code wrk} against the server on {@code 127.0.0.1:port}, cycling through the targets of
   * {@code queries} (see {@link HttpLoad#targets}) from a Lua script written to {@code script}.
   */
  WrkBench(Path wrk, int port, List<QuerySet.Entry> queries, boolean facets, Path script)
      throws IOException {
    this.wrk = wrk;
    this.url = "http://127.0.0.1:" + port;
    this.script = script;
    Files.writeString(script, luaScript(HttpLoad.targets(queries, facets)), StandardCharsets.UTF_8);
  }

  /** The first executable {@code wrk} on {@code PATH}, if any. */
  static Optional<Path> onPath() {
    return onPath("wrk");
  }

  /** The executable {@code name} on {@code PATH}, if there is one. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The script: each request is the next target in the list. The targets are URL-encoded, so they
   * hold no quote or backslash to escape for Lua.
   */
  static String luaScript(List<String> targets) {
    StringBuilder lua =
        new StringBuilder(
            "-- written by verbatim bench: the query mix, in turn\nlocal targets = {\n");
    for (String t : targets) {
      if (t.indexOf('"') >= 0 || t.indexOf('\\') >= 0 || t.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("target is not URL-encoded: " + t);
      }
      lua.append("  \"").append(t).append("\",\n");
    }
    return lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #targets + 1\n")
        .append("  return wrk.format(\"GET\", targets[i])\nend\n")
        .toString();
  }

  @Override
  public Load.Result run(int connections, double seconds) {
    // wrk takes whole seconds; at least one wrk thread per connection.
    long wholeSeconds = Math.max(1, (long) Math.ceil(seconds));
    List<String> command =
        List.of(
            wrk.toString(),
            "-t" + Math.min(THREADS, connections),
            "-c" + connections,
            "-d" + wholeSeconds + "s",
            "--timeout",
            TIMEOUT,
            "--latency",
            "-s",
            script.toString(),
            url);
    long cpuStart = CpuClock.nanos();
    long childTicksStart = childCpuTicks();
    String out;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      if (code != 0) {
        throw new IllegalStateException("wrk exited with " + code + ": " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
    double serverCpuMs = (CpuClock.nanos() - cpuStart) / 1e6;
    double wrkCpuMs = (childCpuTicks() - childTicksStart) * MS_PER_TICK;
    return parse(out, serverCpuMs, wrkCpuMs);
  }

  /** The figures in wrk's {@code --latency} report, with the CPU each side used over the run. */
  static Load.Result parse(String out, double serverCpuMs, double wrkCpuMs) {
    Matcher requests = find(REQUESTS, out);
    long calls = Long.parseLong(requests.group(1));
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    // The server answers only 503 (load shed) besides 2xx to this mix: counted apart, and left
    // out of the rate. wrk's percentiles cover every answer, the quick 503s too.
    long shed = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      shed = Long.parseLong(non2xx.group(1));
    }
    long answered = calls - shed;
    long per = Math.max(1, answered);
    double rate = Double.parseDouble(find(RATE, out).group(1));
    return new Load.Result(
        percentileMs(out, "50%"),
        percentileMs(out, "99%"),
        calls == 0 ? 0 : rate * answered / calls,
        answered,
        errors,
        shed,
        serverCpuMs / per,
        wrkCpuMs / per);
  }

  private static double percentileMs(String out, String label) {
    Matcher m =
        find(Pattern.compile("\\n\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m|h)"), out);
    return Double.parseDouble(m.group(1)) * msPer(m.group(2));
  }

  private static double msPer(String unit) {
    return switch (unit) {
      case "us" -> 1e-3;
      case "ms" -> 1;
      case "s" -> 1e3;
      case "m" -> 60e3;
      case "h" -> 3600e3;
      default -> throw new IllegalArgumentException("unknown wrk time unit '" + unit + "'");
    };
  }

  private static Matcher find(Pattern pattern, String out) {
    Matcher m = pattern.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk's report has no match for /" + pattern + "/:\n" + out);
    }
    return m;
  }

  /** User and system CPU ticks of this process's reaped children (fields 16 and 17 of stat). */
  private static long childCpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // The command name in field 2 may hold spaces; fields after it are counted from its ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read child CPU time from /proc/self/stat", e);
    }
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d thread, in its own process; CPU per request is the server's (this JVM) and the"
            + " server's plus wrk's (its child times)",
        wrk,
        THREADS);
  }

  /** Leaves the script in the work folder, to rerun wrk by hand against {@code verbatim serve}. */
  @Override
  public void close() {}
}
