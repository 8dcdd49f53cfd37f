package dev.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run}, the real script run by bash in a copy of the clone whose {@code ./verbatim} only
 * records its arguments: with {@code ../shared} beside the clone (as on CI) the tests over the
 * shared corpora are told where they are; without it (a user's clone) they are not.
 */
class CiScriptTest {
  @TempDir Path dir;

  @Test
  void sharedCorporaBesideTheClonePassTheirPropertiesToTheTests() throws Exception {
    Path clone = aClone();
    Path corpora = Files.createDirectories(dir.resolve("shared/corpora/bbc")).getParent();
    Files.writeString(corpora.resolve("reuters21578.jsonl"), "{}\n");
    String shared = corpora.toRealPath().toString();
    assertEquals(
        List.of(
            "test",
            "-Dspotless.apply.skip=true",
            "-Dverbatim.bbc=" + shared + "/bbc",
            "-Dverbatim.reuters=" + shared + "/reuters21578.jsonl"),
        run(clone));
  }

  @Test
  void withoutSharedTheTestsRunOnTheRepositoryAlone() throws Exception {
    assertEquals(List.of("test", "-Dspotless.apply.skip=true"), run(aClone()));
  }

  /** A folder with the repository's .ci/run and a ./verbatim that writes its arguments down. */
  private Path aClone() throws Exception {
    Path clone = Files.createDirectories(dir.resolve("clone/.ci")).getParent();
    Files.copy(Path.of(".ci/run"), clone.resolve(".ci/run"));
    Path launcher = clone.resolve("verbatim");
    Files.writeString(launcher, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > args.txt\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return clone;
  }

  private List<String> run(Path clone) throws Exception {
    // The script installs Chromium when it is missing; stand-ins on the PATH keep it from that.
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("chromium", "chromedriver")) {
      Path stub = bin.resolve(tool);
      if (!Files.exists(stub)) {
        Files.writeString(stub, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", ".ci/run").directory(clone.toFile()).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), output);
    assertEquals(0, p.exitValue(), output);
    return Files.readAllLines(clone.resolve("args.txt"));
  }
}
