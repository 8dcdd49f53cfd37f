package dev.verbatim.quotes;

import dev.verbatim.corpus.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One pass over one article: spans, then for each span in text order its kind, its cue and its
 * speaker. Speakers found earlier feed later decisions (a pronoun's antecedent, a quote that goes
 * on without a cue), so the pass is sequential. Used by one thread, then dropped.
 */
final class ArticleQuotes {
  private static final int MAX_PRONOUN_SENTENCES = 6;
  private static final int MAX_INHERIT_GAP_TOKENS = 40;

  private static final Set<String> SMALL_WORDS =
      Lexicon.words("a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "at", "by", "with",
          "from", "is", "be", "as", "vs", "vs.", "&");

  private static final int SMALL_WORD_MAX_LENGTH =
      SMALL_WORDS.stream().mapToInt(String::length).max().orElseThrow();

  private static final Set<String> ROLE_LINKS = Lexicon.words("for", "of", "at", "from", "to");
  /** "… Regan said when asked about …": a verb after these attributes nothing new. */
  private static final Set<String> PASSIVE_MARKERS =
      Lexicon.words("when", "if", "as", "being", "was", "were", "is", "are", "been", "be", "not");

  private static final Set<String> KNOWN_AS = Lexicon.words("known", "billed", "described");

  private final String text;
  private final List<SpanFinder.Span> spans;
  private final Tokens t;
  private final Names names;
  private final CueFinder cues;
  private final int[] openTok;
  private final int[] closeTok;
  private final QuoteKind[] kinds;
  private final String[] speakers;
  private final Cue[] cueOf;
  /** True when the quote has a cue of its own (not inherited). */
  private final boolean[] direct;

  private ArticleQuotes(Article article) {
    text = article.text();
    int lastMark = Math.max(text.lastIndexOf('"'), Math.max(text.lastIndexOf('“'), text.lastIndexOf('”')));
    // One paragraph past the last mark: a quote left open there may go on in the next one.
    int[] paragraphs = SpanFinder.paragraphs(text, nextParagraphEnd(text, lastMark));
    spans = SpanFinder.find(text, paragraphs);
    // Cues, names and antecedents all come before a quote or within its paragraph.
    int limit = spans.isEmpty() ? 0 : paragraphs[2 * spans.get(spans.size() - 1).lastParagraph() + 1];
    t = Tokens.of(text, spans, paragraphs, limit);
    String title = article.title();
    // A title in capitals (wire copy) names nothing we can read; skip it.
    boolean readable = !title.equals(title.toUpperCase(java.util.Locale.ROOT));
    Tokens titleTokens = Tokens.of(readable ? title : "", List.of(), SpanFinder.paragraphs(readable ? title : ""));
    names = Names.of(t, titleTokens);
    cues = new CueFinder(t, names);
    int n = spans.size();
    openTok = new int[n];
    closeTok = new int[n];
    kinds = new QuoteKind[n];
    speakers = new String[n];
    cueOf = new Cue[n];
    direct = new boolean[n];
  }

  /** An offset at or after the end of the paragraph following the one holding {@code at}. */
  private static int nextParagraphEnd(String text, int at) {
    int firstBreak = text.indexOf('\n', Math.max(0, at));
    if (firstBreak < 0) {
      return text.length();
    }
    int blank = text.indexOf("\n\n", firstBreak + 1);
    int indent = text.indexOf("\n  ", firstBreak + 1);
    int next = blank < 0 ? indent : indent < 0 ? blank : Math.min(blank, indent);
    return next < 0 ? text.length() : next + 1;
  }

  static List<Quote> extract(Article article) {
    if (article.text().indexOf('"') < 0
        && article.text().indexOf('“') < 0
        && article.text().indexOf('”') < 0) {
      return List.of(); // most wire stories: no marks, nothing to tokenise
    }
    return new ArticleQuotes(article).run();
  }

  private List<Quote> run() {
    int n = spans.size();
    for (int i = 0; i < n; i++) {
      SpanFinder.Span s = spans.get(i);
      openTok[i] = t.tokenAt(s.open());
      closeTok[i] = s.continuesNext() ? -1 : t.tokenAt(s.innerEnd());
    }
    for (int i = 0; i < n; i++) {
      attribute(i);
    }
    adoptSpeakersOfRepeatedQuotes();
    List<Quote> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SpanFinder.Span s = spans.get(i);
      Cue c = cueOf[i];
      Quote.Mention mention = null;
      if (c != null && kinds[i] != QuoteKind.NOT_A_QUOTE && t.kind[c.npFirst()] == Tokens.WORD) {
        int from = t.start[c.npFirst()];
        String words = Names.stripPossessiveEnd(text.substring(from, t.end[c.npLast()]));
        mention = new Quote.Mention(words, from);
      }
      boolean quoted = kinds[i] != QuoteKind.NOT_A_QUOTE;
      out.add(
          new Quote(
              s.open(),
              s.end() - s.open(),
              text.substring(s.innerStart(), s.innerEnd()),
              kinds[i],
              quoted ? speakers[i] : null,
              quoted && c != null ? c.cueText() : null,
              mention));
    }
    return out;
  }

  private void attribute(int i) {
    SpanFinder.Span s = spans.get(i);
    String inner = text.substring(s.innerStart(), s.innerEnd()).strip();
    char last = inner.isEmpty() ? ' ' : inner.charAt(inner.length() - 1);
    boolean endsSentence = last == '.' || last == '!' || last == '?';
    Cue after = closeTok[i] < 0 ? null : cues.after(closeTok[i], endsSentence);
    Cue before = after == null ? cues.before(openTok[i]) : null;
    Cue cue = after != null ? after : before;
    if (cue == null && closeTok[i] >= 0) {
      cue = cues.sentenceFinal(closeTok[i]); // "… a "wait and see attitude" by buyers, he said."
    }
    kinds[i] = kindOf(i, inner, cue, after != null);
    if (kinds[i] == QuoteKind.NOT_A_QUOTE) {
      return;
    }
    if (cue != null) {
      direct[i] = true;
      cueOf[i] = cue;
      speakers[i] = resolve(cue.npFirst(), cue.npLast(), i);
      return;
    }
    int prev = previousQuote(i);
    // Only whole quotations go on without a cue; a fragment with none is somebody's phrase.
    if (prev >= 0 && speakers[prev] != null
        && kinds[i] == QuoteKind.FULL && inheritable(prev, i)) {
      speakers[i] = speakers[prev];
      cueOf[i] = cueOf[prev];
    }
  }

  /**
   * A dek or pull quote repeats words quoted in the body ("I saw your video," West tells … /
   * "I saw your video and when …," Kardashian told …). When one of the two has a speaker the
   * article names in full and the other has none or only a bare surname we cannot place, the
   * full name wins: the same words have the same speaker.
   */
  private void adoptSpeakersOfRepeatedQuotes() {
    int n = spans.size();
    boolean anyUnsure = false;
    for (int i = 0; i < n && !anyUnsure; i++) {
      anyUnsure = kinds[i] != QuoteKind.NOT_A_QUOTE && (speakers[i] == null || speakers[i].indexOf(' ') < 0);
    }
    if (!anyUnsure || n < 2) {
      return;
    }
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      if (kinds[i] != QuoteKind.NOT_A_QUOTE) {
        SpanFinder.Span s = spans.get(i);
        keys[i] = QuoteExtractor.fingerprint(text.substring(s.innerStart(), s.innerEnd()));
      }
    }
    for (int i = 0; i < n; i++) {
      if (keys[i] == null || (speakers[i] != null && speakers[i].indexOf(' ') > 0)) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (j == i || keys[j] == null || speakers[j] == null || !isFullName(speakers[j])) {
          continue;
        }
        String shorter = keys[i].length() <= keys[j].length() ? keys[i] : keys[j];
        String longer = shorter == keys[i] ? keys[j] : keys[i];
        if (longer.startsWith(shorter) && shorter.indexOf(' ', shorter.indexOf(' ') + 1) > 0) {
          speakers[i] = speakers[j];
          break;
        }
      }
    }
  }

  /** A name of two or more words that the article treats as a person (not a bare surname). */
  private boolean isFullName(String name) {
    Names.Entity e = names.entity(name);
    return name.indexOf(' ') > 0 && e != null && e.person;
  }

  private int previousQuote(int i) {
    for (int p = i - 1; p >= 0; p--) {
      if (kinds[p] != QuoteKind.NOT_A_QUOTE) {
        return p;
      }
    }
    return -1;
  }

  /**
   * A quote without a cue keeps the previous quote's speaker when nothing else is attributed in
   * between: the same paragraph, or the next one when the previous quote closed its paragraph.
   */
  private boolean inheritable(int prev, int i) {
    int from = (closeTok[prev] >= 0 ? closeTok[prev] : openTok[prev]) + 1;
    int to = openTok[i];
    if (to - from > MAX_INHERIT_GAP_TOKENS) {
      return false;
    }
    boolean sameSpeakerAgain = false;
    int ownVerb = cueOf[prev] == null ? -1 : cueOf[prev].verb();
    for (int k = from; k < to; k++) {
      // A participle ("… said X in a statement explaining …") goes on with the same speaker.
      if (k != ownVerb && t.quote[k] < 0 && CueFinder.isReportingVerb(t, k) && !t.lower(k).endsWith("ing")
          && !(t.isWord(k - 1) && PASSIVE_MARKERS.contains(t.lower(k - 1)))) {
        // Another attribution in between; fine only when it names the same speaker again
        // ("Sims added that …").
        int[] np = cues.backwardPhrase(k, t.sentenceStartOf(k));
        if (np == null || !speakers[prev].equals(resolve(np[0], np[1], i))) {
          return false;
        }
        sameSpeakerAgain = true;
      }
      if (t.quote[k] < 0 && t.isWord(k) && t.lower(k).equals("according")) {
        return false;
      }
    }
    if (t.paragraph[to] != t.paragraph[from - 1]) {
      boolean startsParagraph = to == 0 || t.paragraph[to - 1] != t.paragraph[to];
      if (t.paragraph[to] - t.paragraph[from - 1] > 1 || !startsParagraph) {
        return false;
      }
      if (from < to && t.sentence[to - 1] != t.sentence[from - 1] && !sameSpeakerAgain) {
        return false; // the previous paragraph went on after its quote about something else
      }
    }
    return true;
  }

  // ---- kinds ----

  private QuoteKind kindOf(int i, String inner, Cue cue, boolean cueAfter) {
    SpanFinder.Span s = spans.get(i);
    if (s.pieces() || s.continuesNext()) {
      return QuoteKind.FULL;
    }
    int words = 0;
    int content = 0;
    int capitalContent = 0;
    boolean letters = false;
    for (int k = openTok[i] + 1; k < closeTok[i]; k++) {
      if (t.isWord(k)) {
        words++;
        letters |= Character.isLetter(t.text.charAt(t.start[k]));
        // Lower-casing never shortens a word, so a long one is no small word: no copy needed.
        if (t.end[k] - t.start[k] > SMALL_WORD_MAX_LENGTH || !SMALL_WORDS.contains(t.lower(k))) {
          content++;
          if (Character.isUpperCase(t.text.charAt(t.start[k])) || Character.isDigit(t.text.charAt(t.start[k]))) {
            capitalContent++;
          }
        }
      }
    }
    if (!letters) {
      return QuoteKind.NOT_A_QUOTE; // scores, numbers, symbols
    }
    if (words == 1 && isCode(inner)) {
      return QuoteKind.NOT_A_QUOTE; // share classes and grades: "A" shares, "AAA"
    }
    boolean punct = hasSentencePunctuation(inner);
    int prev = openTok[i] - 1;
    int next = closeTok[i] + 1;
    boolean prevSame = prev >= 0 && t.paragraph[prev] == t.paragraph[openTok[i]];
    String prevWord = prevSame && t.isWord(prev) ? t.lower(prev) : "";
    char first = firstLetterOrDigit(inner);
    boolean upper = Character.isUpperCase(first) || Character.isDigit(first) || inner.startsWith("[");

    // Nicknames: Earvin "Magic" Johnson.
    if (words <= 3 && !punct && prevSame && t.capitalised(prev) && t.capitalised(next)
        && t.paragraph[next] == t.paragraph[openTok[i]]) {
      return QuoteKind.NOT_A_QUOTE;
    }
    // Names of works, campaigns, words as words: called "…", the film "…", known as "…".
    boolean named =
        (Lexicon.NAMING_WORDS.contains(prevWord) && !passiveWithAgent(prev, closeTok[i]))
            || (Lexicon.WORK_TITLE_NOUNS.contains(prevWord) && upper)
            || (prevWord.equals("as") && prev > 0 && t.isWord(prev - 1)
                && KNOWN_AS.contains(t.lower(prev - 1)) && words <= 4);
    if (named && words <= 10 && !hasInnerSentenceBreak(inner) && !(cueAfter && inner.endsWith(","))) {
      return QuoteKind.NOT_A_QUOTE;
    }
    // Titles and publication names: short, no sentence punctuation, Capitalised Like A Title.
    boolean shortSentence = words <= 2 && (last(inner) == '.' || last(inner) == '!' || last(inner) == '?');
    boolean titleLike =
        upper && words <= 8 && !shortSentence && !hasSentencePunctuation(stripTrailing(inner)) && (cue == null || !cueAfter || !punct)
            && content > 0 && capitalContent * 10 >= content * 7
            && (content >= 2 || words == 1);
    boolean introduced = cue != null && !cueAfter && prevSame && (t.isPunct(prev, ',') || t.isPunct(prev, ':'))
        && cue.verb() >= prev - 2;
    if (titleLike && !introduced && (cue == null || !cueAfter || prevWord.equals("the") || prevWord.equals("a"))) {
      return QuoteKind.NOT_A_QUOTE;
    }
    // Scare quotes: a word or two mid-sentence in a sentence that reports nobody's words.
    if (words <= 3 && !hasSentencePunctuation(stripTrailing(inner)) && cue == null
        && !sentenceReportsSpeech(openTok[i])) {
      return QuoteKind.NOT_A_QUOTE;
    }
    if (!upper) {
      boolean afterCueComma = prevSame && (t.isPunct(prev, ',') || t.isPunct(prev, ':'))
          && cue != null && !cueAfter && cue.verb() < prev && cue.verb() >= prev - 4;
      return afterCueComma ? QuoteKind.FULL : QuoteKind.PARTIAL;
    }
    return QuoteKind.FULL;
  }

  private static char last(String s) {
    return s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
  }

  /** A short all-capitals token: "A", "B", "AAA", "PMT". */
  private static boolean isCode(String inner) {
    String w = stripTrailing(inner.strip());
    if (w.isEmpty() || w.length() > 4) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isUpperCase(w.charAt(k)) && !Character.isDigit(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** "were called "a smart way …" by one SEC staff member": someone's words, not a name. */
  private boolean passiveWithAgent(int namingTok, int closeTok) {
    boolean passive = t.isWord(namingTok - 1) && PASSIVE_MARKERS.contains(t.lower(namingTok - 1));
    return passive && t.isWord(closeTok + 1) && t.lower(closeTok + 1).equals("by");
  }

  /** "current," and "flawed." end in punctuation that belongs to the sentence, not the words. */
  private static String stripTrailing(String inner) {
    int e = inner.length();
    while (e > 0 && (inner.charAt(e - 1) == ',' || inner.charAt(e - 1) == '.')) {
      e--;
    }
    return inner.substring(0, e);
  }

  /** True when the sentence around a mark has a reporting verb outside quotes. */
  private boolean sentenceReportsSpeech(int tok) {
    int from = t.sentenceStartOf(tok);
    int to = t.sentenceEndOf(tok);
    for (int k = from; k < to; k++) {
      if (t.quote[k] < 0 && (CueFinder.isReportingVerb(t, k) || (t.lowerCase(k) && Lexicon.SPEECH_ACTS.contains(t.lower(k))))
          && !(t.isWord(k - 1) && t.lower(k - 1).equals("widely"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSentencePunctuation(String inner) {
    for (int k = 0; k < inner.length(); k++) {
      char c = inner.charAt(k);
      if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':') {
        // a dot inside a word ("U.S.", "3.5") is not punctuation
        boolean inWord = c == '.' && k + 1 < inner.length() && Character.isLetterOrDigit(inner.charAt(k + 1));
        if (!inWord) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasInnerSentenceBreak(String inner) {
    for (int k = 0; k + 1 < inner.length(); k++) {
      char c = inner.charAt(k);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(inner.charAt(k + 1))) {
        return true;
      }
    }
    return false;
  }

  private static char firstLetterOrDigit(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (Character.isLetterOrDigit(s.charAt(k))) {
        return s.charAt(k);
      }
    }
    return ' ';
  }

  // ---- speakers ----

  /** The canonical speaker named by tokens {@code [first, last]}, or null when unsure. */
  private String resolve(int first, int last, int quoteIndex) {
    if (t.kind[first] == Tokens.OPEN) {
      int q = t.quote[first];
      return q >= 0 && q < quoteIndex ? speakers[q] : null;
    }
    if (first == last && t.isWord(first)) {
      String w = t.lower(first);
      if (w.equals("she") || w.equals("he")) {
        return pronoun(first, w.equals("she") ? Names.FEMALE : Names.MALE, quoteIndex, 0);
      }
      if (w.equals("it")) {
        return itAntecedent(first, quoteIndex);
      }
      if (Lexicon.PRONOUNS.contains(w)) {
        return null; // "they", "we", "I": a group or the writer, not one named speaker
      }
    }
    Names.Run run = null;
    boolean roleFor = false;
    for (int k = first; k <= last; k++) {
      Names.Run r = names.runAt(k);
      if (r != null) {
        run = r;
        k = r.last();
      } else if (t.lowerCase(k) && ROLE_LINKS.contains(t.lower(k))) {
        roleFor = true;
      }
    }
    if (run != null) {
      String name = names.canonicalOf(run);
      Names.Entity e = names.entity(name);
      String lastOfRun = t.lower(run.last());
      Names.Entity entity = names.entity(name);
      if (Lexicon.isRole(lastOfRun) || Lexicon.DEMONYMS.contains(lastOfRun)
          || (entity != null && !entity.person && !entity.org && !entity.company && isOnlyRoles(name))) {
        return null; // "the Salford MP": a role, not a name
      }
      if (run.last() < last && t.lowerCase(last) && !roleFor) {
        // The name modifies a noun: "the Mic video" and "a Microsoft spokesman" speak for the
        // name; "the Old Trafford boss" and "the European champion" are somebody unnamed.
        String head = t.lower(last);
        boolean speaksFor = Lexicon.WORK_NOUNS.contains(head) || Lexicon.SPOKES.contains(head)
            || Lexicon.COMPANY_NOUNS.contains(head);
        return speaksFor && (e == null || !e.person) ? name : null;
      }
      Names.Run firstRun = null;
      for (int k = first; k <= last && firstRun == null; k++) {
        firstRun = names.runAt(k);
        if (firstRun == null && t.lowerCase(k) && ROLE_LINKS.contains(t.lower(k))) {
          break; // a link before any name: "a spokesman for X"
        }
      }
      if (roleFor && firstRun != null && firstRun != run) {
        // "Mark Rogers of Prudential Bache Securities": the person named first is the head
        Names.Entity head = names.entity(names.canonicalOf(firstRun));
        if (head != null && head.person) {
          return head.name;
        }
      }
      if (roleFor) {
        // "a spokesman for Apple" is Apple; "a lawyer for Smith", "an associate of Smith" and
        // "sources close to X" are not Smith or X.
        boolean spokes = false;
        for (int k = first; k <= last && names.runAt(k) == null; k++) {
          spokes |= Lexicon.SPOKES.contains(t.lower(k));
        }
        return spokes && (e == null || !e.person) ? name : null;
      }
      return name;
    }
    for (int k = first; k <= last; k++) {
      String w = t.lower(k);
      if (Lexicon.COMPANY_NOUNS.contains(w) && k > first && isDefinite(k - 1)) {
        return names.mainCompany();
      }
    }
    for (int k = first; k <= last; k++) {
      String w = t.lower(k);
      if (Lexicon.WORK_NOUNS.contains(w) && k > first && isDefinite(k - 1)) {
        return names.ownerOfWork(w, first);
      }
    }
    return null;
  }

  private boolean isDefinite(int k) {
    String w = t.lower(k);
    return w.equals("the") || w.equals("its") || w.equals("this");
  }

  /**
   * The person a {@code he}/{@code she} at {@code p} refers to: the speaker of a recent quote or
   * the subject of a recent sentence, nearest first, of a compatible gender. Objects ({@code told
   * Jake}) are never candidates, since only subjects and speakers are looked at.
   */
  private String pronoun(int p, byte gender, int quoteIndex, int depth) {
    int s = t.sentence[p];
    for (int si = s; si >= 0 && si > s - MAX_PRONOUN_SENTENCES; si--) {
      int ss = t.sentenceStart[si];
      if (t.paragraph[p] - t.paragraph[ss] > 2) {
        break;
      }
      int limit = si == s ? p : t.sentenceStart[si + 1];
      for (int k = ss; k < limit; k++) {
        int q = t.quote[k];
        if (t.kind[k] == Tokens.OPEN && q >= 0 && q < quoteIndex && kinds[q] != QuoteKind.NOT_A_QUOTE) {
          if (speakers[q] == null) {
            return null; // the last quote's speaker is unknown; "he" may well be that speaker
          }
          Names.Entity e = names.entity(speakers[q]);
          if (e == null || (!e.org && !e.company && compatible(e, gender))) {
            return speakers[q];
          }
        }
      }
      if (si < s) {
        // "…, Deputy Prime Minister Kim Mahn-je said.": the sentence reports that person
        int[] fin = cues.finalAttribution(si);
        if (fin != null) {
          Names.Run run = names.runAt(fin[1]);
          Names.Entity e = run == null ? null : names.entity(names.canonicalOf(run));
          if (e != null && e.person && compatible(e, gender)) {
            return e.name;
          }
          if (run == null && describesPerson(fin[0], fin[1])) {
            return null; // "…, a ministry official said."
          }
        }
      }
      int[] np = cues.subjectOf(ss, limit);
      if (np != null && np[0] != p && t.kind[np[0]] == Tokens.WORD && names.runAt(np[0]) == null
          && describesPerson(np[0], np[1])) {
        return null; // "the French international defender …, he said": someone we cannot name
      }
      if (np == null || np[0] == p || t.kind[np[0]] != Tokens.WORD) {
        // No person as subject ("The report was welcomed by … David Willetts."): a sentence
        // naming exactly one fitting person gives that person; two or more, we cannot tell.
        if (np == null || t.kind[np[0]] != Tokens.OPEN) {
          String only = onlyPerson(ss, limit, gender);
          if (only != null) {
            return only.isEmpty() ? null : only;
          }
        }
        continue;
      }
      String w = t.lower(np[0]);
      if (np[0] == np[1] && (w.equals("she") || w.equals("he"))) {
        if (w.equals(gender == Names.FEMALE ? "she" : "he") && depth < 2) {
          String r = pronoun(np[0], gender, quoteIndex, depth + 1);
          if (r != null) {
            return r;
          }
        }
        continue;
      }
      Names.Run run = names.runAt(np[1]);
      if (run != null) {
        String name = names.canonicalOf(run);
        Names.Entity e = names.entity(name);
        if (e != null && e.person && compatible(e, gender)) {
          return name;
        }
        if (e != null && e.person) {
          continue; // a person of the other gender: look further back
        }
        if (e != null && !e.org && !e.company && name.indexOf(' ') < 0) {
          return null; // "Parry, speaking to …": a bare name we cannot type; unsure, stop
        }
      }
      String only = onlyPerson(ss, limit, gender);
      if (only != null) {
        return only.isEmpty() ? null : only;
      }
    }
    return null;
  }

  /**
   * The one person of a fitting gender named in tokens {@code [from, to)} outside quotes and not
   * as a hearer; "" when several are named (ambiguous), null when none is.
   */
  private String onlyPerson(int from, int to, byte gender) {
    String found = null;
    for (int k = from; k < to; k++) {
      if (t.quote[k] < 0 && t.isWord(k) && isUnnamedRole(k)) {
        return ""; // "according to an ntl spokesman": someone the text does not name
      }
      Names.Run run = names.runAt(k);
      if (run == null || t.quote[k] >= 0) {
        continue;
      }
      k = run.last();
      boolean hearer = run.first() > 0 && t.isWord(run.first() - 1)
          && Lexicon.HEARER_VERBS.contains(t.lower(run.first() - 1));
      String name = names.canonicalOf(run);
      Names.Entity e = names.entity(name);
      if (hearer || e == null || !e.person || (e.gender != Names.UNKNOWN && e.gender != gender)) {
        continue;
      }
      if ((found != null && !found.equals(name)) || e.gender == Names.UNKNOWN) {
        return ""; // two people, or one we cannot tell is a "she" ("Wooden Spoon", "Staunton")
      }
      found = name;
    }
    return found;
  }

  private static boolean isOnlyRoles(String name) {
    for (String w : name.toLowerCase(java.util.Locale.ROOT).split(" ")) {
      if (!Lexicon.isRole(w) && !Lexicon.DEMONYMS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** "a spokesman", "an ntl spokesman" with no name after it. */
  private boolean isUnnamedRole(int k) {
    String w = t.lower(k);
    if (!Lexicon.SPOKES.contains(w) && !w.equals("spokesman") && !w.equals("spokeswoman")) {
      return false;
    }
    boolean article = false;
    for (int d = k - 1; d >= 0 && d >= k - 3 && t.isWord(d); d--) {
      String dw = t.lower(d);
      if (dw.equals("a") || dw.equals("an") || dw.equals("one")) {
        article = true;
        break;
      }
    }
    return article && names.runAt(k + 1) == null;
  }

  /** A noun phrase about a person without a name: "the French international defender". */
  private boolean describesPerson(int first, int last) {
    for (int k = first; k <= last; k++) {
      String w = t.lower(k);
      if (Lexicon.TITLES.contains(w) || (Lexicon.ROLE_NOUNS.contains(w) && !Lexicon.COMPANY_NOUNS.contains(w))) {
        return true;
      }
    }
    return false;
  }

  private static boolean compatible(Names.Entity e, byte gender) {
    return e.gender == Names.UNKNOWN || e.gender == gender;
  }

  /** {@code it said}: a recent organisation speaker or subject, or null. */
  private String itAntecedent(int p, int quoteIndex) {
    int s = t.sentence[p];
    for (int si = s; si >= 0 && si > s - 4; si--) {
      int ss = t.sentenceStart[si];
      int limit = si == s ? p : t.sentenceStart[si + 1];
      for (int k = ss; k < limit; k++) {
        int q = t.quote[k];
        if (t.kind[k] == Tokens.OPEN && q >= 0 && q < quoteIndex && speakers[q] != null) {
          Names.Entity e = names.entity(speakers[q]);
          if (e != null && (e.org || e.company)) {
            return speakers[q];
          }
        }
      }
      int[] np = cues.subjectOf(ss, limit);
      if (np == null || np[0] == p || t.kind[np[0]] != Tokens.WORD) {
        continue;
      }
      Names.Run run = names.runAt(np[1]);
      if (run != null) {
        Names.Entity e = names.entity(names.canonicalOf(run));
        if (e != null && (e.org || e.company)) {
          return e.name;
        }
        return null; // the nearest subject is not an organisation: unsure
      }
      for (int k = np[0]; k <= np[1]; k++) {
        if (Lexicon.COMPANY_NOUNS.contains(t.lower(k))) {
          return names.mainCompany();
        }
      }
    }
    return null;
  }
}
