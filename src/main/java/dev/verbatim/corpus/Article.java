package dev.verbatim.corpus;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news article as read from the corpus. Immutable and thread-safe.
 *
 * <p>{@code text} is the body exactly as it appears in the source (never normalised), so offsets
 * into it are offsets into what users are shown. {@code textOffset} is where that body starts in
 * the source file (for {@code .txt}) or 0 when the body is a field of its own (JSON Lines).
 *
 * @param id stable identifier, unique within a corpus (file name stem, or the JSON {@code id})
 * @param title the headline, never null (may be empty)
 * @param source the publication, or null when unknown
 * @param author the byline, or null
 * @param url the canonical address, or null
 * @param date the publication date, or null
 * @param text the body, never null
 * @param file the corpus-relative path the article came from, or null when not from a file
 * @param textOffset char offset of {@code text} in {@code file}
 */
public record Article(
    String id,
    String title,
    String source,
    String author,
    String url,
    LocalDate date,
    String text,
    String file,
    int textOffset) {

  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    title = title == null ? "" : title;
    Objects.requireNonNull(text, "text");
    source = blankToNull(source);
    author = blankToNull(author);
    url = blankToNull(url);
    if (textOffset < 0) {
      throw new IllegalArgumentException("textOffset must be >= 0, got " + textOffset);
    }
  }

  /**
   * An article with only the required parts; the rest can be added with the {@code with*} copies.
   */
  public static Article of(String id, String title, String text) {
    return new Article(id, title, null, null, null, null, text, null, 0);
  }

  public Article withSource(String newSource) {
    return new Article(id, title, newSource, author, url, date, text, file, textOffset);
  }

  public Article withAuthor(String newAuthor) {
    return new Article(id, title, source, newAuthor, url, date, text, file, textOffset);
  }

  public Article withUrl(String newUrl) {
    return new Article(id, title, source, author, newUrl, date, text, file, textOffset);
  }

  public Article withDate(LocalDate newDate) {
    return new Article(id, title, source, author, url, newDate, text, file, textOffset);
  }

  public Article withFile(String newFile, int newTextOffset) {
    return new Article(id, title, source, author, url, date, text, newFile, newTextOffset);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
