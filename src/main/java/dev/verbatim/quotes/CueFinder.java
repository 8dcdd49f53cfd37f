package dev.verbatim.quotes;

import java.util.Set;

/**
 * Finds the cue of a quote and the phrase naming its speaker, from the tokens around the marks:
 * after the closing mark ({@code ,” she said}, {@code ,” said the White House}) or before the
 * opening one in the same sentence ({@code Axios reported that … “and have …”}).
 */
final class CueFinder {
  /** Most appositives and role phrases fit; longer runs are clauses, not a speaker. */
  private static final int MAX_SUBJECT_TOKENS = 12;

  private static final int MAX_BEFORE_TOKENS = 45;

  /** "Plaid Cymru health spokesman": the words of an appositive left without its closing comma. */
  private static final int MAX_OPEN_APPOSITIVE_TOKENS = 7;

  /** "described some of 50 Cent's rivals as": the words a speech act takes before its quote. */
  private static final int MAX_SPEECH_ACT_TOKENS = 20;

  /** "At a conference on developing enterprise hosted by … on Friday," fits; longer is a clause. */
  private static final int MAX_ADVERBIAL_TOKENS = 30;

  private static final Set<String> DETERMINERS =
      Lexicon.words(
          "the", "a", "an", "his", "her", "its", "their", "our", "one", "two", "three", "some",
          "several", "many", "other", "another", "both", "this", "that", "these", "those");

  private static final Set<String> STOP_FORWARD =
      Lexicon.words(
          "in",
          "on",
          "at",
          "during",
          "after",
          "before",
          "when",
          "who",
          "which",
          "that",
          "while",
          "told",
          "to",
          "as",
          "because",
          "adding",
          "noting",
          "and",
          "but",
          "last",
          "this",
          "yesterday",
          "today",
          "recently",
          "earlier",
          "later",
          "via",
          "through",
          "with",
          "without",
          "since",
          "if",
          "although",
          "than",
          "into",
          "about",
          "referring");

  private static final Set<String> RELATIVES = Lexicon.words("who", "which", "that", "whom");

  private static final Set<String> COMMENT_NOUNS =
      Lexicon.words(
          "comment",
          "caption",
          "message",
          "words",
          "note",
          "tweet",
          "post",
          "line",
          "remark",
          "statement",
          "headline",
          "title",
          "reply",
          "response",
          "plea",
          "warning");

  private static final Set<String> PASSIVE =
      Lexicon.words("was", "were", "is", "are", "been", "being", "be");

  private static final Set<String> COPULAS = Lexicon.words("is", "was");

  private static final Set<String> SUBJECT_DETERMINERS =
      Lexicon.words("the", "a", "an", "one", "another");

  private static final Set<String> PP_LINKS =
      Lexicon.words("of", "for", "at", "from", "with", "to", "in");

  private static final Set<String> CUTS =
      Lexicon.words("and", "but", "that", "as", "while", "when", "because", "so", "then");

  private static final Set<String> NOT_ROLE =
      Lexicon.words("for", "of", "by", "from", "with", "is", "was");

  private static final Set<String> PREPOSITIONS =
      Lexicon.words(
          "of", "for", "to", "with", "by", "about", "between", "from", "on", "at", "against", "in");

  private final Tokens t;
  private final Names names;

  CueFinder(Tokens tokens, Names names) {
    this.t = tokens;
    this.names = names;
  }

  static boolean isReportingVerb(Tokens t, int i) {
    if (!t.lowerCase(i)) {
      return false;
    }
    String w = t.lower(i);
    if (!Lexicon.REPORTING_VERBS.contains(w)) {
      return false;
    }
    if (Lexicon.WEAK_VERBS.contains(w)) {
      // "went on", "continued": speech only when followed by a comma or "on to say".
      return t.isWord(i + 1) && t.lower(i + 1).equals("on") || t.isPunct(i + 1, ',');
    }
    return true;
  }

  /** The cue right after a closing mark, or null. */
  Cue after(int closeTok, boolean innerEndsSentence) {
    Cue cue = afterKnownVerb(closeTok, innerEndsSentence);
    if (cue == null && t.text.charAt(t.start[closeTok] - 1) == ',') {
      cue = afterUnknownVerb(closeTok + 1);
    }
    return cue;
  }

  /**
   * {@code ,” underlined Mr Saldarriaga.} or {@code ,” Smith enthused.}: a quote ending in a comma
   * is followed by its attribution, so a past-tense word next to a name is its cue even when the
   * verb is not in our list.
   */
  private Cue afterUnknownVerb(int k0) {
    if (k0 >= t.size || t.paragraph[k0] != t.paragraph[k0 - 1]) {
      return null;
    }
    if (t.lowerCase(k0) && looksLikePastVerb(t.lower(k0))) {
      // a title is no part of the run it leads: "assured Mr Wallace"
      Names.Run run =
          names.runAt(k0 + 1) == null && t.capitalised(k0 + 1)
              ? names.runAt(k0 + 2)
              : names.runAt(k0 + 1);
      if (run != null
          && run.first() >= k0 + 1
          && run.first() <= k0 + 2
          && endsClause(run.last() + 1)) {
        return new Cue(k0, t.word(k0), new Phrase(k0 + 1, run.last()));
      }
      return null;
    }
    int last;
    if (t.isWord(k0) && (t.lower(k0).equals("he") || t.lower(k0).equals("she"))) {
      last = k0;
    } else {
      Names.Run run = names.runAt(k0);
      if (run == null || run.first() < k0) {
        return null;
      }
      last = run.last();
    }
    int v = last + 1;
    if (t.lowerCase(v) && looksLikePastVerb(t.lower(v)) && endsClause(v + 1)) {
      return new Cue(v, t.word(v), new Phrase(k0, last));
    }
    return null;
  }

  private boolean endsClause(int k) {
    return k >= t.size
        || t.paragraph[k] != t.paragraph[k - 1]
        || t.isPunct(k, '.')
        || t.isPunct(k, ',');
  }

  private static boolean looksLikePastVerb(String w) {
    return w.length() > 4 && w.endsWith("ed") && !Lexicon.BETWEEN_SUBJECT_AND_VERB.contains(w);
  }

  private Cue afterKnownVerb(int closeTok, boolean innerEndsSentence) {
    int k0 = closeTok + 1;
    if (k0 >= t.size || t.paragraph[k0] != t.paragraph[closeTok] || t.kind[k0] == Tokens.OPEN) {
      return null;
    }
    if (innerEndsSentence && t.capitalised(k0)) {
      return null; // "… wrong.” Kardashian has …" starts a new sentence
    }
    if (t.isPunct(k0, ',') || t.isPunct(k0, '—') || t.isPunct(k0, '–') || t.isPunct(k0, '-')) {
      k0++;
    }
    int limit = Math.min(t.size, k0 + MAX_SUBJECT_TOKENS + 1);
    for (int k = k0; k < limit; k++) {
      if (t.paragraph[k] != t.paragraph[closeTok] || t.kind[k] == Tokens.OPEN || t.quote[k] >= 0) {
        return null;
      }
      if (t.kind[k] == Tokens.PUNCT && ".;:!?()".indexOf(t.text.charAt(t.start[k])) >= 0) {
        return null;
      }
      if (t.isWord(k)
          && t.lower(k).equals("according")
          && t.isWord(k + 1)
          && t.lower(k + 1).equals("to")) {
        if (k != k0) {
          return null;
        }
        Phrase np = forwardPhrase(k + 2);
        return np == null ? null : new Cue(k, "according to", np);
      }
      if (isReportingVerb(t, k)) {
        if (k == k0) {
          if (Lexicon.HEARER_VERBS.contains(t.lower(k))) {
            return null;
          }
          if (t.lower(k).endsWith("ing")) {
            // "… to “madness”, saying two were …": the participle's subject is the sentence's
            int s0 = t.sentenceStartOf(closeTok);
            Phrase np = s0 < closeTok ? subjectOf(s0, closeTok) : null;
            return np == null || t.kind[np.first()] != Tokens.WORD
                ? null
                : new Cue(k, t.word(k), np);
          }
          Phrase np = forwardPhrase(k + 1);
          return np == null ? null : new Cue(k, t.word(k), np);
        }
        Phrase np = backwardPhrase(k, k0);
        if (np == null
            || !onlyRoleWords(k0, np.first())
            || (np.first() > k0 && t.lower(k0).equals("and"))) {
          return null; // a clause between the mark and the subject: not a plain cue
        }
        if (nounLike(k, np)) {
          return null; // "… and a smaller state grant": a noun, not a verb
        }
        return new Cue(k, t.word(k), np);
      }
    }
    return null;
  }

  /**
   * A verb that is also a noun ("state", "report") counts only after a name or a pronoun, or a
   * phrase that can speak ("the company states"): "a smaller state grant" is not a cue.
   */
  private boolean followedLikeANoun(int verb) {
    return Lexicon.NOUN_LIKE_VERBS.contains(t.lower(verb))
        && t.lowerCase(verb + 1)
        && Lexicon.AFTER_A_NOUN.contains(t.lower(verb + 1));
  }

  private boolean nounLike(int verb, Phrase np) {
    if (!Lexicon.NOUN_LIKE_VERBS.contains(t.lower(verb))) {
      return false;
    }
    if (t.lowerCase(verb + 1) && Lexicon.AFTER_A_NOUN.contains(t.lower(verb + 1))) {
      return true; // "the PPI report was": the report is what was
    }
    String head = t.lower(np.last());
    return names.runAt(np.last()) == null
        && !Lexicon.PRONOUNS.contains(head)
        && !Lexicon.COMPANY_NOUNS.contains(head)
        && !Lexicon.WORK_NOUNS.contains(head)
        && !Lexicon.SPOKES.contains(head)
        && !Lexicon.isRole(head);
  }

  /**
   * True when {@code [from, to)} holds only lower-case role words ("chairman and chief executive").
   */
  private boolean onlyRoleWords(int from, int to) {
    if (to - from > 9) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (t.isPunct(k, '<') || t.isPunct(k, '>')) {
        continue; // a wire ticker: "Chrysler Corp <C> treasurer Fred Zuckerman"
      }
      if (!t.isWord(k) || t.quote[k] >= 0) {
        return false; // "Delta spokesman Bill Berry" is fine; punctuation means a clause
      }
      String w = t.lower(k);
      if (!w.equals("and") && t.lowerCase(k) && !isRoleWord(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An attribution closing the sentence after the quote, {@code …, he said.} or {@code …, the
   * statement added.}, or null. Only a plain subject and verb (or verb and subject) count.
   */
  Cue sentenceFinal(int closeTok) {
    return finalClause(t.sentenceEndOf(closeTok), closeTok);
  }

  /**
   * The attribution ending sentence {@code s} ("…, Deputy Prime Minister Kim Mahn-je said."), or
   * null.
   */
  Phrase finalAttribution(int s) {
    int from = t.sentenceStart[s];
    Cue c = finalClause(t.sentenceStart[s + 1], from);
    return c == null ? null : c.speaker();
  }

  private Cue finalClause(int end, int closeTok) {
    int last = end - 1;
    if (last <= closeTok + 2 || !t.isPunct(last, '.')) {
      return null;
    }
    int comma = -1;
    for (int k = last - 1; k > closeTok && k >= last - MAX_SUBJECT_TOKENS; k--) {
      if (t.quote[k] >= 0 || t.kind[k] != Tokens.WORD && !t.isPunct(k, ',')) {
        return null;
      }
      if (t.isPunct(k, ',')) {
        comma = k;
        break;
      }
    }
    if (comma < 0 || comma == closeTok + 1) {
      return null;
    }
    int k0 = comma + 1;
    int verb = last - 1;
    if (isReportingVerb(t, verb) && verb > k0) {
      Phrase np = backwardPhrase(verb, k0);
      return np == null || np.first() != k0 && !onlyRoleWords(k0, np.first())
          ? null
          : new Cue(verb, t.word(verb), np);
    }
    if (isReportingVerb(t, k0) && !Lexicon.HEARER_VERBS.contains(t.lower(k0))) {
      Phrase np = forwardPhrase(k0 + 1);
      return np == null || np.last() != last - 1 ? null : new Cue(k0, t.word(k0), np);
    }
    return null;
  }

  /** The cue before an opening mark within its sentence, or null. */
  Cue before(int openTok) {
    int s0 = t.sentenceStartOf(openTok);
    if (s0 == openTok) {
      return null;
    }
    int comment = commentCue(openTok, s0);
    if (comment >= 0) {
      Phrase np = subjectOf(s0, comment);
      return np == null
          ? null
          : new Cue(comment, t.text.substring(t.start[comment], t.end[comment + 2]), np);
    }
    if (agentFollows(openTok) && speechActCloseBefore(openTok, s0)) {
      return null; // "in a move branded a “humiliating retreat” by the Tories": not the subject's
      // words
    }
    int lo = Math.max(s0, openTok - MAX_BEFORE_TOKENS);
    for (int k = openTok - 1; k >= lo; k--) {
      if (t.quote[k] >= 0) {
        continue;
      }
      if (t.isWord(k)
          && t.lower(k).equals("according")
          && t.isWord(k + 1)
          && t.lower(k + 1).equals("to")) {
        Phrase np = forwardPhrase(k + 2);
        return np == null ? null : new Cue(k, "according to", np);
      }
      if (isReportingVerb(t, k)) {
        String w = t.lower(k);
        if (w.endsWith("ing") || w.equals("quoted")) {
          Phrase np = participleSubject(k, s0);
          return np == null ? null : new Cue(k, t.word(k), np);
        }
        int j = skipBetween(k - 1, s0);
        if (j >= s0 && RELATIVES.contains(t.lower(j))) {
          // "…, Professor Chris Woodhead, who has said": the name right before "who"
          int a = t.isPunct(j - 1, ',') ? j - 2 : j - 1;
          Names.Run antecedent = names.runAt(a);
          if (antecedent != null && antecedent.last() == a && antecedent.first() >= s0) {
            return new Cue(k, t.word(k), new Phrase(antecedent.first(), antecedent.last()));
          }
          Phrase np = subjectOf(s0, j);
          return np == null ? null : new Cue(k, t.word(k), np);
        }
        if (k >= 1
            && (t.kind[k - 1] == Tokens.CLOSE
                || (k >= 2 && t.isPunct(k - 1, ',') && t.kind[k - 2] == Tokens.CLOSE))) {
          // `“…,” said Pulcine, “and if …”`: the second piece takes the inverted cue
          Phrase np = Lexicon.HEARER_VERBS.contains(w) ? null : forwardPhrase(k + 1);
          return np == null ? null : new Cue(k, t.word(k), np);
        }
        if (t.isWord(k - 1) && PASSIVE.contains(t.lower(k - 1))) {
          return null; // "Ms Simonetti was told …": the subject heard it; who spoke is not said
        }
        Phrase np = backwardPhrase(k, s0);
        if (np == null && t.lowerCase(k - 1) && t.lower(k - 1).equals("and")) {
          np = subjectOf(s0, k - 1); // "Mrs Parker Bowles said … and added:"
        }
        if ((np != null && nounLike(k, np)) || (np == null && followedLikeANoun(k))) {
          continue; // "said the harbour report was “…”": a noun; the verb is further back
        }
        if (np == null && Lexicon.NOUN_LIKE_VERBS.contains(w)) {
          continue; // "She said this would counter “…”": no speaker here; "She said" is the cue
        }
        return np == null ? null : new Cue(k, t.word(k), np);
      }
    }
    Cue colon = colonAfterName(openTok, s0);
    return colon != null ? colon : speechAct(openTok, s0);
  }

  /**
   * {@code BBC Two controller Roly Keating: “…”}: a sentence that is only a name phrase and a colon
   * before the quote, or null.
   */
  private Cue colonAfterName(int openTok, int s0) {
    int colon = openTok - 1;
    if (!t.isPunct(colon, ':') || colon - 1 < s0) {
      return null;
    }
    Names.Run run = names.runAt(colon - 1);
    if (run == null || run.last() != colon - 1) {
      return null;
    }
    for (int k = s0; k < run.first(); k++) {
      if (!t.isWord(k) || t.quote[k] >= 0 || (t.lowerCase(k) && !looksLikeRole(t.lower(k)))) {
        return null; // "The report concludes:" has a verb; only roles and names may lead
      }
    }
    return new Cue(colon, ":", new Phrase(s0, run.last()));
  }

  /**
   * {@code X described the embargo as a “…”}, {@code It blamed “…”}, {@code Beijing, which called
   * it “…”}: a verb that reports an evaluation in someone's words, close before the mark, with its
   * subject. Null when there is none.
   */
  /**
   * True when a speech-act verb ({@code branded}) stands close before the mark, nearer than any
   * cue.
   */
  private boolean speechActCloseBefore(int openTok, int s0) {
    for (int k = openTok - 1; k >= s0 && k >= openTok - MAX_SPEECH_ACT_TOKENS; k--) {
      if (t.quote[k] < 0 && t.lowerCase(k) && Lexicon.SPEECH_ACT_CUES.contains(t.lower(k))) {
        return true;
      }
      if (t.quote[k] < 0 && isReportingVerb(t, k)) {
        return false;
      }
    }
    return false;
  }

  /** True when "by" follows the quote's closing mark: a passive whose agent spoke the words. */
  private boolean agentFollows(int openTok) {
    int close = openTok + 1;
    while (close < t.size && t.kind[close] != Tokens.CLOSE && t.quote[close] == t.quote[openTok]) {
      close++;
    }
    int agent = close + 2;
    boolean named =
        t.capitalised(agent) || (t.isWord(agent) && DETERMINERS.contains(t.lower(agent)));
    return t.isWord(close + 1)
        && t.lower(close + 1).equals("by")
        && named
        && t.paragraph[agent] == t.paragraph[close];
  }

  private Cue speechAct(int openTok, int s0) {
    for (int k = openTok - 1; k >= s0 && k >= openTok - MAX_SPEECH_ACT_TOKENS; k--) {
      if (t.quote[k] >= 0 || !t.lowerCase(k) || !Lexicon.SPEECH_ACT_CUES.contains(t.lower(k))) {
        continue;
      }
      int j = k - 1;
      if (t.isWord(j) && RELATIVES.contains(t.lower(j))) {
        int a = t.isPunct(j - 1, ',') ? j - 2 : j - 1;
        Names.Run antecedent = names.runAt(a);
        return antecedent != null && antecedent.last() == a && antecedent.first() >= s0
            ? new Cue(k, t.word(k), new Phrase(antecedent.first(), antecedent.last()))
            : null;
      }
      if (t.isWord(j) && PASSIVE.contains(t.lower(j))) {
        return null; // "was described as": by whom is not said
      }
      Phrase np = backwardPhrase(k, s0);
      return np == null ? null : new Cue(k, t.word(k), np);
    }
    return null;
  }

  /**
   * Who speaks through a participle cue at {@code k}: "quoted Y telling", "quoted Y as saying" give
   * Y; "it said, adding" gives the subject of "said"; otherwise the sentence subject.
   */
  private Phrase participleSubject(int k, int s0) {
    int before = k - 1;
    if (t.isWord(before) && t.lower(before).equals("as")) {
      before--;
    }
    Names.Run run = names.runAt(before);
    if (run != null && run.last() == before && run.first() >= s0 && !t.lower(k).equals("quoted")) {
      return new Phrase(run.first(), run.last());
    }
    if (t.isPunct(k - 1, ',') && k - 2 >= s0 && isReportingVerb(t, k - 2)) {
      Phrase np = backwardPhrase(k - 2, s0);
      if (np != null) {
        return np;
      }
    }
    return subjectOf(s0, k);
  }

  /** "… with the comment “…”": index of {@code with}, or -1. */
  private int commentCue(int openTok, int s0) {
    int k = openTok - 1;
    if (t.isPunct(k, ':') || t.isPunct(k, ',')) {
      k--;
    }
    if (k - 2 >= s0
        && t.isWord(k)
        && COMMENT_NOUNS.contains(t.lower(k))
        && t.isWord(k - 1)
        && DETERMINERS.contains(t.lower(k - 1))
        && t.isWord(k - 2)
        && t.lower(k - 2).equals("with")) {
      return k - 2;
    }
    return -1;
  }

  /** "He went on to say", "she was forced to admit": back over the lead-in to its subject. */
  private int skipLeadIn(int j, int lo) {
    if (j - 1 < lo || !t.lowerCase(j) || !t.lower(j).equals("to")) {
      return j;
    }
    int v = j - 1;
    if (t.lowerCase(v) && t.lower(v).equals("on") && v - 1 >= lo) {
      v--;
    }
    return t.lowerCase(v) && Lexicon.LEAD_IN_VERBS.contains(t.lower(v))
        ? skipBetween(v - 1, lo)
        : j;
  }

  private int skipBetween(int j, int lo) {
    while (j >= lo && t.lowerCase(j) && Lexicon.BETWEEN_SUBJECT_AND_VERB.contains(t.lower(j))) {
      j--;
    }
    return j;
  }

  /**
   * The speaker phrase ending just before the verb at {@code verb}, not reaching before {@code lo}:
   * a pronoun, a name (with an appositive between commas), or a short noun phrase.
   */
  Phrase backwardPhrase(int verb, int lo) {
    int j = skipLeadIn(skipBetween(verb - 1, lo), lo);
    if (j < lo || t.quote[j] >= 0) {
      return null;
    }
    char separator = appositiveMark(j);
    if (separator != 0) {
      // "Hugh Hill, a doctor at the hospital, said": back over the appositive to the name.
      int c = j - 1;
      while (c >= lo && c > j - MAX_SUBJECT_TOKENS && !t.isPunct(c, separator) && t.quote[c] < 0) {
        c--;
      }
      if (c < lo || !t.isPunct(c, separator)) {
        Names.Run before = names.runAt(j - 1);
        return separator == ',' && before != null && before.last() == j - 1 && before.first() >= lo
            ? new Phrase(before.first(), before.last()) // "shop owner Hayriye Evren, told"
            : null;
      }
      Names.Run inside = names.runAt(c + 1);
      if (inside != null && inside.first() == c + 1 && inside.last() == j - 1) {
        return new Phrase(c + 1, j - 1); // "the crew chief, Lena Park, replied"
      }
      int head = c - 1;
      if (t.isWord(head) && Lexicon.PRONOUNS.contains(t.lower(head))) {
        return new Phrase(head, head);
      }
      Names.Run run = names.runAt(head);
      return run == null || run.first() < lo ? null : new Phrase(run.first(), run.last());
    }
    if (!t.isWord(j)) {
      return null;
    }
    String w = t.lower(j);
    if (Lexicon.PRONOUNS.contains(w)) {
      return new Phrase(j, j);
    }
    boolean commonNoun = t.lowerCase(j) || (!t.capitalised(j) && Resolver.isPersonNoun(w));
    Names.Run run = names.runAt(j);
    if (run != null
        && run.first() - 2 >= lo
        && t.isPunct(run.first() - 1, ',')
        && names.isOrganisation(run)) {
      // "Colin Asplin, Blackpool Hotel Association said": the person before the organisation
      Names.Run person = names.runAt(run.first() - 2);
      if (person != null && person.first() >= lo && !names.isOrganisation(person)) {
        return new Phrase(person.first(), person.last());
      }
    }
    if (run != null) {
      int first = Math.max(run.first(), lo);
      // "the White House", "Mic co-founder Jake Horowitz": keep the words that lead to the name.
      int k = first - 1;
      while (k >= lo
          && k >= first - 4
          && t.lowerCase(k)
          && !DETERMINERS.contains(t.lower(k))
          && isRoleWord(t.lower(k))) {
        k--;
      }
      if (k >= lo && t.isWord(k) && DETERMINERS.contains(t.lower(k))) {
        first = k;
      }
      int link = first - 1;
      if (link > lo
          && t.isWord(link)
          && t.lower(link).equals("and")
          && names.runAt(link - 1) != null) {
        link = names.runAt(link - 1).first() - 1; // "The MP for Sittingbourne and Sheppey"
        if (!(link > lo && t.lowerCase(link) && PP_LINKS.contains(t.lower(link)))
            && !names.isOrganisation(run)) {
          return null; // "Princes William and Harry said": two speakers, not one
        }
      }
      if (link > lo && t.lowerCase(link) && PP_LINKS.contains(t.lower(link))) {
        // "a close associate of … Khodorkovsky", "a spokesman for Apple": the name is inside the
        // subject phrase, not its head; the whole phrase goes to resolution.
        for (int d = link - 1; d >= lo && d > link - 8; d--) {
          if (!t.isWord(d) || t.quote[d] >= 0) {
            break;
          }
          if (DETERMINERS.contains(t.lower(d)) || d == lo || !t.isWord(d - 1)) {
            return new Phrase(d, j);
          }
        }
        return null;
      }
      return new Phrase(first, j);
    }
    if (commonNoun && looksLikeRole(w)) {
      Phrase person = personBeforeOpenAppositive(j, lo);
      if (person != null) {
        return person;
      }
    }
    if (commonNoun) {
      // a noun phrase: back to its determiner ("a spokesperson for the company", "the 36-year-old")
      for (int k = j; k >= lo && k > j - 8; k--) {
        if (!t.isWord(k) || t.quote[k] >= 0) {
          break;
        }
        if (DETERMINERS.contains(t.lower(k))
            && (k == lo || !t.isWord(k - 1) || isPrepositionOrCut(t.lower(k - 1)))) {
          return new Phrase(k, j);
        }
      }
      // a possessor for a determiner: "Mr Ward's official spokesman said"
      for (int k = j - 1; k >= lo && k > j - 4 && t.isWord(k); k--) {
        Names.Run owner = names.runAt(k);
        if (owner != null && owner.last() == k && Names.isPossessive(t, k) && owner.first() >= lo) {
          return new Phrase(owner.first(), j);
        }
        if (owner != null || !t.lowerCase(k)) {
          break;
        }
      }
      // bare plural subjects: "analysts said", "officials told"
      if ((w.endsWith("s") && !w.endsWith("ss")) && (j == lo || !t.isWord(j - 1))) {
        return new Phrase(j, j);
      }
    }
    return null;
  }

  /**
   * {@code Rhodri Glyn Thomas, Plaid Cymru health spokesman said}: an appositive whose closing
   * comma is missing, made of names and role words ending in the role at {@code role}, after a
   * person's name and a comma; that person, or null.
   */
  private Phrase personBeforeOpenAppositive(int role, int lo) {
    for (int k = role - 1; k >= lo && k > role - MAX_OPEN_APPOSITIVE_TOKENS; k--) {
      if (t.isPunct(k, ',')) {
        Names.Run person = names.runAt(k - 1);
        boolean named =
            k < role - 1
                && person != null
                && person.last() == k - 1
                && person.first() >= lo
                && !names.isOrganisation(person)
                && (person.first() == lo || !t.isWord(person.first() - 1));
        return named ? new Phrase(person.first(), person.last()) : null;
      }
      Names.Run r = names.runAt(k);
      if (r != null) {
        k = r.first();
      } else if (!t.lowerCase(k) || !isRoleWord(t.lower(k)) || DETERMINERS.contains(t.lower(k))) {
        return null; // "the", a verb or a clause: a phrase of its own, not an appositive
      }
    }
    return null;
  }

  /**
   * The name after a possessive, past title words ("Prime Minister"), within four tokens, or null.
   */
  private Names.Run ownedRun(int k) {
    for (int j = k; j < k + 4 && t.isWord(j); j++) {
      Names.Run r = names.runAt(j);
      if (r != null && r.first() == j) {
        return r;
      }
      if (!Lexicon.isRole(t.lower(j)) && !isRoleNoun(t.lower(j))) {
        return null;
      }
    }
    return null;
  }

  /** The comma or dash at {@code j} that closes an appositive, or 0. */
  private char appositiveMark(int j) {
    for (char c : new char[] {',', '-', '–', '—'}) {
      if (t.isPunct(j, c)) {
        return c;
      }
    }
    return 0;
  }

  /** A role noun, or a word shaped like one ("controller", "master") that is no reporting verb. */
  private static boolean looksLikeRole(String w) {
    if (isRoleNoun(w) || Lexicon.isRole(w)) {
      return true;
    }
    boolean agent =
        w.endsWith("er")
            || w.endsWith("or")
            || w.endsWith("ist")
            || w.endsWith("ian")
            || w.endsWith("man")
            || w.endsWith("woman");
    return agent
        && !Lexicon.REPORTING_VERBS.contains(w)
        && !Lexicon.BETWEEN_SUBJECT_AND_VERB.contains(w);
  }

  private static boolean isRoleNoun(String w) {
    return Lexicon.ROLE_NOUNS.contains(w) || Resolver.isPersonNoun(w);
  }

  private static boolean isPrepositionOrCut(String w) {
    return CUTS.contains(w);
  }

  private static boolean isRoleWord(String w) {
    return !Lexicon.REPORTING_VERBS.contains(w)
        && !Lexicon.BETWEEN_SUBJECT_AND_VERB.contains(w)
        && !STOP_FORWARD.contains(w)
        && !NOT_ROLE.contains(w);
  }

  /** "Dome spokesman David Annesley": the person after an organisation and a role is the head. */
  private Names.Run headRun(Names.Run run) {
    if (Names.isPossessive(t, run.last())) {
      Names.Run owned = ownedRun(run.last() + 1);
      if (owned != null) {
        run = owned; // "Australia's Prime Minister John Howard" is John Howard
      }
    }
    int k = run.last() + 1;
    int words = 0;
    boolean role = false;
    // "ISM survey chairman Norbert Ore": a few lower-case words, one of them a role, then a name
    while (words < 4
        && t.lowerCase(k)
        && !isReportingVerb(t, k)
        && !STOP_FORWARD.contains(t.lower(k))
        && !DETERMINERS.contains(t.lower(k))) {
      role |= Lexicon.isRole(t.lower(k)) || Resolver.isPersonNoun(t.lower(k));
      k++;
      words++;
    }
    if (role && t.isPunct(k, ',')) {
      k++; // "EEF chief economist, Steve Radley"
    }
    Names.Run next = role ? names.runAt(k) : null;
    return next != null && next.first() == k ? next : run;
  }

  /** The speaker phrase starting at {@code k} after an inverted cue ({@code said Smith, …}). */
  Phrase forwardPhrase(int k) {
    if (!t.isWord(k) || t.quote[k] >= 0) {
      return null;
    }
    String w = t.lower(k);
    if (Lexicon.PRONOUNS.contains(w)) {
      return new Phrase(k, k);
    }
    Names.Run run = names.runAt(k);
    if (run != null && run.first() >= k - 1) {
      run = headRun(run); // "said Janney Montgomery analyst Louis Marckesano"
      int end = run.last();
      if (Names.stripPossessive(t.word(end)).length() < t.word(end).length()) {
        // "said Aguilera's agent Meghan Prophet": the possessor is not the speaker
        int e = end + 1;
        while (e < k + 9 && t.lowerCase(e) && Lexicon.ROLE_NOUNS.contains(t.lower(e))) {
          e++;
        }
        Names.Run next = names.runAt(e);
        end = next != null && next.first() == e ? next.last() : e - 1;
      }
      return new Phrase(k, end);
    }
    // "the White House", "a spokesman for the ministry", "chairman John Smith"
    int end = -1;
    for (int j = k; j < t.size && j < k + 9; j++) {
      if (!t.isWord(j) || t.quote[j] >= 0) {
        break;
      }
      Names.Run r = names.runAt(j);
      if (r != null) {
        // "the NAR's John Tuccillo", "the Old Trafford boss": take the whole phrase, so that
        // resolution can tell a head name from a name that only modifies the head.
        end = r.last();
        int e = end + 1;
        while (e < k + 9
            && (names.runAt(e) != null || (t.lowerCase(e) && isRoleNoun(t.lower(e))))) {
          end = names.runAt(e) != null ? names.runAt(e).last() : e;
          e = end + 1;
        }
        break;
      }
      String lw = t.lower(j);
      if (j > k && STOP_FORWARD.contains(lw)) {
        break;
      }
      if (Lexicon.REPORTING_VERBS.contains(lw)) {
        break;
      }
      end = j;
    }
    if (end < 0) {
      return null;
    }
    if (!DETERMINERS.contains(w) && names.runAt(end) == null && !(w.endsWith("s") && end == k)) {
      return null;
    }
    return new Phrase(k, end);
  }

  /**
   * The subject of the sentence starting at {@code s0}, looked for before token {@code limit}:
   * leading adverbials ({@code In 1997,}, {@code Last year,}) and conjunctions skipped.
   */
  Phrase subjectOf(int s0, int limit) {
    int k = s0;
    while (k < limit && t.kind[k] == Tokens.PUNCT) {
      k++;
    }
    if (k < limit && t.isWord(k) && Lexicon.CONJUNCTIONS.contains(t.lower(k))) {
      k++;
      if (t.isPunct(k, ',')) {
        k++;
      }
    }
    if (k < limit && t.isWord(k) && Lexicon.LEADING_ADVERBIALS.contains(t.lower(k))) {
      int comma = -1;
      for (int j = k + 1; j < limit && j < k + MAX_ADVERBIAL_TOKENS; j++) {
        if (t.isPunct(j, ',') && t.quote[j] < 0) {
          comma = j;
          break;
        }
      }
      if (comma >= 0) {
        k = comma + 1;
      }
    }
    if (k < limit
        && t.isWord(k)
        && SUBJECT_DETERMINERS.contains(t.lower(k))
        && (names.runAt(k + 1) == null || Lexicon.DEMONYMS.contains(t.lower(k + 1)))) {
      // "the French international defender believes Mourinho …": the subject is the phrase
      int e = k;
      while (e + 1 < limit
          && e < k + 6
          && t.isWord(e + 1)
          && t.quote[e + 1] < 0
          && !isReportingVerb(t, e + 1)
          && !Lexicon.BETWEEN_SUBJECT_AND_VERB.contains(t.lower(e + 1))
          && !personHeadEnds(e)) {
        e++;
      }
      int apposition = e + 2;
      Names.Run named = names.runAt(apposition);
      if ((t.isPunct(e + 1, ',') || t.isPunct(e + 1, '-'))
          && named != null
          && named.first() == apposition) {
        return new Phrase(
            named.first(), named.last()); // "one of the Guildford Four, Gerry Conlon - who"
      }
      Names.Run complement = copulaName(e);
      return complement != null
          ? new Phrase(complement.first(), complement.last())
          : new Phrase(k, e);
    }
    for (int j = k; j < limit && j < k + 8; j++) {
      if (t.quote[j] >= 0) {
        if (t.kind[j] == Tokens.OPEN && j == k) {
          return new Phrase(j, j); // the sentence opens with a quote: its speaker is the subject
        }
        return null;
      }
      if (!t.isWord(j)) {
        if (t.isPunct(j, ',')) {
          return null;
        }
        continue;
      }
      String w = t.lower(j);
      boolean afterPreposition = j > k && t.isWord(j - 1) && PREPOSITIONS.contains(t.lower(j - 1));
      if (Lexicon.PRONOUNS.contains(w) && !afterPreposition) {
        return new Phrase(j, j);
      }
      Names.Run run = names.runAt(j);
      if (run != null && !afterPreposition) {
        run = headRun(run);
        return new Phrase(run.first(), run.last());
      }
      if (run != null) {
        j = run.last();
      }
      if (Lexicon.REPORTING_VERBS.contains(w) && j > k) {
        Phrase np = backwardPhrase(j, k);
        return np;
      }
    }
    return null;
  }

  /**
   * True when a person noun at {@code e} heads the subject and the lower-case word after it is no
   * part of the phrase ({@code The 48-year-old actor crossed …}): a verb, most likely.
   */
  private boolean personHeadEnds(int e) {
    if (!t.isWord(e) || !Resolver.isPersonNoun(t.lower(e)) || !t.lowerCase(e + 1)) {
      return false;
    }
    String next = t.lower(e + 1);
    return !Resolver.isPersonNoun(next) && !PP_LINKS.contains(next) && !next.equals("and");
  }

  /**
   * True when {@code subject} describes a person and "is a …" or "was a …" follows it ({@code The
   * company's new conductor is a violinist from Leeds}): a person the article brings in without a
   * name, not one named before.
   */
  boolean introducesSomeone(Phrase subject) {
    int be = subject.last() + 1;
    if (!t.isWord(subject.first())
        || !DETERMINERS.contains(t.lower(subject.first()))
        || names.runAt(subject.last()) != null) {
      return false; // "Connors is a straight-talker" says more about someone named
    }
    if (!t.lowerCase(be)
        || !COPULAS.contains(t.lower(be))
        || !t.lowerCase(be + 1)
        || !(t.lower(be + 1).equals("a") || t.lower(be + 1).equals("an"))) {
      return false;
    }
    if (looksLikeRole(t.lower(subject.last()))) {
      return true;
    }
    for (int k = be + 2; k <= be + 4 && t.lowerCase(k); k++) {
      if (looksLikeRole(t.lower(k))) {
        return true; // "… is a violinist from Leeds"
      }
    }
    return false;
  }

  /**
   * {@code The musical's director is Matthew Warchus.}: the name a person noun ending at {@code
   * head} is equated with by "is" or "was", when the name is the whole complement; or null.
   */
  private Names.Run copulaName(int head) {
    int be = head + 1;
    if (!t.lowerCase(be) || !COPULAS.contains(t.lower(be)) || !isRoleNoun(t.lower(head))) {
      return null;
    }
    Names.Run run = names.runAt(be + 1);
    if (run == null || run.first() != be + 1 || Names.isPossessive(t, run.last())) {
      return null;
    }
    int after = run.last() + 1;
    boolean whole =
        after >= t.size
            || t.sentence[after] != t.sentence[be]
            || t.isPunct(after, ',')
            || t.isPunct(after, '.');
    return whole && !names.isOrganisation(run) ? run : null;
  }

  /**
   * The subject of the last reporting verb in tokens {@code [from, to)} outside quotes ({@code
   * Britain has been cautious, but Mr Straw said he …} gives Mr Straw), or null.
   */
  Phrase lastSpeechSubject(int from, int to) {
    for (int k = to - 1; k > from; k--) {
      if (t.quote[k] < 0
          && isReportingVerb(t, k)
          && !t.lower(k).endsWith("ing")
          && !(t.isWord(k - 1) && PASSIVE.contains(t.lower(k - 1)))) {
        Names.Run after = names.runAt(k + 1);
        boolean inverted = t.isPunct(k - 1, ',') && after != null && after.first() == k + 1;
        // "… on the Baltic, said Tidewater's Marta Lindqvist.": the name after the verb speaks
        Phrase np = inverted ? null : backwardPhrase(k, from);
        if (np == null
            && after != null
            && after.first() == k + 1
            && !Lexicon.HEARER_VERBS.contains(t.lower(k))) {
          // "…, explained Mr Hosford.", "…, said Sandvine's chief technology officer Marc Morin."
          Phrase forward = forwardPhrase(k + 1);
          np = forward != null ? forward : new Phrase(after.first(), after.last());
        }
        if (np != null) {
          return np;
        }
      }
    }
    return null;
  }

  /**
   * The last reporting verb outside quotes in tokens {@code [from, to)} and who speaks through it:
   * its own subject, or for a participle after a comma ({@code …, saying}) the sentence's subject.
   * Null when no verb there reports speech or no speaker phrase goes with it.
   */
  Cue speechEvent(int from, int to) {
    for (int k = to - 1; k > from; k--) {
      if (t.quote[k] >= 0 || !isReportingVerb(t, k) || Lexicon.HEARER_ONLY.contains(t.lower(k))) {
        continue;
      }
      if (t.isWord(k - 1) && PASSIVE.contains(t.lower(k - 1))) {
        return null; // "was told": who spoke is not said
      }
      Phrase np =
          t.lower(k).endsWith("ing") && t.isPunct(k - 1, ',')
              ? subjectOf(from, k)
              : backwardPhrase(k, from);
      return np == null ? null : new Cue(k, t.word(k), np);
    }
    return null;
  }
}
