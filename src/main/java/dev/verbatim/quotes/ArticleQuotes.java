package dev.verbatim.quotes;

import dev.verbatim.corpus.Article;
import dev.verbatim.quotes.match.QuoteMatch;
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

  /** How far after a closing mark a cue of the quote's own may stand. */
  private static final int MAX_CUE_TOKENS = 12;

  private static final Set<String> SMALL_WORDS =
      Lexicon.words(
          "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "at", "by", "with", "from",
          "is", "be", "as", "vs", "vs.", "&");

  private static final int SMALL_WORD_MAX_LENGTH =
      SMALL_WORDS.stream().mapToInt(String::length).max().orElseThrow();

  /** "… Regan said when asked about …": a verb after these attributes nothing new. */
  private static final Set<String> PASSIVE_MARKERS =
      Lexicon.words("when", "if", "as", "being", "was", "were", "is", "are", "been", "be", "not");

  private static final Set<String> KNOWN_AS = Lexicon.words("known", "billed", "described");

  private final String text;
  private final List<SpanFinder.Span> spans;
  private final Tokens t;
  private final Names names;
  private final CueFinder cues;
  private final Resolver resolver;
  private final int[] openTok;
  private final int[] closeTok;
  private final Quote.Kind[] kinds;
  private final Attribution[] found;

  /**
   * How one quote got its speaker.
   *
   * @param speaker who said it, or null when the cue's words name nobody we can resolve
   * @param sieve the stage-one rule: where the words pointing at the speaker were found
   * @param cue the cue next to the quote, or null when the quote goes on from an earlier one
   * @param previous the earlier quote it goes on from, or -1
   */
  private record Attribution(Resolver.Referent speaker, Sieve sieve, Cue cue, int previous) {}

  /** The stage-one sieves, most precise first. */
  enum Sieve {
    /** {@code “…,” she said} / {@code “…,” said X}: the cue right after the closing mark. */
    CUE_AFTER("cue-after"),
    /** {@code X said: “…”}, {@code according to X, “…”}: the cue before the opening mark. */
    CUE_BEFORE("cue-before"),
    /** {@code … a “wait and see attitude” by buyers, he said.}: the cue closing the sentence. */
    CUE_SENTENCE("cue-sentence"),
    /**
     * A quote opening a sentence with no cue, right after a sentence that reports someone's words
     * ({@code Mr Herren says there are pros and cons. “It's very simple …”}): that someone.
     */
    REPORTED_BEFORE("reported-before"),
    /** A quote with no cue goes on from the previous speaker when no one else spoke between. */
    CONTINUES("continues"),
    /**
     * A quote with no cue after one sentence about the previous speaker and nobody else ({@code “…”
     * And she won't commit to an opinion yet. “I'm just in the middle of it.”}): that speaker.
     */
    ABOUT_BEFORE("about-before"),
    /** The same words quoted elsewhere in the article with a speaker. */
    REPEATED("repeated");

    final String label;

    Sieve(String label) {
      this.label = label;
    }
  }

  private ArticleQuotes(Article article) {
    text = article.text();
    int lastMark =
        Math.max(text.lastIndexOf('"'), Math.max(text.lastIndexOf('“'), text.lastIndexOf('”')));
    // One paragraph past the last mark: a quote left open there may go on in the next one.
    int[] paragraphs = SpanFinder.paragraphs(text, nextParagraphEnd(text, lastMark));
    spans = SpanFinder.find(text, paragraphs);
    // Cues, names and antecedents all come before a quote or within its paragraph.
    int limit =
        spans.isEmpty() ? 0 : paragraphs[2 * spans.get(spans.size() - 1).lastParagraph() + 1];
    t = Tokens.of(text, spans, paragraphs, limit);
    String title = article.title();
    // A title in capitals (wire copy) names nothing we can read; skip it.
    boolean readable = !title.equals(title.toUpperCase(java.util.Locale.ROOT));
    Tokens titleTokens =
        Tokens.of(readable ? title : "", List.of(), SpanFinder.paragraphs(readable ? title : ""));
    names = Names.of(t, titleTokens);
    cues = new CueFinder(t, names);
    int n = spans.size();
    openTok = new int[n];
    closeTok = new int[n];
    kinds = new Quote.Kind[n];
    found = new Attribution[n];
    resolver =
        new Resolver(
            t,
            names,
            cues,
            new Resolver.EarlierQuotes() {
              @Override
              public boolean isQuotation(int q) {
                return kinds[q] != Quote.Kind.NOT_A_QUOTE;
              }

              @Override
              public boolean isSpeech(int q) {
                return kinds[q] == Quote.Kind.FULL || found[q] != null;
              }

              @Override
              public Resolver.Referent speaker(int q) {
                return found[q] == null ? null : found[q].speaker();
              }
            });
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
      boolean quoted = kinds[i] != Quote.Kind.NOT_A_QUOTE;
      Attribution a = quoted ? found[i] : null;
      out.add(
          new Quote(
              s.open(),
              s.end() - s.open(),
              text.substring(s.innerStart(), s.innerEnd()),
              kinds[i],
              a == null || a.speaker() == null ? null : a.speaker().name(),
              a == null ? null : evidence(a)));
    }
    return out;
  }

  private Quote.Evidence evidence(Attribution a) {
    Cue c = a.cue();
    Quote.Mention cue = null;
    Quote.Mention mention = null;
    if (c != null && a.previous() < 0) {
      cue = new Quote.Mention(c.cueText(), t.start[c.verb()]);
      if (t.kind[c.speaker().first()] == Tokens.WORD) {
        int from = t.start[c.speaker().first()];
        mention =
            new Quote.Mention(
                Names.stripPossessiveEnd(text.substring(from, t.end[c.speaker().last()])), from);
      }
    }
    if (a.speaker() == null) {
      return new Quote.Evidence(a.sieve().label + "/unresolved", cue, mention, null);
    }
    Quote.Mention antecedent = null;
    int at =
        a.speaker().how() == Resolver.How.NAME && a.previous() < 0 ? -1 : a.speaker().namedAt();
    if (at >= 0 && at < t.size) {
      Names.Run run = names.runAt(at);
      int end = run != null && run.first() == at ? run.last() : at;
      antecedent =
          new Quote.Mention(
              Names.stripPossessiveEnd(text.substring(t.start[at], t.end[end])), t.start[at]);
    } else if (a.previous() >= 0) {
      antecedent = new Quote.Mention(a.speaker().name(), spans.get(a.previous()).open());
    }
    return new Quote.Evidence(
        a.sieve().label + "/" + a.speaker().how().label, cue, mention, antecedent);
  }

  private void attribute(int i) {
    SpanFinder.Span s = spans.get(i);
    String inner = text.substring(s.innerStart(), s.innerEnd()).strip();
    char last = inner.isEmpty() ? ' ' : inner.charAt(inner.length() - 1);
    boolean endsSentence = last == '.' || last == '!' || last == '?';
    Sieve sieve = Sieve.CUE_AFTER;
    Cue cue = closeTok[i] < 0 ? null : cues.after(closeTok[i], endsSentence);
    if (cue != null && cue.verb() <= closeTok[i] + 2 && t.lower(cue.verb()).endsWith("ing")) {
      // "said the rise was “…,” adding, “…”": the participle is the next quote's; "said" is this
      // one's
      Cue before = cues.before(openTok[i]);
      cue = before != null ? before : cue;
      sieve = before != null ? Sieve.CUE_BEFORE : sieve;
    }
    boolean after = sieve == Sieve.CUE_AFTER && cue != null;
    if (cue == null) {
      sieve = Sieve.CUE_BEFORE;
      cue = cues.before(openTok[i]);
    }
    if (cue == null && closeTok[i] >= 0) {
      sieve = Sieve.CUE_SENTENCE;
      cue = cues.sentenceFinal(closeTok[i]); // "… a "wait and see attitude" by buyers, he said."
    }
    kinds[i] = kindOf(i, inner, cue, after);
    if (kinds[i] == Quote.Kind.NOT_A_QUOTE) {
      return;
    }
    if (cue != null) {
      found[i] = new Attribution(resolver.resolve(cue.speaker(), i), sieve, cue, -1);
      return;
    }
    if (kinds[i] != Quote.Kind.FULL) {
      return; // only whole quotations go on without a cue; a fragment with none is somebody's
      // phrase
    }
    Cue reported = reportedJustBefore(i);
    if (reported != null) {
      Resolver.Referent r = resolver.resolve(reported.speaker(), i);
      if (r != null) {
        found[i] = new Attribution(r, Sieve.REPORTED_BEFORE, reported, -1);
      }
      return; // someone spoke in the sentence before: never inherit past them
    }
    int prev = previousQuote(i);
    if (prev < 0 || speaker(prev) == null || unreadCueAfter(i)) {
      return;
    }
    Attribution p = found[prev];
    if (inheritable(prev, i)) {
      found[i] = new Attribution(p.speaker(), Sieve.CONTINUES, p.cue(), prev);
    } else if (aboutSpeakerBetween(prev, i)) {
      found[i] = new Attribution(p.speaker(), Sieve.ABOUT_BEFORE, p.cue(), prev);
    }
  }

  /**
   * True when exactly one sentence, in quote {@code i}'s paragraph, stands between quote {@code
   * prev} and quote {@code i}, which opens the next sentence, and that sentence is about the
   * previous speaker: it names them or refers to them by {@code he}/{@code she}, and names no other
   * person nor refers to anyone else.
   */
  private boolean aboutSpeakerBetween(int prev, int i) {
    int open = openTok[i];
    Resolver.Referent who = found[prev].speaker();
    if (!who.person() || closeTok[prev] < 0 || open == 0 || t.sentenceStartOf(open) != open) {
      return false;
    }
    int between = t.sentence[open] - 1;
    int from = t.sentenceStart[between];
    if (t.sentence[closeTok[prev]] != between - 1
        || t.paragraph[from] != t.paragraph[open]
        || t.paragraph[open] - t.paragraph[closeTok[prev]] > 1) {
      return false;
    }
    int refs = 0;
    for (int k = from; k < open; k++) {
      if (t.quote[k] >= 0) {
        return false;
      }
      Names.Run run = names.runAt(k);
      Resolver.Referent r = null;
      if (run != null) {
        r = resolver.entityReferent(run, Resolver.How.NAME);
        k = run.last();
        if (r == null || !r.person()) {
          continue; // a place or an organisation is no other speaker
        }
      } else if (t.isWord(k) && (t.lower(k).equals("he") || t.lower(k).equals("she"))) {
        r = resolver.refer(new Phrase(k, k), i);
        if (r == null) {
          return false; // someone we cannot place
        }
      } else {
        continue;
      }
      if (!r.name().equals(who.name())) {
        return false;
      }
      refs++;
    }
    return refs > 0;
  }

  /**
   * True when the sentence goes on after quote {@code i} with a reporting verb whose subject we
   * could not read ({@code “…,” consultancy 4Cast said}): someone is named as its speaker, so it
   * goes on from nobody.
   */
  private boolean unreadCueAfter(int i) {
    if (closeTok[i] < 0) {
      return false;
    }
    int end = Math.min(t.sentenceEndOf(closeTok[i]), closeTok[i] + 1 + MAX_CUE_TOKENS);
    for (int k = closeTok[i] + 1; k < end; k++) {
      if (t.quote[k] < 0 && CueFinder.isReportingVerb(t, k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The speech event of the sentence right before quote {@code i} when the quote opens its
   * sentence: the last reporting verb outside quotes there ({@code X says …}, {@code X told the BBC
   * how …}, {@code X put a brave face on it, saying …}) and its subject; null when that sentence
   * reports nobody, or when it is the previous quote's own sentence.
   */
  private Cue reportedJustBefore(int i) {
    int open = openTok[i];
    if (open == 0 || t.sentenceStartOf(open) != open) {
      return null;
    }
    int prevSentence = t.sentence[open] - 1;
    int from = t.sentenceStart[prevSentence];
    if (t.paragraph[open] - t.paragraph[from] > 1) {
      return null;
    }
    for (int k = from; k < open; k++) {
      if (t.kind[k] == Tokens.OPEN || t.kind[k] == Tokens.CLOSE) {
        return null; // a quote there: the continuation sieve decides
      }
    }
    return cues.speechEvent(from, open);
  }

  /**
   * A dek or pull quote repeats words quoted in the body ("I saw your video," West tells … / "I saw
   * your video and when …," Kardashian told …). When one of the two has a speaker the article names
   * in full and the other has none or only a bare surname we cannot place, the full name wins: the
   * same words have the same speaker.
   */
  private void adoptSpeakersOfRepeatedQuotes() {
    int n = spans.size();
    boolean anyUnsure = false;
    for (int i = 0; i < n && !anyUnsure; i++) {
      anyUnsure =
          kinds[i] != Quote.Kind.NOT_A_QUOTE && (speaker(i) == null || speaker(i).indexOf(' ') < 0);
    }
    if (!anyUnsure || n < 2) {
      return;
    }
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      if (kinds[i] != Quote.Kind.NOT_A_QUOTE) {
        SpanFinder.Span s = spans.get(i);
        keys[i] = QuoteMatch.fingerprint(text.substring(s.innerStart(), s.innerEnd()));
      }
    }
    for (int i = 0; i < n; i++) {
      if (keys[i] == null || (speaker(i) != null && speaker(i).indexOf(' ') > 0)) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        if (j == i || keys[j] == null || speaker(j) == null || !isFullName(speaker(j))) {
          continue;
        }
        String shorter = keys[i].length() <= keys[j].length() ? keys[i] : keys[j];
        String longer = shorter == keys[i] ? keys[j] : keys[i];
        if (longer.startsWith(shorter) && shorter.indexOf(' ', shorter.indexOf(' ') + 1) > 0) {
          found[i] = new Attribution(found[j].speaker(), Sieve.REPEATED, found[j].cue(), j);
          break;
        }
      }
    }
  }

  private String speaker(int i) {
    return found[i] == null || found[i].speaker() == null ? null : found[i].speaker().name();
  }

  /** A name of two or more words that the article treats as a person (not a bare surname). */
  private boolean isFullName(String name) {
    Names.Entity e = names.entity(name);
    return name.indexOf(' ') > 0 && e != null && e.person;
  }

  private int previousQuote(int i) {
    for (int p = i - 1; p >= 0; p--) {
      if (kinds[p] != Quote.Kind.NOT_A_QUOTE) {
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
    Cue prevCue = found[prev].cue();
    int ownVerb = prevCue == null ? -1 : prevCue.verb();
    for (int k = from; k < to; k++) {
      // A participle ("… said X in a statement explaining …") goes on with the same speaker.
      if (k != ownVerb
          && t.quote[k] < 0
          && CueFinder.isReportingVerb(t, k)
          && !t.lower(k).endsWith("ing")
          && !(t.isWord(k - 1) && PASSIVE_MARKERS.contains(t.lower(k - 1)))) {
        // Another attribution in between; fine only when it names the same speaker again
        // ("Sims added that …").
        Phrase np = cues.backwardPhrase(k, t.sentenceStartOf(k));
        Resolver.Referent again = np == null ? null : resolver.resolve(np, i);
        if (again == null || !again.name().equals(speaker(prev))) {
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

  private Quote.Kind kindOf(int i, String inner, Cue cue, boolean cueAfter) {
    SpanFinder.Span s = spans.get(i);
    if (s.pieces() || s.continuesNext()) {
      return Quote.Kind.FULL;
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
          if (Character.isUpperCase(t.text.charAt(t.start[k]))
              || Character.isDigit(t.text.charAt(t.start[k]))) {
            capitalContent++;
          }
        }
      }
    }
    if (!letters) {
      return Quote.Kind.NOT_A_QUOTE; // scores, numbers, symbols
    }
    if (words == 1 && isCode(inner)) {
      return Quote.Kind.NOT_A_QUOTE; // share classes and grades: "A" shares, "AAA"
    }
    boolean punct = hasSentencePunctuation(inner);
    int prev = openTok[i] - 1;
    int next = closeTok[i] + 1;
    boolean prevSame = prev >= 0 && t.paragraph[prev] == t.paragraph[openTok[i]];
    String prevWord = prevSame && t.isWord(prev) ? t.lower(prev) : "";
    char first = firstLetterOrDigit(inner);
    boolean upper =
        Character.isUpperCase(first) || Character.isDigit(first) || inner.startsWith("[");

    // Nicknames: Earvin "Magic" Johnson.
    if (words <= 3
        && !punct
        && prevSame
        && t.capitalised(prev)
        && t.capitalised(next)
        && t.paragraph[next] == t.paragraph[openTok[i]]) {
      return Quote.Kind.NOT_A_QUOTE;
    }
    // Names of works, campaigns, words as words: called "…", the film "…", known as "…".
    boolean named =
        (Lexicon.NAMING_WORDS.contains(prevWord) && !passiveWithAgent(prev, closeTok[i]))
            || (Lexicon.WORK_TITLE_NOUNS.contains(prevWord) && upper)
            || (prevWord.equals("as")
                && prev > 0
                && t.isWord(prev - 1)
                && KNOWN_AS.contains(t.lower(prev - 1))
                && words <= 4);
    if (named
        && words <= 10
        && !hasInnerSentenceBreak(inner)
        && !(cueAfter && inner.endsWith(","))) {
      return Quote.Kind.NOT_A_QUOTE;
    }
    // Titles and publication names: short, no sentence punctuation, Capitalised Like A Title.
    boolean shortSentence =
        words <= 2 && (last(inner) == '.' || last(inner) == '!' || last(inner) == '?');
    boolean titleLike =
        upper
            && words <= 8
            && !shortSentence
            && !hasSentencePunctuation(stripTrailing(inner))
            && (cue == null || !cueAfter || !punct)
            && content > 0
            && capitalContent * 10 >= content * 7
            && (content >= 2 || words == 1);
    boolean introduced =
        cue != null
            && !cueAfter
            && prevSame
            && (t.isPunct(prev, ',') || t.isPunct(prev, ':'))
            && cue.verb() >= prev - 2;
    if (titleLike
        && !introduced
        && (cue == null || !cueAfter || prevWord.equals("the") || prevWord.equals("a"))) {
      return Quote.Kind.NOT_A_QUOTE;
    }
    // Scare quotes: a word or two mid-sentence in a sentence that reports nobody's words.
    if (words <= 3
        && !hasSentencePunctuation(stripTrailing(inner))
        && cue == null
        && !sentenceReportsSpeech(openTok[i])) {
      return Quote.Kind.NOT_A_QUOTE;
    }
    if (upper && words <= 3 && !punct && cue == null) {
      return Quote.Kind.PARTIAL; // "the absence of traditional “French flair”": a phrase, not a say
    }
    if (!upper) {
      boolean afterCueComma =
          prevSame
              && (t.isPunct(prev, ',') || t.isPunct(prev, ':'))
              && cue != null
              && !cueAfter
              && cue.verb() < prev
              && cue.verb() >= prev - 4;
      return afterCueComma ? Quote.Kind.FULL : Quote.Kind.PARTIAL;
    }
    return Quote.Kind.FULL;
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
      if (t.quote[k] < 0
          && (CueFinder.isReportingVerb(t, k)
              || (t.lowerCase(k) && Lexicon.SPEECH_ACTS.contains(t.lower(k))))
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
        boolean inWord =
            c == '.' && k + 1 < inner.length() && Character.isLetterOrDigit(inner.charAt(k + 1));
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
}
