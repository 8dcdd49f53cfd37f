package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verbatim.web.AdminAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How {@code serve} reads its listening address and admin token. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void listensOnLoopbackUnlessToldOtherwise() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs();
    assertEquals("127.0.0.1", serve.host);
    assertEquals(400, serve.timeLimitMillis);
  }

  @Test
  void refusesATimeLimitBelowOneMillisecond() {
    CommandLine cmd = new CommandLine(new ServeCommand());
    java.io.StringWriter err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err));
    int code =
        cmd.execute(
            "--time-limit",
            "0",
            "--index",
            dir.resolve("index").toString(),
            "--corpus",
            dir.resolve("none").toString());
    assertEquals(2, code);
    org.junit.jupiter.api.Assertions.assertTrue(
        err.toString().contains("--time-limit must be at least 1 ms"), err.toString());
  }

  @Test
  void aClusterThatIsDownAtStartIsNamedAndExitsOne() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CommandLine cmd = Main.commandLine();
    java.io.StringWriter err = new java.io.StringWriter();
    cmd.setErr(new java.io.PrintWriter(err));
    int code = cmd.execute("serve", "--opensearch", "http://127.0.0.1:" + port, "--port", "0");
    assertEquals(1, code);
    org.junit.jupiter.api.Assertions.assertTrue(
        err.toString().startsWith("verbatim: cannot reach the cluster at http://127.0.0.1:" + port),
        err.toString());
  }

  @Test
  void adminIsOffWithoutATokenAndTheFileWinsOverTheEnvironment() throws Exception {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve)
        .parseArgs("--corpus", dir.toString(), "--index", dir.resolve("index").toString());
    assertNull(serve.adminAccess(null));
    assertNull(serve.adminAccess("  "));

    AdminAccess fromEnv = serve.adminAccess("an-environment-token-1234");
    assertEquals("an-environment-token-1234", fromEnv.token());
    assertEquals(dir, fromEnv.corpus());

    Path file = Files.writeString(dir.resolve("token"), "a-token-from-the-file-5678\n");
    new CommandLine(serve)
        .parseArgs(
            "--admin-token-file", file.toString(), "--corpus", dir.resolve("absent").toString());
    AdminAccess fromFile = serve.adminAccess("an-environment-token-1234");
    assertEquals("a-token-from-the-file-5678", fromFile.token());
    assertNull(fromFile.corpus(), "no corpus folder, so no reindexing");

    Files.writeString(file, "short");
    assertThrows(IllegalArgumentException.class, () -> serve.adminAccess(null));
  }
}
