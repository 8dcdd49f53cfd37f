package dev.verbatim.web;

import dev.verbatim.search.InvalidQueryException;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.Searcher;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Verbatim HTTP server: JSON API under {@code /api} and the search page at {@code /}. Safe to
 * use from one thread at a time for start/stop; requests are served concurrently.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * Longest request line and headers Jetty accepts. Jetty's 8 KB default would turn a long query
   * into a bare 431 before Verbatim could say what is wrong; the query length cap is enforced by
   * the searcher, well below this. Larger requests get 431 or 414 as JSON.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 256 * 1024;

  /** Gzip level for answers to clients that accept it: the fastest; see the constructor. */
  static final int GZIP_LEVEL = 1;

  /**
   * New connections the kernel holds for the server until it accepts them (Linux caps it at {@code
   * net.core.somaxconn}). Java's default of 50 dropped the connection requests of a burst past it:
   * 256 clients connecting at once in the bench lost 35 of them, and each such client, a health
   * check among them, waited for the TCP retry a second later (the bench's health probe once took
   * 1,042 ms at 256 connections).
   */
  static final int ACCEPT_QUEUE = 1024;

  /**
   * Jetty's request threads (Javalin's default, made explicit because {@link Admission} sizes the
   * requests that may wait inside by it).
   */
  static final int REQUEST_THREADS = 250;

  /** Seconds a turned-away client is told to wait before asking again. */
  static final int RETRY_AFTER_SECONDS = 1;

  /**
   * The longest warm-up of a searcher before a server on it listens ({@link Searcher#warmUp}): what
   * {@code verbatim serve} and the memory bench's server give it.
   */
  public static final Duration WARM_UP = Duration.ofSeconds(5);

  private final Searcher searcher;
  private final AdminRoutes admin;
  private final Admission admission;
  private final Overview overview;
  private final Javalin app;

  /** A server answering from {@code searcher}; call {@link #start(String, int)} to listen. */
  public WebServer(Searcher searcher) {
    this(searcher, null);
  }

  /**
   * A server answering from {@code searcher} whose admin routes accept {@code admin}'s token, or
   * are off when {@code admin} is null.
   */
  public WebServer(Searcher searcher, AdminAccess admin) {
    this(searcher, admin, Admission.forThisMachine(REQUEST_THREADS));
  }

  WebServer(Searcher searcher, AdminAccess admin, Admission admission) {
    this.searcher = searcher;
    this.admin = new AdminRoutes(searcher, admin);
    this.admission = admission;
    this.overview = new Overview(searcher);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              QueuedThreadPool requestThreads = new QueuedThreadPool(REQUEST_THREADS, 8, 60_000);
              requestThreads.setName("verbatim-http");
              config.jetty.threadPool = requestThreads;
              config.http.maxRequestSize = 64 * 1024;
              // Browsers always ask for gzip. Javalin's level 6 took about a quarter of a
              // search's CPU on a 24 KB answer (650 us); level 1 takes 255 us and shrinks it to
              // 37% (level 6: 34%).
              config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
                    http.setSendServerVersion(false);
                    // Jetty reuses header values seen earlier on a connection, matching them
                    // case-insensitively; a bearer token is case-sensitive.
                    http.setHeaderCacheCaseSensitive(true);
                  });
              config.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(new JsonErrorHandler());
                    // Javalin adds its connector just before starting the server.
                    server.addEventListener(
                        new LifeCycle.Listener() {
                          @Override
                          public void lifeCycleStarting(LifeCycle event) {
                            for (Connector c : server.getConnectors()) {
                              if (c instanceof ServerConnector connector) {
                                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                              }
                            }
                          }
                        });
                  });
              config.routes.before(ctx -> SecurityHeaders.apply(ctx::header));
              config.routes.error(HttpStatus.NOT_FOUND.getCode(), WebServer::notFoundAsJson);
              config.routes.post("/api/admin/reload", this.admin::reload);
              config.routes.post("/api/admin/reindex", this.admin::reindex);
              config.routes.get("/api/admin/reindex", this.admin::reindexStatus);
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              config.staticFiles.add("/public", Location.CLASSPATH);
              config.routes.get("/api/search", admitted(this::search));
              // Not admitted: it must answer fast however busy the searches are.
              config.routes.get("/api/health", this::health);
              // <id> rather than {id}: article ids may contain slashes.
              config.routes.get("/api/articles/<id>", admitted(this::article));
              config.routes.get("/articles/<id>", admitted(this::articlePage));
              config.routes.get("/api/quotes/{quoteId}", admitted(this::quote));
              config.routes.get("/api/overview", ctx -> writeJson(ctx, overview.now()));
              config.routes.get("/quotes/{quoteId}", admitted(this::quotePage));
              config.routes.get("/speakers/<name>", admitted(this::speakerPage));
              config.routes.exception(
                  InvalidQueryException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("request {} failed", ctx.path(), e);
                    error(
                        ctx,
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal error; see the server log");
                  });
            });
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one); returns this server. */
  public WebServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    admission.close();
    admin.close();
  }

  /**
   * {@code handler} run on one of {@link Admission}'s lanes while the request's thread waits;
   * turned away with 503 and {@code Retry-After} when none is free and the queue stays full for a
   * moment, so a burst is shed instead of queued without bound.
   */
  private Handler admitted(Handler handler) {
    return ctx -> {
      if (!admission.run(() -> handler.handle(ctx))) {
        ctx.header(Header.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        error(
            ctx,
            HttpStatus.SERVICE_UNAVAILABLE,
            "the server is busy with other searches; try again in " + RETRY_AFTER_SECONDS + " s");
      }
    };
  }

  private void search(Context ctx) throws IOException {
    String format = ctx.queryParam("format");
    if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
      export(ctx, Export.Format.fromLabel(format));
      return;
    }
    writeJson(ctx, searcher.search(request(ctx)));
  }

  /** The search the API's parameters ask for. */
  private static SearchRequest request(Context ctx) {
    return request(ctx, intParam(ctx, "limit", SearchRequest.DEFAULT_LIMIT));
  }

  /** The search the API's parameters ask for, {@code limit} hits a page. */
  private static SearchRequest request(Context ctx, int limit) {
    SearchRequest.Builder request =
        SearchRequest.builder(ctx.queryParamAsClass("q", String.class).getOrDefault(""))
            .withLimit(limit)
            .withOffset(intParam(ctx, "offset", 0))
            .withStrict(booleanParam(ctx, "strict"))
            // Facets cost a pass over every match; only a caller that shows them asks.
            .withFacets(booleanParam(ctx, "facets"));
    String type = ctx.queryParam("type");
    if (type != null && !type.isBlank() && !type.equalsIgnoreCase("all")) {
      request.withType(SearchRequest.Type.fromLabel(type));
    }
    String relevance = ctx.queryParam("relevance");
    if (relevance != null && !relevance.isBlank()) {
      request.withRelevance(SearchRequest.Relevance.fromLabel(relevance));
    }
    return refine(ctx, request).build();
  }

  /**
   * The search as CSV or JSON Lines: up to {@link Export#MAX_ROWS} hits from {@code offset} (fewer
   * with {@code limit}), in the search's order, fetched a page at a time. The file is made before
   * it is sent (at most {@link Export#MAX_ROWS} rows), so its headers can say how many rows it
   * holds of how many hits: {@code X-Export-Rows} and {@code X-Total-Count}.
   */
  private void export(Context ctx, Export.Format format) throws IOException {
    int wanted = Math.min(Export.MAX_ROWS, Math.max(1, intParam(ctx, "limit", Export.MAX_ROWS)));
    SearchRequest first = request(ctx, SearchRequest.MAX_LIMIT);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
    if (format == Export.Format.CSV) {
      out.write('\uFEFF'); // so spreadsheets read the file as UTF-8
    }
    // Permalinks name the host the client asked; a request without a Host gets paths.
    String base = ctx.host() == null ? "" : ctx.scheme() + "://" + ctx.host();
    Export export = new Export(out, format, base, Export.articleUrls(searcher));
    export.writeAll(searcher, first, wanted);
    out.flush();
    ctx.contentType(format.contentType);
    ctx.header(
        "Content-Disposition", "attachment; filename=\"verbatim-export." + format.extension + "\"");
    ctx.header("X-Export-Rows", String.valueOf(export.rows()));
    ctx.header("X-Total-Count", String.valueOf(export.total()));
    if (!export.totalExact()) {
      ctx.header("X-Total-Count-Exact", "false");
    }
    ctx.result(body.toByteArray());
  }

  /** The quote page is static; its script fetches {@code /api/quotes/{quoteId}}. */
  private void quotePage(Context ctx) throws IOException {
    page(ctx, "quote.html", searcher.quote(ctx.pathParam("quoteId")).isPresent());
  }

  /** A speaker's page is the search page narrowed to them; 404 when they said nothing here. */
  private void speakerPage(Context ctx) throws IOException {
    SearchRequest theirs =
        SearchRequest.builder("")
            .withType(SearchRequest.Type.QUOTE)
            .withSpeaker(ctx.pathParam("name"))
            .withLimit(1)
            .build();
    page(ctx, "index.html", searcher.search(theirs).total() > 0);
  }

  /** Adds the filter, sort, cursor and passage parameters to {@code request}. */
  private static SearchRequest.Builder refine(Context ctx, SearchRequest.Builder request) {
    String sort = ctx.queryParam("sort");
    if (sort != null && !sort.isBlank()) {
      request.withSort(SearchRequest.SortOrder.fromLabel(sort));
    }
    return request
        .withSpeaker(ctx.queryParam("speaker"))
        .withSource(ctx.queryParam("source"))
        .withDate(ctx.queryParam("date"))
        .withCursor(ctx.queryParam("cursor"))
        .withPassages(intParam(ctx, "passages", SearchRequest.DEFAULT_PASSAGES))
        .withPassageLength(intParam(ctx, "passageLength", SearchRequest.DEFAULT_PASSAGE_LENGTH));
  }

  private void quote(Context ctx) throws IOException {
    String id = ctx.pathParam("quoteId");
    jsonOrNotFound(ctx, searcher.quote(id), "no quote with id '" + id + "'");
  }

  private void health(Context ctx) throws IOException {
    Searcher.Stats stats = searcher.stats();
    writeJson(ctx, Map.of("status", "ok", "articles", stats.articles(), "quotes", stats.quotes()));
  }

  private void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    jsonOrNotFound(ctx, searcher.article(id), "no article with id '" + id + "'");
  }

  private static void jsonOrNotFound(Context ctx, Optional<?> found, String notFound)
      throws IOException {
    if (found.isPresent()) {
      writeJson(ctx, found.get());
    } else {
      error(ctx, HttpStatus.NOT_FOUND, notFound);
    }
  }

  /**
   * Writes {@code value} as the answer's JSON body: UTF-8 bytes straight from Jackson, in one
   * write, rather than through Javalin's {@code ctx.json}, which makes a String, encodes it and
   * copies it through a fresh 32 KB buffer. A client that accepts no compression gets a
   * Content-Length, so Jetty sends headers and body together instead of chunks; for one that does,
   * Javalin's compression still decides on the whole body and the length stays unset.
   */
  private static void writeJson(Context ctx, Object value) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(value);
    ctx.contentType(ContentType.APPLICATION_JSON);
    if (ctx.header(Header.ACCEPT_ENCODING) == null) {
      ctx.res().setContentLength(body.length);
    }
    ctx.outputStream().write(body);
  }

  /**
   * The article page is static; its script fetches {@code /api/articles/{id}} itself and says so
   * when the article is unknown, which the status code tells crawlers and scripts as well.
   */
  private void articlePage(Context ctx) throws IOException {
    page(ctx, "article.html", searcher.article(ctx.pathParam("id")).isPresent());
  }

  /** Answers with the static page {@code name}, as 404 when what it shows is not there. */
  private static void page(Context ctx, String name, boolean found) throws IOException {
    if (!found) {
      ctx.status(HttpStatus.NOT_FOUND);
    }
    try (InputStream page = WebServer.class.getResourceAsStream("/public/" + name)) {
      if (page == null) {
        throw new IOException(name + " is missing from the classpath");
      }
      ctx.contentType(ContentType.TEXT_HTML).result(page.readAllBytes());
    }
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(name + " must be a whole number, got '" + raw + "'");
    }
  }

  /** Javalin's own 404 (no route, no static file) is plain text; answers here are JSON. */
  private static void notFoundAsJson(Context ctx) {
    String type = ctx.res().getContentType();
    if (type == null || type.startsWith("text/plain")) {
      error(ctx, HttpStatus.NOT_FOUND, "not found: " + ctx.path());
    }
  }

  private static boolean booleanParam(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("false")) {
      return false;
    }
    if (raw.strip().equalsIgnoreCase("true")) {
      return true;
    }
    throw new InvalidQueryException(name + " must be true or false, got '" + raw + "'");
  }

  static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message == null ? status.getMessage() : message));
  }
}
