package dev.verbatim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verbatim serve} with no --host listens on loopback only. */
class ServeBindingTest {
  @TempDir Path dir;

  @Test
  void serveBindsToLoopbackByDefault() throws Exception {
    Path corpus = HostileServer.corpus(dir, 20);
    Path log = dir.resolve("serve");
    Process serve =
        Workbench.verbatim(
            log,
            "serve",
            "--index",
            dir.resolve("index").toString(),
            "--corpus",
            corpus.toString(),
            "--port",
            "0");
    try {
      int port = awaitPort(log.resolveSibling("serve.out"), serve);
      try (Socket loopback = new Socket()) {
        loopback.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        assertTrue(loopback.isConnected());
      }
      List<InetAddress> others =
          NetworkInterface.networkInterfaces()
              .flatMap(NetworkInterface::inetAddresses)
              .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
              .toList();
      for (InetAddress other : others) {
        try (Socket outside = new Socket()) {
          assertThrows(
              IOException.class,
              () -> outside.connect(new InetSocketAddress(other, port), 2_000),
              other.toString());
        }
      }
    } finally {
      serve.destroyForcibly().waitFor();
    }
  }

  private static int awaitPort(Path out, Process serve) throws Exception {
    Pattern serving = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline && serve.isAlive()) {
      Matcher m = serving.matcher(Files.exists(out) ? Files.readString(out) : "");
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    assertEquals(true, serve.isAlive(), "serve exited: " + Files.readString(out));
    throw new AssertionError("serve did not report its port: " + Files.readString(out));
  }
}
