package dev.verbatim.quotes;

import java.util.Set;

/**
 * Stage two of attribution: the words pointing at a speaker ({@code she}, {@code the mayor}, {@code
 * a BBC spokeswoman}, {@code Australia's Prime Minister John Howard}) resolved to an entity of the
 * article, named in its fullest form. Each way of resolving is a sieve of its own ({@link How});
 * each abstains (null) when the article does not make the referent plain. Used by one thread for
 * one article.
 */
final class Resolver {
  /** How far back a pronoun or a role looks for its referent. */
  private static final int MAX_BACK_SENTENCES = 5;

  private static final int MAX_BACK_PARAGRAPHS = 2;

  /** "For Jupiter analyst Olivier Beauvillain," fits; a longer opening is a clause. */
  private static final int MAX_VIEW_HOLDER_TOKENS = 7;

  /** How a mention was resolved. */
  enum How {
    /**
     * The mention names the speaker ({@code Ann Reyes}, {@code Mr Reyes}, {@code the White House}).
     */
    NAME("name"),
    /** {@code he}, {@code she}, {@code it}: the subject or speaker it refers back to. */
    PRONOUN("pronoun"),
    /** {@code the mayor}, {@code the firm}, {@code the ministry}: an entity named earlier. */
    ROLE("role"),
    /** {@code a BBC spokeswoman}: someone the article does not name, as described. */
    DESCRIPTION("description"),
    /** The subject is an earlier quote ({@code “…,” said X, “…”}): that quote's speaker. */
    QUOTE("quote");

    final String label;

    How(String label) {
      this.label = label;
    }
  }

  /**
   * A resolved speaker.
   *
   * @param name the speaker's name or description
   * @param how the sieve that resolved it
   * @param namedAt token where the article names the referent (the antecedent), or -1 when the
   *     mention itself is the name
   * @param gender {@link Names#FEMALE}, {@link Names#MALE} or {@link Names#UNKNOWN}
   * @param person true for a person (named or described), false for an organisation or a thing
   */
  record Referent(String name, How how, int namedAt, byte gender, boolean person) {
    Referent via(How other, int at) {
      return new Referent(name, other, namedAt >= 0 ? namedAt : at, gender, person);
    }
  }

  /** What the resolver may ask about the quotes before the one being attributed. */
  interface EarlierQuotes {
    /** True when quote {@code q} is a quotation (not a title or scare quote). */
    boolean isQuotation(int q);

    /** The speaker found for quote {@code q}, or null. */
    Referent speaker(int q);

    /**
     * True when quote {@code q} is someone's speech (a full quote, or one with a cue), not only a
     * phrase.
     */
    boolean isSpeech(int q);
  }

  /** Words opening a subordinate clause before the main clause ({@code When X arrived, he …}). */
  private static final Set<String> SUBORDINATORS =
      Lexicon.words(
          "when",
          "after",
          "before",
          "while",
          "as",
          "although",
          "though",
          "because",
          "if",
          "since",
          "until",
          "once");

  private static final Set<String> INDEFINITE = Lexicon.words("a", "an", "one", "another");
  private static final Set<String> DEFINITE = Lexicon.words("the", "this", "that", "its", "their");
  private static final Set<String> LINKS =
      Lexicon.words("for", "of", "at", "from", "with", "to", "in");

  private final Tokens t;
  private final Names names;
  private final CueFinder cues;
  private final EarlierQuotes quotes;

  /** Names that a cue gave as a speaker: people (or organisations) by what they did. */
  private final java.util.Set<String> spoke = new java.util.HashSet<>();

  /** Genders the article showed by a pronoun for people whose names do not tell. */
  private final java.util.Map<String, Byte> learnedGender = new java.util.HashMap<>();

  Resolver(Tokens tokens, Names names, CueFinder cues, EarlierQuotes quotes) {
    this.t = tokens;
    this.names = names;
    this.cues = cues;
    this.quotes = quotes;
  }

  /** The speaker named by {@code np} for quote {@code quoteIndex}, or null when unsure. */
  Referent resolve(Phrase np, int quoteIndex) {
    Referent r = resolve(np, quoteIndex, 0);
    if (r != null && r.how() == How.NAME) {
      spoke.add(r.name());
    }
    return r;
  }

  /**
   * The referent of {@code np} for quote {@code quoteIndex} without counting it as a speaker: for a
   * mention that only refers to someone.
   */
  Referent refer(Phrase np, int quoteIndex) {
    return resolve(np, quoteIndex, 0);
  }

  private Referent resolve(Phrase np, int quoteIndex, int depth) {
    int first = np.first();
    if (t.kind[first] == Tokens.OPEN) {
      int q = t.quote[first];
      Referent r = q >= 0 && q < quoteIndex && quotes.isQuotation(q) ? quotes.speaker(q) : null;
      return r == null ? null : r.via(How.QUOTE, -1);
    }
    if (np.isSingle() && t.isWord(first)) {
      String w = t.lower(first);
      if (w.equals("he") || w.equals("she")) {
        return depth > 2
            ? null
            : pronoun(first, w.equals("she") ? Names.FEMALE : Names.MALE, quoteIndex, depth);
      }
      if (w.equals("it")) {
        return organisationBefore(first, quoteIndex, How.PRONOUN);
      }
      if (Lexicon.PRONOUNS.contains(w)) {
        return null; // "they", "we", "I": a group or the writer, not one named speaker
      }
    }
    int link = firstLink(np);
    Phrase head = link < 0 ? np : new Phrase(first, link - 1);
    Names.Run run = headRun(head);
    if (run != null && endsInTitle(run) && t.isWord(first) && DEFINITE.contains(t.lower(first))) {
      // "the Ealing North MP", "the Labour leader": a role, whoever holds it
      return personForRole(first, t.lower(run.last()), quoteIndex);
    }
    if (run != null) {
      return named(run, np, link);
    }
    int headWord = lastWord(head);
    if (headWord < 0) {
      return null;
    }
    String noun = t.lower(headWord);
    String det = t.isWord(first) ? t.lower(first) : "";
    if (INDEFINITE.contains(det) || possessor(np) != null) {
      return description(np, noun, quoteIndex, depth);
    }
    if (det.equals("our") && headWord > first && isPersonNoun(noun)) {
      // "our correspondent": the writer's colleague, only as the article introduced them
      Names.Entity own = names.onlyPersonDescribedAs(noun, first);
      return own == null
          ? null
          : new Referent(own.name, How.ROLE, names.firstMention(own.name), own.gender, true);
    }
    if (!DEFINITE.contains(det) || headWord == first) {
      return null;
    }
    Names.Run inside = anyRun(head);
    if (inside != null && Lexicon.WORK_NOUNS.contains(noun)) {
      Referent owner = entityReferent(inside, How.ROLE);
      return owner != null && !owner.person() ? owner : null; // "the Mic video" speaks for Mic
    }
    if (inside != null && !isPersonNoun(noun)) {
      return null; // "the Salford seat": not a speaker
    }
    Names.Entity described = isPersonNoun(noun) ? names.onlyPersonDescribedAs(noun, first) : null;
    if (described != null) {
      return new Referent(
          described.name, How.ROLE, names.firstMention(described.name), described.gender, true);
    }
    if (Lexicon.ORG_NOUNS.contains(noun) || Lexicon.COMPANY_NOUNS.contains(noun)) {
      return organisationBefore(first, quoteIndex, How.ROLE, noun);
    }
    if (Lexicon.WORK_NOUNS.contains(noun)) {
      String owner = names.ownerOfWork(noun, first);
      return owner == null ? null : new Referent(owner, How.ROLE, -1, Names.UNKNOWN, false);
    }
    if (isPersonNoun(noun)) {
      return personForRole(first, noun, quoteIndex);
    }
    return null;
  }

  // ---- names ----

  /**
   * The referent of a phrase whose head is a name: {@code Mark Rogers of Prudential} is Mark
   * Rogers; {@code a spokesman for Apple} is a description, handled by the caller.
   */
  private Referent named(Names.Run run, Phrase np, int link) {
    Referent r = entityReferent(run, How.NAME);
    if (r == null) {
      return null;
    }
    if (link >= 0 && !r.person()) {
      return null; // "the Bank of ... at X": unclear which one speaks
    }
    return r;
  }

  /** The entity a name run stands for, or null when it is a place, a role or not a name. */
  Referent entityReferent(Names.Run run, How how) {
    String name = names.canonicalOf(run);
    Names.Entity e = names.entity(name);
    if (e == null || Names.isOnlyRoles(name)) { // a place may speak: "Beijing said"
      return null;
    }
    if (!e.person
        && !e.org
        && !e.company
        && name.indexOf(' ') < 0
        && Lexicon.NON_PERSON_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    return new Referent(name, how, run.first(), e.gender, e.person);
  }

  /**
   * The name run heading {@code head}: the last run in it that nothing lower-case follows inside
   * the phrase ({@code Beach Boys veteran Brian Wilson} is Brian Wilson; in {@code Australia's
   * Prime Minister John Howard} the possessive only modifies), or null.
   */
  private Names.Run headRun(Phrase head) {
    Names.Run found = null;
    for (int k = head.first(); k <= head.last(); k++) {
      Names.Run r = names.runAt(k);
      if (r != null) {
        found = r;
        k = r.last();
      } else if (t.isWord(k) && found != null && !t.capitalised(k)) {
        found = null; // a lower-case word after the name: the name only modifies it
      }
    }
    if (found != null && Names.isPossessive(t, found.last())) {
      return null; // "Mr Blair's" closes a phrase only when the phrase was cut: unsure
    }
    return found;
  }

  private boolean endsInTitle(Names.Run run) {
    return run.last() > run.first()
        && Lexicon.isRole(t.lower(run.last()))
        && !Lexicon.ORG_WORDS.contains(t.lower(run.last()));
  }

  private Names.Run anyRun(Phrase p) {
    for (int k = p.first(); k <= p.last(); k++) {
      if (names.runAt(k) != null) {
        return names.runAt(k);
      }
    }
    return null;
  }

  private int firstLink(Phrase np) {
    for (int k = np.first() + 1; k <= np.last(); k++) {
      if (t.lowerCase(k) && LINKS.contains(t.lower(k))) {
        return k;
      }
    }
    return -1;
  }

  private int lastWord(Phrase p) {
    for (int k = p.last(); k >= p.first(); k--) {
      if (t.isWord(k)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The name run of a possessor leading {@code np} ({@code Mr Blair's official spokesman}), or
   * null.
   */
  private Names.Run possessor(Phrase np) {
    Names.Run r = names.runAt(np.first());
    return r != null && r.last() < np.last() && Names.isPossessive(t, r.last()) ? r : null;
  }

  // ---- descriptions ----

  /**
   * {@code a BBC spokeswoman}, {@code a spokesman for Human Rights Watch}, {@code Mr Blair's
   * official spokesman}: someone the article does not name, as described, with the names in the
   * description in their fullest form. Only speaking roles count: "a lawyer" could be anyone.
   */
  private Referent description(Phrase np, String noun, int quoteIndex, int depth) {
    if (!Lexicon.SPOKES_PEOPLE.contains(noun)) {
      return null;
    }
    Referent organisation = organisationIn(np);
    if (organisation != null) {
      // "a BBC spokeswoman" speaks for the BBC; "she" may refer back to her
      byte gender =
          noun.endsWith("woman") ? Names.FEMALE : noun.endsWith("man") ? Names.MALE : Names.UNKNOWN;
      return new Referent(
          organisation.name(), How.DESCRIPTION, organisation.namedAt(), gender, true);
    }
    StringBuilder out = new StringBuilder();
    int link = firstLink(np);
    Referent object = null;
    if (link >= 0
        && link < np.last()
        && t.isWord(link + 1)
        && DEFINITE.contains(t.lower(link + 1))
        && depth < 2) {
      object =
          resolve(
              new Phrase(link + 1, np.last()),
              quoteIndex,
              depth + 1); // "a spokesman for the author"
      if (object == null) {
        return null;
      }
    }
    int end = object == null ? np.last() : link;
    for (int k = np.first(); k <= end; k++) {
      Names.Run r = names.runAt(k);
      String word;
      if (r != null) {
        String canonical = names.canonicalOf(r);
        boolean possessive = Names.isPossessive(t, r.last());
        word =
            possessive
                ? canonical
                    + t.word(r.last()).substring(Names.stripPossessive(t.word(r.last())).length())
                : canonical;
        k = r.last();
      } else if (k == np.first()) {
        word = t.lower(k);
      } else {
        word = t.word(k);
      }
      if (out.length() > 0 && !(t.kind[k] == Tokens.PUNCT)) {
        out.append(' ');
      }
      out.append(word);
    }
    if (object != null && !object.person()) {
      return object.via(How.DESCRIPTION, -1); // "a spokesperson for the company"
    }
    if (object != null) {
      out.append(' ').append(object.name());
    } else if (possessor(np) == null && anyRun(np) == null) {
      return null; // "a spokesman", "one official": nobody one could tell from another
    }
    byte gender =
        noun.endsWith("woman") ? Names.FEMALE : noun.endsWith("man") ? Names.MALE : Names.UNKNOWN;
    return new Referent(out.toString(), How.DESCRIPTION, -1, gender, true);
  }

  /** The one organisation named in {@code np} ({@code a spokesman for Apple}), or null. */
  private Referent organisationIn(Phrase np) {
    Referent found = null;
    for (int k = np.first(); k <= np.last(); k++) {
      Names.Run r = names.runAt(k);
      if (r == null) {
        continue;
      }
      k = r.last();
      Referent e = entityReferent(r, How.NAME);
      if (e == null || e.person() || (found != null && !found.name().equals(e.name()))) {
        return null;
      }
      found = e;
    }
    return found;
  }

  // ---- pronouns and roles ----

  /**
   * The person a {@code he}/{@code she} at {@code p} refers to: the speaker of a recent quote or
   * the subject of a recent sentence, nearest first, of a compatible gender. Objects ({@code told
   * Jake}, {@code hosted by X}) are never candidates, since only subjects and speakers are looked
   * at.
   */
  private Referent pronoun(int p, byte gender, int quoteIndex, int depth) {
    Referent r = backwards(p, quoteIndex, depth, gender, true);
    if (r != null && r.gender() == Names.UNKNOWN) {
      learnedGender.put(r.name(), gender); // "Petra Lind … she said": a woman from here on
    }
    return r == null ? null : r.via(How.PRONOUN, -1);
  }

  /**
   * {@code the director}, {@code the 36-year-old}: the one person the article gave that role
   * ({@code Producer Kevin Wallace}, {@code Matthew Warchus, the director}), else the nearest
   * person subject or speaker.
   */
  private Referent personForRole(int at, String noun, int quoteIndex) {
    Names.Entity described = names.onlyPersonDescribedAs(noun, at);
    if (described != null) {
      return new Referent(
          described.name, How.ROLE, names.firstMention(described.name), described.gender, true);
    }
    if (Lexicon.OFFICES.contains(noun)) {
      return null; // "the mayor" is whoever holds the office: only the article's own word for it
      // counts
    }
    Referent r = backwards(at, quoteIndex, 0, Names.UNKNOWN, false);
    return r == null ? null : r.via(How.ROLE, -1);
  }

  /**
   * Walks back from token {@code p} over at most {@link #MAX_BACK_SENTENCES} sentences, looking at
   * the speakers of quotes and the subjects of sentences, nearest first, for a person of a fitting
   * gender. Stops unsure at a quote without a speaker or a subject it cannot name.
   */
  private Referent backwards(int p, int quoteIndex, int depth, byte gender, boolean pronoun) {
    int s = t.sentence[p];
    if (pronoun) {
      Referent lead = leadingClauseSubject(p, gender);
      if (lead != null) {
        return lead.name().isEmpty() ? null : lead;
      }
    }
    int windowEnd = s;
    int anchorParagraph = t.paragraph[p];
    for (int si = s; si >= 0 && si > windowEnd - MAX_BACK_SENTENCES; si--) {
      int ss = t.sentenceStart[si];
      if (anchorParagraph - t.paragraph[ss] > MAX_BACK_PARAGRAPHS) {
        return null;
      }
      int limit = si == s ? p : t.sentenceStart[si + 1];
      Candidate quoted = speakerOfLastQuote(ss, limit, quoteIndex);
      if (quoted != null) {
        if (quoted.referent == null) {
          return null; // the last quote's speaker is unknown; "he" may well be that speaker
        }
        if (fits(quoted.referent, gender)) {
          return quoted.referent.via(quoted.referent.how(), quoted.token);
        }
      }
      Phrase subject = cues.subjectOf(ss, limit);
      Phrase speech = si < s ? cues.lastSpeechSubject(ss, limit) : null;
      // only a pronoun subject chains: in "Cook acknowledged …, but he stressed" he is Cook
      int chained = si < s && subject != null ? samePronoun(subject, gender) : -1;
      if (chained >= 0) {
        // "He is winding down his career … So he is full of admiration … “…,” he said": one
        // person all along; the window moves back with the chain of pronouns
        Referent lead = leadingClauseSubject(chained, gender);
        if (lead != null) {
          return lead.name().isEmpty() ? null : lead;
        }
        windowEnd = si;
        anchorParagraph = t.paragraph[ss];
        continue;
      }
      if (speech != null && t.kind[speech.first()] == Tokens.WORD) {
        Referent r = resolve(speech, quoteIndex, depth + 1);
        if (r != null && fits(r, gender)) {
          return r;
        }
      }
      if (si < s) {
        Referent holder = viewHolder(ss, limit);
        if (holder != null && fits(holder, gender)) {
          return holder;
        }
      }
      boolean usable =
          subject != null && subject.first() != p && t.kind[subject.first()] == Tokens.WORD;
      if (usable && cues.introducesSomeone(subject)) {
        return null; // "The new conductor is a violinist from Leeds.": someone new, unnamed
      }
      Referent r = usable ? resolve(subject, quoteIndex, depth + 1) : null;
      if (r != null && fits(r, gender)) {
        return r;
      }
      if (r != null && (r.person() || si == s || gender == Names.UNKNOWN)) {
        continue; // a person of the other gender: look further back
      }
      if (r != null) {
        // "France have been criticised …, but captain Fabien Pelous sees hope": the one person
        Referent only = onlyPerson(ss, limit, gender);
        if (only != null && !only.name().isEmpty()) {
          return only;
        }
        continue;
      }
      if (usable
          && subject.isSingle()
          && (t.lower(subject.first()).equals("he") || t.lower(subject.first()).equals("she"))) {
        return null; // "When 50 Cent appeared …, he said The Game …": a subject we could not place
      }
      if (usable && describesSomeone(subject)) {
        return null; // "the French international defender …, he said": someone we cannot name
      }
      if (si < s && (subject == null || t.kind[subject.first()] != Tokens.OPEN)) {
        // No subject we can name ("The report was welcomed by … David Willetts."): a sentence
        // naming exactly one fitting person gives that person; two or more, we cannot tell.
        Referent only = onlyPerson(ss, limit, gender);
        if (only != null) {
          return only.name().isEmpty() ? null : only;
        }
      }
    }
    return null;
  }

  /**
   * {@code When 50 Cent appeared on the station, he said …}: a pronoun opening the main clause
   * after a leading subordinate clause refers to that clause's subject. The subject's referent when
   * it is a fitting person; a referent with an empty name when the subject is a name we cannot
   * place or a person of the other gender; null when there is no such clause or its subject is a
   * pronoun or a common noun (the usual search then decides).
   */
  private Referent leadingClauseSubject(int p, byte gender) {
    int ss = t.sentenceStartOf(p);
    int k = ss;
    if (t.lowerCase(k) || t.capitalised(k)) {
      if (Lexicon.CONJUNCTIONS.contains(t.lower(k))) {
        k++;
      }
    }
    if (!t.isWord(k) || !SUBORDINATORS.contains(t.lower(k)) || !t.isPunct(p - 1, ',')) {
      return null;
    }
    int subject = k + 1;
    for (int c = subject; c < p - 1; c++) {
      if (!t.isWord(c) || t.quote[c] >= 0) {
        return null; // a comma or a quote inside: not one plain clause
      }
      String w = t.lower(c);
      if (c > subject && Lexicon.PRONOUNS.contains(w) || w.equals("him") || w.equals("her")) {
        return null; // "After Blair criticised him, he said": the pronoun may be someone else
      }
    }
    if (!t.isWord(subject) || Lexicon.PRONOUNS.contains(t.lower(subject))) {
      return null;
    }
    Names.Run run = names.runAt(subject);
    Referent unsure = new Referent("", How.NAME, -1, Names.UNKNOWN, false);
    if (run == null || run.first() != subject) {
      if (!t.lowerCase(subject)) {
        return unsure; // "When 50 Cent appeared": a name we cannot read
      }
      // "When the striker arrived, he …": someone the clause describes, not a name before it
      return describesSomeone(new Phrase(subject, Math.min(subject + 4, p - 2))) ? unsure : null;
    }
    Referent r = entityReferent(run, How.NAME);
    return r != null && fits(r, gender) ? r.via(How.PRONOUN, run.first()) : unsure;
  }

  /**
   * {@code For Jupiter analyst Olivier Beauvillain, Yahoo's decision was an error.}: a sentence
   * opening with "for" and a person, then a comma, gives that person's view; a pronoun after it
   * refers to them. The person, or null when the sentence does not open so.
   */
  private Referent viewHolder(int ss, int limit) {
    int k = ss;
    if (t.isWord(k) && Lexicon.CONJUNCTIONS.contains(t.lower(k))) {
      k++;
    }
    if (!t.isWord(k) || !t.lower(k).equals("for") || names.runAt(k + 1) == null) {
      return null;
    }
    for (int c = k + 2; c < limit && c <= k + MAX_VIEW_HOLDER_TOKENS; c++) {
      if (t.isPunct(c, ',')) {
        Names.Run run = headRun(new Phrase(k + 1, c - 1));
        Referent r = run == null || run.last() != c - 1 ? null : entityReferent(run, How.NAME);
        return r == null || !r.person() ? null : r.via(How.PRONOUN, run.first());
      }
      if (!t.isWord(c) || t.quote[c] >= 0) {
        return null;
      }
    }
    return null;
  }

  /** The token of {@code np} when it is {@code he} or {@code she} of {@code gender}, else -1. */
  private int samePronoun(Phrase np, byte gender) {
    if (!np.isSingle() || !t.isWord(np.first())) {
      return -1;
    }
    String w = t.lower(np.first());
    boolean same =
        (w.equals("he") && gender == Names.MALE) || (w.equals("she") && gender == Names.FEMALE);
    return same ? np.first() : -1;
  }

  private record Candidate(Referent referent, int token) {}

  /**
   * The speaker of the last quotation opened in tokens {@code [from, to)}, or null when none opens
   * there.
   */
  private Candidate speakerOfLastQuote(int from, int to, int quoteIndex) {
    for (int k = to - 1; k >= from; k--) {
      int q = t.quote[k];
      if (t.kind[k] == Tokens.OPEN
          && q >= 0
          && q < quoteIndex
          && quotes.isQuotation(q)
          && (quotes.speaker(q) != null || quotes.isSpeech(q))) {
        return new Candidate(quotes.speaker(q), k);
      }
    }
    return null;
  }

  private boolean fits(Referent r, byte gender) {
    if (gender == Names.UNKNOWN && r.how() == How.NAME && !isEvidencedPerson(r.name())) {
      return false; // "the director" and "Wolf Brother": a name needs some sign of a person
    }
    byte known =
        r.gender() != Names.UNKNOWN
            ? r.gender()
            : learnedGender.getOrDefault(r.name(), Names.UNKNOWN);
    return r.person() && (gender == Names.UNKNOWN || known == Names.UNKNOWN || known == gender);
  }

  private boolean isEvidencedPerson(String name) {
    Names.Entity e = names.entity(name);
    return e == null
        || e.evidenced
        || e.gender != Names.UNKNOWN
        || learnedGender.containsKey(name)
        || spoke.contains(name);
  }

  /**
   * The one person of a fitting gender named in tokens {@code [from, to)} outside quotes and not as
   * a hearer; a referent with an empty name when several are named or one cannot be typed, null
   * when none is.
   */
  private Referent onlyPerson(int from, int to, byte gender) {
    Referent found = null;
    for (int k = from; k < to; k++) {
      Names.Run run = names.runAt(k);
      if (run == null || t.quote[k] >= 0) {
        continue;
      }
      k = run.last();
      boolean hearer =
          run.first() > 0
              && t.isWord(run.first() - 1)
              && Lexicon.HEARER_VERBS.contains(t.lower(run.first() - 1));
      Referent r = entityReferent(run, How.NAME);
      if (hearer
          || r == null
          || !r.person()
          || (r.gender() != Names.UNKNOWN && gender != Names.UNKNOWN && r.gender() != gender)) {
        continue;
      }
      if ((found != null && !found.name().equals(r.name()))
          || (r.gender() == Names.UNKNOWN && !isEvidencedPerson(r.name()))) {
        return new Referent("", How.NAME, -1, Names.UNKNOWN, false);
      }
      found = r.via(How.NAME, run.first());
    }
    return found;
  }

  /** A phrase about a person without a name: "the French international defender". */
  private boolean describesSomeone(Phrase np) {
    for (int k = np.first(); k <= np.last(); k++) {
      if (t.isWord(k) && isPersonNoun(t.lower(k))) {
        return true;
      }
    }
    return false;
  }

  static boolean isPersonNoun(String w) {
    return Lexicon.PERSON_NOUNS.contains(w) || w.endsWith("-year-old");
  }

  /**
   * {@code it said}, {@code the firm said}, {@code the ministry said}: the nearest organisation
   * that was a speaker or a subject, and whose name holds {@code noun} when the noun is part of
   * names ({@code the ministry} is the Finance Ministry).
   */
  private Referent organisationBefore(int p, int quoteIndex, How how) {
    return organisationBefore(p, quoteIndex, how, null);
  }

  /**
   * An organisation, or someone the article describes only as speaking for one ({@code a spokesman
   * for Reporters Without Borders}): "the organisation said" after them is the organisation.
   */
  private boolean speaksForOrganisation(Referent r) {
    if (!r.person()) {
      return true;
    }
    Names.Entity e = r.how() == How.DESCRIPTION ? names.entity(r.name()) : null;
    return e != null && (e.org || e.company) && !e.person;
  }

  private Referent organisationBefore(int p, int quoteIndex, How how, String noun) {
    if (noun != null && Lexicon.ORG_NOUNS.contains(noun)) {
      String named = names.lastNameContaining(noun, p);
      if (named != null) {
        return new Referent(named, how, names.lastMentionBefore(named, p), Names.UNKNOWN, false);
      }
    }
    int s = t.sentence[p];
    for (int si = s; si >= 0 && si > s - 4; si--) {
      int ss = t.sentenceStart[si];
      int limit = si == s ? p : t.sentenceStart[si + 1];
      Candidate quoted = speakerOfLastQuote(ss, limit, quoteIndex);
      if (quoted != null && quoted.referent != null && speaksForOrganisation(quoted.referent)) {
        return quoted.referent.via(how, quoted.token);
      }
      Phrase subject = cues.subjectOf(ss, limit);
      if (subject == null || subject.first() == p || t.kind[subject.first()] != Tokens.WORD) {
        continue;
      }
      Names.Run run = headRun(subject);
      if (run != null) {
        Referent r = entityReferent(run, how);
        Names.Entity e = r == null ? null : names.entity(r.name());
        if (e != null && (e.org || e.company)) {
          return r.via(how, run.first());
        }
        if (noun == null) {
          return null; // "it" after a subject that is no organisation: a thing, or unsure
        }
        continue;
      }
      for (int k = subject.first(); k <= subject.last(); k++) {
        if (Lexicon.COMPANY_NOUNS.contains(t.lower(k))) {
          String main = names.mainCompany();
          return main == null ? null : new Referent(main, how, -1, Names.UNKNOWN, false);
        }
      }
    }
    if (noun != null && Lexicon.COMPANY_NOUNS.contains(noun)) {
      String main = names.mainCompany();
      return main == null ? null : new Referent(main, how, -1, Names.UNKNOWN, false);
    }
    return null;
  }
}
