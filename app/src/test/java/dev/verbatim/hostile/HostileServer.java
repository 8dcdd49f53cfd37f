package dev.verbatim.hostile;

import dev.verbatim.index.Indexer;
import dev.verbatim.search.Searcher;
import dev.verbatim.web.AdminAccess;
import dev.verbatim.web.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real server over a real index of a small realistic corpus, shared by this package's tests. */
final class HostileServer implements AutoCloseable {
  static final Path REUTERS = Path.of("/work/shared/corpora/reuters21578.jsonl");

  final Path corpus;
  final Path index;
  final Searcher searcher;
  final WebServer server;

  private HostileServer(Path corpus, Path index, Searcher searcher, WebServer server) {
    this.corpus = corpus;
    this.index = index;
    this.searcher = searcher;
    this.server = server;
  }

  /**
   * The first {@code articles} (all when negative) Reuters articles when that corpus is on this
   * machine, else the fixture corpus.
   */
  static Path corpus(Path dir, int articles) throws Exception {
    if (Files.isRegularFile(REUTERS)) {
      return Workbench.corpusFolder(REUTERS, dir.resolve("corpus"), articles);
    }
    return Path.of(HostileServer.class.getResource("/fixture-corpus").toURI());
  }

  static HostileServer start(Path dir, int articles, AdminAccess admin) throws Exception {
    Path corpus = corpus(dir, articles);
    Path index = dir.resolve("index");
    new Indexer(2).rebuild(corpus, index);
    Searcher searcher = Searcher.open(index);
    return new HostileServer(
        corpus, index, searcher, new WebServer(searcher, admin).start("127.0.0.1", 0));
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws IOException {
    server.close();
    searcher.close();
  }
}
