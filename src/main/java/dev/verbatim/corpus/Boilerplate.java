package dev.verbatim.corpus;

import java.util.regex.Pattern;

/**
 * Finds the page furniture that scrapers leave in article text (photo credits on a line of their
 * own with the caption above them, a trailing "Comments", tag and share lines) and blanks it with
 * spaces of the same length, so the words are not indexed while every kept character stays at its
 * offset in the file (quote offsets are file offsets).
 */
final class Boilerplate {
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?i)(?:\\(?(?:photo|image|picture|photograph)s?\\s*(?:by|credit|courtesy"
              + " of|:)\\s*.{1,60}|(?:image copyright|copyright)\\s.{0,60}|(?:[\\p{L}."
              + " ]{0,40}/)?(?:getty images|getty|afp|ap photo|ap|reuters|shutterstock|alamy|epa|pa"
              + " media|pa|rex"
              + " features|rex|istock|istockphoto|bloomberg|wireimage|filmmagic)(?:\\s*(?:via|/)\\s*[\\p{L}"
              + " ]{1,40})?)\\.?\\)?");
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)(?:comments?|\\d+ comments?|show comments|leave a comment|advertisement|share"
              + " this(?: article| story)?|share on"
              + " (?:facebook|twitter)|(?:share|tweet|email|print)(?:\\s*[|/·•]\\s*(?:share|tweet|email|print|facebook|twitter))*|read"
              + " more|related(?: articles| stories)?:?|(?:tags?|topics?|filed"
              + " under|categories|category):\\s.{0,200})");
  private static final int CAPTION_MAX_WORDS = 8;

  /** Furniture lines are short; longer lines are prose and skip the patterns. */
  private static final int FURNITURE_MAX_CHARS = 250;

  private Boilerplate() {}

  /**
   * {@code text} with the furniture lines between {@code from} and {@code to} replaced by spaces.
   */
  static String blank(String text, int from, int to) {
    char[] chars = null;
    int previousStart = -1;
    int previousEnd = -1;
    int lineStart = from;
    while (lineStart < to) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 || newline > to ? to : newline;
      boolean prose = lineEnd - lineStart > FURNITURE_MAX_CHARS;
      String line = prose ? null : text.substring(lineStart, lineEnd).strip();
      boolean empty = line != null && line.isEmpty();
      boolean credit = line != null && !empty && CREDIT.matcher(line).matches();
      if (credit || (line != null && !empty && FURNITURE.matcher(line).matches())) {
        chars = chars == null ? text.toCharArray() : chars;
        spaces(chars, lineStart, lineEnd);
        // A short unpunctuated line right above a credit is the photo's caption or alt text.
        if (credit && previousStart >= 0 && isCaption(text.substring(previousStart, previousEnd))) {
          spaces(chars, previousStart, previousEnd);
        }
      }
      if (empty) {
        previousStart = -1;
      } else {
        previousStart = lineStart;
        previousEnd = lineEnd;
      }
      lineStart = lineEnd + 1;
    }
    return chars == null ? text : new String(chars);
  }

  private static boolean isCaption(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 80 || s.indexOf('“') >= 0 || s.indexOf('"') >= 0) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    return last != '.'
        && last != '!'
        && last != '?'
        && last != ':'
        && s.split("\\s+").length <= CAPTION_MAX_WORDS;
  }

  private static void spaces(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (chars[i] != '\r') {
        chars[i] = ' ';
      }
    }
  }
}
