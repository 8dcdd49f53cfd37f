package dev.verbatim.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Saved news pages: the article body without the page around it (navigation, header, footer,
 * scripts, asides, share and comment widgets), and title, source, author, date and URL from the
 * page's meta tags and its JSON-LD {@code NewsArticle}. The body is extracted text, so its offsets
 * are offsets into that text ({@code textOffset} 0), not into the HTML.
 */
final class HtmlArticleReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
  private static final int CHARSET_SNIFF_BYTES = 4096;
  private static final String FURNITURE =
      "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button,"
          + " figure, figcaption, [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary], [aria-hidden=true], [hidden]";
  // Class or id words that mark widgets inside the article element itself.
  private static final Pattern WIDGET =
      Pattern.compile(
          "(?i)(?:^|[\\s_-])(?:share|sharing|social|comments?|related|newsletter|promo|advert|ad|ads"
              + "|subscribe|subscription|paywall|cookie|breadcrumbs?|tags?|byline|caption|credit|sidebar|recommended)(?:$|[\\s_-])");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "table",
          "tr",
          "dl",
          "dt",
          "dd",
          "br",
          "hr");
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "NewsArticle",
          "Article",
          "ReportageNewsArticle",
          "AnalysisNewsArticle",
          "BlogPosting",
          "OpinionNewsArticle");

  private HtmlArticleReader() {}

  /**
   * The charset a page declares in its first bytes ({@code <meta charset>} or http-equiv), or null.
   */
  static String declaredCharset(byte[] bytes) {
    String head =
        new String(
            bytes, 0, Math.min(bytes.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  static CorpusReader.Result read(String id, String file, String html) {
    Document page = Jsoup.parse(html);
    JsonNode ld = newsArticle(page);
    String title =
        first(meta(page, "og:title"), ld == null ? null : text(ld.get("headline")), page.title());
    String body = bodyText(page);
    if (title == null || title.isBlank()) {
      Element h1 = page.selectFirst("h1");
      title = h1 == null ? "" : h1.text();
    }
    // A headline without a body is still an article; a page with neither is not.
    if (body.isEmpty() && title.isBlank()) {
      return CorpusReader.Result.skip(file, "empty article: no headline or body text in the page");
    }
    String source =
        first(
            meta(page, "og:site_name"),
            ld == null ? null : name(ld.get("publisher")),
            meta(page, "application-name"));
    String author =
        first(
            meta(page, "author"),
            notUrl(meta(page, "article:author")),
            ld == null ? null : name(ld.get("author")));
    String date =
        first(
            meta(page, "article:published_time"),
            ld == null ? null : text(ld.get("datePublished")),
            meta(page, "date"),
            meta(page, "pubdate"),
            attr(page.selectFirst("time[datetime]"), "datetime"));
    Element canonical = page.selectFirst("link[rel=canonical][href]");
    String url =
        first(
            canonical == null ? null : canonical.attr("href"),
            meta(page, "og:url"),
            ld == null ? null : text(ld.get("url")));
    return CorpusReader.Result.of(
        Article.of(id, title.strip(), body)
            .withSource(source)
            .withAuthor(author)
            .withUrl(url)
            .withDate(Dates.parse(date))
            .withFile(file, 0));
  }

  /** The visible article text: paragraphs separated by blank lines, furniture removed. */
  private static String bodyText(Document page) {
    Element root = articleRoot(page);
    if (root == null) {
      return "";
    }
    root = root.clone();
    root.select(FURNITURE).remove();
    List<Element> widgets = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e != root && WIDGET.matcher(e.className() + " " + e.id()).find()) {
        widgets.add(e);
      }
    }
    widgets.forEach(Element::remove);
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              appendText(out, t.text());
            } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              breakParagraph(out, e.normalName().equals("br") ? "\n" : "\n\n");
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e
                && BLOCKS.contains(e.normalName())
                && !e.normalName().equals("br")) {
              breakParagraph(out, "\n\n");
            }
          }
        },
        root);
    return out.toString().strip();
  }

  private static void appendText(StringBuilder out, String text) {
    if (text.isBlank()) {
      if (!out.isEmpty() && !Character.isWhitespace(out.charAt(out.length() - 1))) {
        out.append(' ');
      }
      return;
    }
    boolean atLineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    out.append(atLineStart ? text.stripLeading() : text);
  }

  private static void breakParagraph(StringBuilder out, String separator) {
    while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
    if (out.isEmpty()) {
      return;
    }
    int newlines = 0;
    for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
      newlines++;
    }
    for (int i = newlines; i < separator.length(); i++) {
      out.append('\n');
    }
  }

  /**
   * The element holding the story: the longest {@code <article>}, else the marked-up body, else
   * {@code <main>}, else {@code <body>}.
   */
  private static Element articleRoot(Document page) {
    Element best = null;
    for (Element candidate : page.select("article, [itemprop=articleBody]")) {
      if (best == null || candidate.text().length() > best.text().length()) {
        best = candidate;
      }
    }
    if (best != null) {
      return best;
    }
    Element main = page.selectFirst("main, [role=main]");
    return main != null ? main : page.body();
  }

  /** The first JSON-LD object on the page whose {@code @type} is a kind of news article. */
  private static JsonNode newsArticle(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        JsonNode found = findArticle(JSON.readTree(script.data()));
        if (found != null) {
          return found;
        }
      } catch (JsonProcessingException malformed) {
        // Broken structured data is common; the meta tags still apply.
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        JsonNode found = findArticle(item);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode type = node.get("@type");
    if (type != null) {
      for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
        if (ARTICLE_TYPES.contains(t.asText())) {
          return node;
        }
      }
    }
    return findArticle(node.get("@graph"));
  }

  /**
   * A person or organisation's name: a string, an object with {@code name}, or the first of a list.
   */
  private static String name(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<String> names = new ArrayList<>();
      node.forEach(
          n -> {
            String s = name(n);
            if (s != null) {
              names.add(s);
            }
          });
      return names.isEmpty() ? null : String.join(", ", names);
    }
    return node.isObject() ? text(node.get("name")) : node.asText();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static String meta(Document page, String key) {
    for (Element m : page.select("meta[content]")) {
      String k = m.hasAttr("property") ? m.attr("property") : m.attr("name");
      if (k.toLowerCase(Locale.ROOT).equals(key)) {
        String content = m.attr("content").strip();
        if (!content.isEmpty()) {
          return content;
        }
      }
    }
    return null;
  }

  private static String attr(Element e, String name) {
    return e == null ? null : e.attr(name);
  }

  private static String notUrl(String s) {
    return s == null || s.startsWith("http://") || s.startsWith("https://") ? null : s;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
