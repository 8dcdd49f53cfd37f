package dev.verbatim.quotes;

import java.util.Set;

/**
 * The closed word lists the extractor relies on. Kept small and general (news English), not fitted
 * to any one corpus; all entries are lower case.
 */
final class Lexicon {
  private Lexicon() {}

  /**
   * An unmodifiable set of the given words; repeats are harmless (lists grow by hand). A hash set
   * rather than {@code Set.of}: its lookups mask the hash where {@code Set.of} divides, and the
   * rules ask millions of them per corpus.
   */
  static Set<String> words(String... ws) {
    return java.util.Collections.unmodifiableSet(
        new java.util.HashSet<>(java.util.Arrays.asList(ws)));
  }

  /** The words of resource {@code words/NAME.txt}, one a line, {@code #} lines left out. */
  static Set<String> list(String name) {
    Set<String> out = new java.util.HashSet<>();
    for (String line : lines(name)) {
      out.add(line);
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /**
   * The verbs of resource {@code words/NAME.txt} in all their forms: a lemma a line, with its
   * irregular past and participle after it, or {@code =form} for one form alone.
   */
  static Set<String> verbs(String name) {
    Set<String> out = new java.util.HashSet<>();
    for (String line : lines(name)) {
      String[] parts = line.split("\\s+");
      if (parts[0].startsWith("=")) {
        out.add(parts[0].substring(1));
      } else if (parts.length == 1) {
        out.addAll(Inflections.of(parts[0]));
      } else {
        out.add(parts[0]);
        out.add(Inflections.thirdPerson(parts[0]));
        out.add(
            parts[0].endsWith("e")
                ? parts[0].substring(0, parts[0].length() - 1) + "ing"
                : parts[0] + "ing");
        out.addAll(java.util.Arrays.asList(parts).subList(1, parts.length));
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  private static java.util.List<String> lines(String name) {
    String path = "words/" + name + ".txt";
    try (java.io.InputStream in = Lexicon.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("word list missing from the jar: " + path);
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read word list " + path, e);
    }
  }

  /** Verbs (all forms) that attribute words to a speaker: {@code X said}, {@code said X}. */
  static final Set<String> REPORTING_VERBS = verbs("reporting-verbs");

  /** Reporting verbs that only count when something else marks them as speech ({@code went on}). */
  static final Set<String> WEAK_VERBS = list("weak-verbs");

  /** Reporting verbs whose object is the hearer ({@code told Jake}), never the speaker. */
  static final Set<String> HEARER_VERBS = list("hearer-verbs");

  /** Words that may sit between a subject and its reporting verb ({@code Smith also said}). */
  static final Set<String> BETWEEN_SUBJECT_AND_VERB = list("between-subject-and-verb");

  /** Subject pronouns that can name a speaker. */
  static final Set<String> PRONOUNS = list("pronouns");

  /** Titles before a name; dropped from the canonical name but kept as evidence of a person. */
  static final Set<String> TITLES = list("titles");

  static final Set<String> FEMALE_TITLES = list("female-titles");

  static final Set<String> MALE_TITLES = list("male-titles");

  /** Common English given names, enough to tell {@code she} from {@code he} in news copy. */
  static final Set<String> FEMALE_NAMES = list("female-names");

  static final Set<String> MALE_NAMES = list("male-names");

  /** Words that make a capitalised name an organisation rather than a person. */
  static final Set<String> ORG_WORDS = list("org-words");

  /** Places that often open a sentence like a name but never speak as a person. */
  static final Set<String> NON_PERSON_NAMES = list("non-person-names");

  /** Role nouns that sit between an organisation and a person: "Dome spokesman David Annesley". */
  static final Set<String> ROLE_NOUNS = list("role-nouns");

  /**
   * A title or role word, also as the last part of a compound ("co-chairman", "vice-president").
   */
  static boolean isRole(String lower) {
    if (TITLES.contains(lower) || ROLE_NOUNS.contains(lower)) {
      return true;
    }
    int dash = lower.lastIndexOf('-');
    return dash > 0
        && (TITLES.contains(lower.substring(dash + 1))
            || ROLE_NOUNS.contains(lower.substring(dash + 1)));
  }

  /** Compound adjectives that look like names but describe ("Newport-based", "US-born"). */
  static boolean isCompoundAdjective(String lower) {
    return lower.endsWith("-based")
        || lower.endsWith("-born")
        || lower.endsWith("-owned")
        || lower.endsWith("-led")
        || lower.endsWith("-backed")
        || lower.endsWith("-run")
        || lower.endsWith("-style")
        || lower.endsWith("-made")
        || lower.endsWith("-listed");
  }

  /** Heads of phrases that speak for an organisation: "a spokesman for Apple" is Apple. */
  static final Set<String> SPOKES = list("spokes");

  /** Nationality words that lead a name in news copy ("American Robby Ginepri"). */
  static final Set<String> DEMONYMS = list("demonyms");

  /** First words of place names ("South Korea", "New York"). */
  static final Set<String> PLACE_FIRST_WORDS = list("place-first-words");

  /** Last words of place names ("Saudi Arabia", "Persian Gulf", "Wall Street"). */
  static final Set<String> PLACE_LAST_WORDS = list("place-last-words");

  /**
   * Nouns that name a company when used as {@code the company}, {@code a spokesman for the firm}.
   */
  static final Set<String> COMPANY_NOUNS = list("company-nouns");

  /**
   * Nouns for a work that can "say" something: {@code the video asserts}, {@code the report said}.
   */
  static final Set<String> WORK_NOUNS = list("work-nouns");

  /** Words before a quoted span that make it a name or a term, whatever its case. */
  static final Set<String> NAMING_WORDS = list("naming-words");

  /** Nouns before a Capitalised quoted span that make it the title of a work or a campaign. */
  static final Set<String> WORK_TITLE_NOUNS = list("work-title-nouns");

  /** Verbs that report an evaluation in someone's words ("branded it "pathetic""). */
  static final Set<String> SPEECH_ACTS = list("speech-acts");

  /** Reporting verbs that are also common nouns ("a smaller state grant", "the report"). */
  static final Set<String> NOUN_LIKE_VERBS = list("noun-like-verbs");

  /** Capitalised words that open sentences (or titles) and are not names. */
  static final Set<String> NOT_NAME_STARTERS = list("not-name-starters");

  /**
   * Lower-case particles allowed inside a name: {@code Charles de Gaulle}, {@code Bank of England}.
   */
  static final Set<String> NAME_PARTICLES = list("name-particles");

  /**
   * Sentence openers skipped when looking for a sentence's subject ({@code But}, {@code In 1997,}).
   */
  static final Set<String> LEADING_ADVERBIALS = list("leading-adverbials");

  static final Set<String> CONJUNCTIONS = list("conjunctions");

  /** Words after a speaker's name that show it is a company ({@code Mic co-founder}). */
  static final Set<String> COMPANY_CONTEXT = list("company-context");

  /**
   * Nouns whose definite form refers back to an organisation named earlier ({@code the ministry}).
   */
  static final Set<String> ORG_NOUNS = list("org-nouns");

  /**
   * Heads of phrases that describe a person ({@code the director}, {@code the British producer}).
   */
  static final Set<String> PERSON_NOUNS = list("person-nouns");

  /** Heads of phrases for people who speak for someone ({@code a BBC spokeswoman}). */
  static final Set<String> SPOKES_PEOPLE = list("spokes-people");

  /**
   * Person nouns that name an office held by one person: {@code the mayor} refers only to one
   * called so.
   */
  static final Set<String> OFFICES = list("offices");

  /** Verbs whose subject speaks the quoted words that follow ({@code described it as “…”}). */
  static final Set<String> SPEECH_ACT_CUES = list("speech-act-cues");

  /** Reporting verbs that say someone was spoken to, not that the subject spoke ({@code asked}). */
  static final Set<String> HEARER_ONLY = list("hearer-only");

  /**
   * Titles that are part of a name as the article gives it ({@code Lord Carlile}, {@code Prince
   * Charles}).
   */
  static final Set<String> HONORIFICS = list("honorifics");

  /**
   * Honorifics of peers, whose name may go on with a place ({@code Lord Nicholls of Birkenhead}).
   */
  static final Set<String> PEERAGES = list("peerages");

  /** Verbs that lead in to a reporting verb through "to" ({@code went on to say}). */
  static final Set<String> LEAD_IN_VERBS = list("lead-in-verbs");

  /** Words that follow a noun, not a verb ({@code the report was}, {@code the statement said}). */
  static final Set<String> AFTER_A_NOUN = list("after-a-noun");

  /**
   * Weekdays and months that open a name run ("On Wednesday Tony Blair said") and are no part of
   * it.
   */
  static final Set<String> DATE_WORDS = list("date-words");
}
