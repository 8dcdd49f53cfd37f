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
  /** Reuters-21578 as JSON Lines when given with {@code -Dverbatim.reuters=FILE}. */
  static final Path REUTERS = dev.verbatim.bench.CorpusGeneratorTest.REUTERS;

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
   * The first {@code articles} (all when negative) Reuters articles when that corpus is given
   * ({@code -Dverbatim.reuters=FILE}), else as many synthetic articles learned from a corpus of our
   * own.
   */
  static Path corpus(Path dir, int articles) throws Exception {
    if (Files.isRegularFile(REUTERS)) {
      return Workbench.corpusFolder(REUTERS, dir.resolve("corpus"), articles);
    }
    // Without Reuters: as many synthetic articles, learned from a small corpus of our own.
    Files.createDirectories(dir);
    Path generated = dir.resolve("generated.jsonl");
    dev.verbatim.bench.CorpusGenerator.train(
            dev.verbatim.bench.CorpusGeneratorTest.trainingText(dir))
        .write(articles < 0 ? 1000 : articles, 7, generated);
    return Workbench.corpusFolder(generated, dir.resolve("corpus"), articles);
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
