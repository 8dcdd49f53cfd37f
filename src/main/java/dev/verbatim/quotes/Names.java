package dev.verbatim.quotes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proper names of one article (title included) and how they map to one canonical form each:
 * {@code Kardashian} and {@code Ms. Kardashian} become {@code Kim Kardashian} when the article
 * names her in full. Also keeps the little evidence we have about each name: person or
 * organisation, a company, gender.
 */
final class Names {
  static final byte UNKNOWN = 0;
  static final byte FEMALE = 1;
  static final byte MALE = 2;

  /** A run of capitalised tokens naming something, in the body. */
  record Run(int first, int last, String key, boolean titled) {}

  /** What we know about one canonical name. */
  static final class Entity {
    final String name;
    boolean person;
    boolean org;
    boolean company;
    byte gender;
    int count;

    /** False until {@link Names#settle} has drawn the conclusions from all the evidence. */
    boolean settled;

    /**
     * True when the article shows it is a person (a title, a role, a given name), not only that it
     * is a name of two capitalised words ("Wolf Brother" may be a book).
     */
    boolean evidenced;

    Entity(String name) {
      this.name = name;
    }
  }

  private static final java.util.Set<String> CORPORATE =
      Lexicon.words(
          "inc",
          "inc.",
          "corp",
          "corp.",
          "corporation",
          "co",
          "co.",
          "ltd",
          "ltd.",
          "plc",
          "llc",
          "group",
          "holdings",
          "company",
          "airlines",
          "airways",
          "motors",
          "industries",
          "bank",
          "ag",
          "sa",
          "nv",
          "bv",
          "gmbh",
          "spa");

  private static final java.util.Set<String> SINGULAR_AFTER_WHO =
      Lexicon.words("is", "was", "has", "says", "said", "plays", "played");

  private final Tokens tokens;
  final List<Run> runs = new ArrayList<>();

  /** Index into {@link #runs} for each body token, or -1. */
  final int[] runOfToken;

  private final Map<String, Entity> entities = new LinkedHashMap<>();
  private final Map<String, String[]> lowerParts = new HashMap<>();
  private final Map<String, Boolean> orgNames = new HashMap<>();

  /** Key as written -> canonical keys it may stand for (one when unambiguous). */
  private final Map<String, List<String>> canonical = new HashMap<>();

  private Names(Tokens tokens) {
    this.tokens = tokens;
    this.runOfToken = new int[tokens.size];
    java.util.Arrays.fill(runOfToken, -1);
  }

  static Names of(Tokens body, Tokens title) {
    Names names = new Names(body);
    List<Run> titleRuns = new ArrayList<>();
    if (!isTitleCase(title)) {
      collect(title, titleRuns, null);
    }
    collect(body, names.runs, names.runOfToken);
    names.canonicalise(titleRuns);
    return names;
  }

  /** Headline Case titles capitalise every word, so capitals there say nothing about names. */
  private static boolean isTitleCase(Tokens t) {
    int words = 0;
    int caps = 0;
    for (int i = 0; i < t.size; i++) {
      if (t.isWord(i) && t.end[i] - t.start[i] >= 4) {
        words++;
        if (t.capitalised(i)) {
          caps++;
        }
      }
    }
    return words > 0 && caps * 10 >= words * 6;
  }

  private static void collect(Tokens t, List<Run> out, int[] runOfToken) {
    int i = 0;
    while (i < t.size) {
      if (!t.nameLike(i) || t.quote[i] >= 0 || Lexicon.isCompoundAdjective(t.lower(i))) {
        i++;
        continue;
      }
      int j = i;
      boolean possessive = isPossessive(t, j);
      while (!possessive) {
        int k = j + 1;
        if (t.nameLike(k)
            && t.quote[k] < 0
            && t.paragraph[k] == t.paragraph[i]
            && !Lexicon.isCompoundAdjective(t.lower(k))) {
          j = k;
        } else if (t.lowerCase(k)
            && Lexicon.NAME_PARTICLES.contains(t.lower(k))
            && t.capitalised(k + 1)
            && t.quote[k + 1] < 0
            && (!t.lower(k).equals("of")
                || Lexicon.ORG_WORDS.contains(t.lower(j))
                || (j == i + 1 && Lexicon.PEERAGES.contains(t.lower(i))))) {
          // "Bank of England" is one name; "Jim McGroarty of Discount Corp" is two.
          j = k + 1;
        } else if (t.lowerCase(k)
            && t.lower(k).equals("and")
            && endsInOrgWord(t, k + 1)
            && !isGivenName(t.lower(i))
            && !Lexicon.TITLES.contains(t.lower(i))) {
          j = k + 1; // "Finance and Economy Ministry", "Trade and Industry Department"
        } else if (t.isPunct(k, '&') && t.capitalised(k + 1)) {
          j = k + 1;
        } else {
          break;
        }
        possessive = isPossessive(t, j);
      }
      int first = i;
      boolean titled = false;
      if (j > i
          && (i == 0 || t.sentence[i - 1] != t.sentence[i])
          && t.word(i).length() > 5
          && t.lower(i).endsWith("ing")) {
        first++; // a participle opening the sentence: "Praising Celtic …"
      } else if (j >= i + 2
          && isGivenName(t.lower(i + 1))
          && !isGivenName(t.lower(i))
          && !Lexicon.TITLES.contains(t.lower(i))) {
        first++; // an adjective before a given name: "Defiant Matt Williams", "Songwriter Guy …"
      }
      while (first <= j) {
        String w = stripPossessive(t.lower(first));
        if (first == i && first < j && w.equals("the") && capitalTheInside(t, first)) {
          break; // "the success of The Game": a capital "The" inside a sentence is the name's
        }
        if (Lexicon.NOT_NAME_STARTERS.contains(w)
            || (Lexicon.NAME_PARTICLES.contains(w) && t.lowerCase(first))
            || (Lexicon.DEMONYMS.contains(w) && first + 1 < j)
            || (Lexicon.DATE_WORDS.contains(w) && first < j)) {
          first++;
        } else {
          break;
        }
      }
      // "Peruvian President Alan Garcia", "CFTC Commissioner William Seale": the name is what
      // follows the last title, unless what follows is an organisation ("General Motors").
      for (int k = j - 1; k >= first; k--) {
        boolean role = Lexicon.TITLES.contains(t.lower(k)) || Resolver.isPersonNoun(t.lower(k));
        if (role
            && !Lexicon.ORG_WORDS.contains(t.lower(k + 1))
            && !Lexicon.TITLES.contains(t.lower(j))
            && !Resolver.isPersonNoun(t.lower(j))) {
          titled = true;
          // "Lord Carlile", "Prince Charles": an honorific is part of the name; "Engineer" is not
          first = Lexicon.HONORIFICS.contains(t.lower(k)) ? k : k + 1;
          break;
        }
      }
      if (first <= j && !allUpperLong(t, first, j)) {
        StringBuilder key = new StringBuilder();
        for (int k = first; k <= j; k++) {
          if (key.length() > 0) {
            key.append(' ');
          }
          key.append(k == j ? stripPossessive(t.word(k)) : t.word(k));
        }
        Run run = new Run(first, j, key.toString(), titled);
        if (runOfToken != null) {
          for (int k = first; k <= j; k++) {
            runOfToken[k] = out.size();
          }
        }
        out.add(run);
      }
      i = j + 1;
    }
  }

  /**
   * True when the "The" at {@code k} is written with a capital inside a sentence, after a word or a
   * comma: a name that begins with it ({@code The Game}, {@code The Times}).
   */
  private static boolean capitalTheInside(Tokens t, int k) {
    return k > 0
        && t.sentence[k - 1] == t.sentence[k]
        && t.quote[k - 1] < 0
        && (t.isWord(k - 1) || t.isPunct(k - 1, ','));
  }

  /**
   * True when the capitalised words from {@code k} end in an organisation word ("Economy
   * Ministry").
   */
  private static boolean endsInOrgWord(Tokens t, int k) {
    int j = k;
    while (j + 1 < t.size && t.capitalised(j + 1) && t.quote[j + 1] < 0 && j < k + 4) {
      j++;
    }
    return t.capitalised(k)
        && t.quote[k] < 0
        && Lexicon.ORG_WORDS.contains(t.lower(j))
        && j > k - 1;
  }

  /** Wire titles and shouted words ("BAHIA COCOA REVIEW") are not names. */
  private static boolean allUpperLong(Tokens t, int first, int last) {
    for (int k = first; k <= last; k++) {
      if (t.end[k] - t.start[k] <= 4) {
        return false;
      }
      for (int c = t.start[k]; c < t.end[k]; c++) {
        if (Character.isLowerCase(t.text.charAt(c))) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean isPossessive(Tokens t, int i) {
    int e = t.end[i];
    if (e - t.start[i] < 3) {
      return false;
    }
    char a = t.text.charAt(e - 2);
    char b = t.text.charAt(e - 1);
    return ((a == '’' || a == '\'') && b == 's')
        || ((a == 's' || a == 'S') && (b == '’' || b == '\''));
  }

  static String stripPossessive(String w) {
    if (w.endsWith("’s") || w.endsWith("'s")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s’") || w.endsWith("s'") || w.endsWith("S’") || w.endsWith("S'")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** A mention without a trailing possessive: "Johnson’s" names Johnson. */
  static String stripPossessiveEnd(String words) {
    return stripPossessive(words);
  }

  private void canonicalise(List<Run> titleRuns) {
    List<Run> all = new ArrayList<>(titleRuns);
    all.addAll(runs);
    // Multi-word names first: a shorter form maps to the longest name it is part of.
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (Run r : all) {
      if (r.key().indexOf(' ') > 0) {
        seen.add(r.key());
      }
    }
    List<String> multi = new ArrayList<>(seen);
    java.util.Set<String> multiSet = new java.util.HashSet<>(multi);
    List<String[]> multiTokens = new ArrayList<>(multi.size());
    // Names that can extend one another share their first word: compare within those groups.
    Map<String, List<Integer>> byFirst = new HashMap<>();
    for (int o = 0; o < multi.size(); o++) {
      String[] mt = multi.get(o).split(" ");
      multiTokens.add(mt);
      byFirst.computeIfAbsent(mt[0], x -> new ArrayList<>(2)).add(o);
    }
    for (int index = 0; index < multi.size(); index++) {
      String key = multi.get(index);
      // "Defiant Matt Williams" opening a sentence is Matt Williams when the article says so.
      String m = key;
      String[] mt = multiTokens.get(index);
      int space = m.indexOf(' ');
      String tail = m.substring(space + 1);
      if (tail.indexOf(' ') > 0
          && multiSet.contains(tail)
          && !Lexicon.FEMALE_NAMES.contains(m.substring(0, space).toLowerCase(Locale.ROOT))
          && !Lexicon.MALE_NAMES.contains(m.substring(0, space).toLowerCase(Locale.ROOT))) {
        m = tail;
        mt = m.split(" ");
      }
      String best = m;
      if (multiSet.contains("The " + m)) {
        // "The Long Night was recorded …" opening a sentence is the album named "The Long Night"
        canonical.put(key, List.of("The " + m));
        continue;
      }
      boolean org = isOrgName(m);
      // an organisation's name never grows into a person's ("… Committee Peter Ainsworth MP")
      for (int o : org ? List.<Integer>of() : byFirst.getOrDefault(mt[0], List.of())) {
        String other = multi.get(o);
        if (other.length() > best.length() && extends_(multiTokens.get(o), mt)) {
          best = other;
        }
      }
      canonical.put(key, List.of(best));
    }
    // Surname -> the full names it may stand for; first word -> a company with a legal suffix.
    Map<String, List<String>> byLaterWord = new HashMap<>();
    // "Stade de France": "France" alone is that name only with a title ("Mr de Vabres")
    Map<String, List<String>> byTitledLaterWord = new HashMap<>();
    Map<String, String> companyByFirstWord = new HashMap<>();
    Map<String, List<String>> byFirstWord = new HashMap<>();
    for (int o = 0; o < multi.size(); o++) {
      String c = canonical.get(multi.get(o)).get(0);
      String[] mt = multiTokens.get(o);
      if (!isOrgName(c) && !isPlace(mt)) {
        List<String> f = byFirstWord.computeIfAbsent(mt[0], x -> new ArrayList<>(2));
        if (!f.contains(c)) {
          f.add(c);
        }
        // "Johnson" stands for "Alice Marie Johnson" because some written name ends in it; a
        // word inside a longer name ("Jones" in "Dow Jones Industrial Average") does not.
        List<String> l =
            (placeAfterParticle(mt) ? byTitledLaterWord : byLaterWord)
                .computeIfAbsent(mt[mt.length - 1], x -> new ArrayList<>(2));
        if (!l.contains(c)) {
          l.add(c);
        }
      }
      boolean suffixOnly = true;
      for (int k = 1; k < mt.length && suffixOnly; k++) {
        suffixOnly = CORPORATE.contains(mt[k].toLowerCase(Locale.ROOT));
      }
      if (suffixOnly) {
        companyByFirstWord.putIfAbsent(mt[0], c);
      }
    }
    java.util.Set<String> titledKeys = new java.util.HashSet<>();
    for (Run r : all) {
      int before = r.first() - 1;
      while (tokens.lowerCase(before) && Lexicon.NAME_PARTICLES.contains(tokens.lower(before))) {
        before--; // "Mr de Vabres"
      }
      if (r.titled() || (tokens.isWord(before) && Lexicon.TITLES.contains(tokens.lower(before)))) {
        titledKeys.add(r.key());
      }
    }
    for (Run r : all) {
      String key = r.key();
      if (canonical.containsKey(key)) {
        continue;
      }
      List<String> as = byLaterWord.get(key);
      if (as == null && titledKeys.contains(key)) {
        as = byTitledLaterWord.get(key);
      }
      if (as == null && companyByFirstWord.containsKey(key)) {
        as = List.of(companyByFirstWord.get(key)); // "Brightwave" after "Brightwave Ltd"
      }
      if (as == null && byFirstWord.containsKey(key) && byFirstWord.get(key).size() == 1) {
        as = byFirstWord.get(key); // "Kim" after "Kim Mahn-je" (family name first), when unique
      }
      canonical.put(key, as == null ? List.of(key) : List.copyOf(as));
    }
    for (int i = 0; i < all.size(); i++) {
      Run r = all.get(i);
      boolean inBody = i >= titleRuns.size();
      List<String> cs = canonical.get(r.key());
      for (String c : cs) {
        Entity e = entities.computeIfAbsent(c, Entity::new);
        e.count++;
        observe(e, r, inBody && cs.size() == 1);
      }
    }
  }

  /**
   * Draws an entity's conclusions (organisation, company, gender, person) from the evidence {@link
   * #canonicalise} gathered. Done on first use: rules ask about a few entities per article.
   */
  private Entity settle(Entity e) {
    if (e == null || e.settled) {
      return e;
    }
    e.settled = true;
    String[] parts = lowerParts(e.name);
    String firstLower = parts[0];
    e.org |= isOrgName(e.name);
    for (String part : parts) {
      e.company |= CORPORATE.contains(part);
    }
    if (e.gender == UNKNOWN && parts.length > 1) {
      e.gender = genderOfFirstName(firstLower);
    }
    // a given name outweighs a place-like last word: "Lena Park" is a woman, "Hyde Park" a place
    // "The Aviator", "The Times": a name opening with "The" is a person only when the article shows
    e.person |=
        !e.org
            && (e.gender != UNKNOWN || (parts.length > 1 && !isPlace(parts)))
            && !Lexicon.NON_PERSON_NAMES.contains(firstLower)
            && (!firstLower.equals("the") || e.evidenced);
    boolean onlyRoles = true;
    for (String part : parts) {
      onlyRoles &= Lexicon.isRole(part) || Lexicon.DEMONYMS.contains(part);
    }
    if (e.org || e.company || onlyRoles) {
      e.person = false; // "Chief Secretary", "Prime Minister" name an office, not a person
    }
    return e;
  }

  private static boolean isGivenName(String w) {
    return Lexicon.FEMALE_NAMES.contains(w) || Lexicon.MALE_NAMES.contains(w);
  }

  private static byte genderOfFirstName(String w) {
    boolean f = Lexicon.FEMALE_NAMES.contains(w);
    boolean m = Lexicon.MALE_NAMES.contains(w);
    return f == m ? UNKNOWN : f ? FEMALE : MALE;
  }

  /** {@code longer} is {@code shorter} with words added: same first word, same order. */
  private static boolean extends_(String[] longer, String[] shorter) {
    if (!longer[0].equals(shorter[0])) {
      return false;
    }
    int k = 0;
    for (String w : longer) {
      if (k < shorter.length && w.equals(shorter[k])) {
        k++;
      }
    }
    return k == shorter.length;
  }

  /**
   * True when the last word of a name follows a particle and may be no surname: {@code Lord
   * Nicholls of Birkenhead}, {@code Stade de France}, {@code Renaud Donnedieu de Vabres}; {@code
   * Mark de Souza} (a given name first) is a person's.
   */
  private static boolean placeAfterParticle(String[] parts) {
    if (parts.length < 3) {
      return false;
    }
    String particle = parts[parts.length - 2];
    if (!Lexicon.NAME_PARTICLES.contains(particle)) {
      return false;
    }
    return particle.equals("of") || !isGivenName(parts[0].toLowerCase(Locale.ROOT));
  }

  /** "South Korea", "New York", "Hong Kong", "Gulf of Mexico": places, never people. */
  private static boolean isPlace(String[] parts) {
    String first = parts[0].toLowerCase(Locale.ROOT);
    String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
    return Lexicon.PLACE_FIRST_WORDS.contains(first) || Lexicon.PLACE_LAST_WORDS.contains(last);
  }

  private boolean isOrgName(String name) {
    // asked up to three times per name while canonicalising; the answer is kept
    Boolean known = orgNames.get(name);
    if (known == null) {
      known = isOrgNameUncached(name);
      orgNames.put(name, known);
    }
    return known;
  }

  private boolean isOrgNameUncached(String name) {
    for (String w : lowerParts(name)) {
      if (Lexicon.ORG_WORDS.contains(w)) {
        return true;
      }
    }
    return hasAcronym(name);
  }

  /**
   * "BBC Scotland", "NAWG": a word in capitals (not an initial or a Roman numeral) is an
   * organisation.
   */
  private static boolean hasAcronym(String name) {
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == ' ') {
        int len = i - start;
        boolean caps = len >= 2 && len <= 6;
        for (int c = start; c < i && caps; c++) {
          caps = Character.isUpperCase(name.charAt(c)) || name.charAt(c) == '&';
        }
        boolean roman = true;
        for (int c = start; c < i && roman; c++) {
          roman = "IVX".indexOf(name.charAt(c)) >= 0;
        }
        if (caps && !roman) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** A name's words in lower case, split once per name. */
  private String[] lowerParts(String name) {
    return lowerParts.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT).split(" "));
  }

  private void observe(Entity e, Run r, boolean inBody) {
    if (!inBody) {
      return;
    }
    if (r.titled()) {
      String title =
          tokens.lower(
              Lexicon.HONORIFICS.contains(tokens.lower(r.first())) ? r.first() : r.first() - 1);
      e.person = true;
      e.evidenced = true;
      if (Lexicon.FEMALE_TITLES.contains(title)) {
        e.gender = FEMALE;
      } else if (Lexicon.MALE_TITLES.contains(title)) {
        e.gender = MALE;
      }
    }
    int role = r.first() - 1;
    if (tokens.isPunct(role, ',')) {
      role--;
    }
    if (tokens.lowerCase(role)
        && Resolver.isPersonNoun(tokens.lower(role))
        && !Lexicon.SPOKES.contains(tokens.lower(role))) {
      // "the crew chief, Lena Park", "peer Lord Carlile": a person by what they are
      e.person = true;
      e.evidenced = true;
    }
    int after = r.last() + 1;
    int who = tokens.isPunct(after, ',') ? after + 1 : after;
    boolean noun = tokens.lowerCase(r.first() - 1) && tokens.lower(r.first() - 1).equals("the");
    if (!noun
        && tokens.lowerCase(who)
        && tokens.lower(who).equals("who")
        && tokens.lowerCase(who + 1)
        && SINGULAR_AFTER_WHO.contains(tokens.lower(who + 1))) {
      // "The Game, who has become …": one person; "Korn, who are known …" is a band, and in "the
      // Moroccan, who has …" the name is a noun
      e.person = true;
      e.evidenced = true;
    }
    if (!noun
        && tokens.isPunct(after, ',')
        && tokens.lowerCase(who)
        && tokens.lower(who).equals("which")
        && !e.evidenced) {
      // "Reporters Without Borders, which tracks press freedom": a body, not a person
      e.org = true;
    }
    if (tokens.isWord(after) && Lexicon.COMPANY_CONTEXT.contains(tokens.lower(after))) {
      e.company = true;
    }
    if (tokens.isPunct(after, '<')) {
      e.company = true; // wire copy puts the ticker after a company: "McDonalds Corp <MCD>"
    }
    int before = r.first() - 1;
    if (tokens.isWord(before) && tokens.lower(before).equals("by") && tokens.isWord(before - 1)) {
      String verb = tokens.lower(before - 1);
      if (verb.equals("produced")
          || verb.equals("owned")
          || verb.equals("published")
          || verb.equals("made")) {
        e.company = true;
      }
    }
  }

  /** True when {@code name} reads as a place ("South Korea", "New York"). */
  boolean isPlace(String name) {
    return isPlace(lowerParts(name));
  }

  /** True when every word of {@code name} is a title, role or nationality ("Prime Minister"). */
  static boolean isOnlyRoles(String name) {
    for (String w : name.toLowerCase(Locale.ROOT).split(" ")) {
      if (!Lexicon.isRole(w) && !Lexicon.DEMONYMS.contains(w)) {
        return false;
      }
    }
    return true;
  }

  /** Token of the first body mention of the entity {@code name}, or -1. */
  int firstMention(String name) {
    for (Run r : runs) {
      if (canonicalOf(r).equals(name)) {
        return r.first();
      }
    }
    return -1;
  }

  /**
   * Token of the last body mention of the entity {@code name} before token {@code before}, or -1.
   */
  int lastMentionBefore(String name, int before) {
    int found = -1;
    for (Run r : runs) {
      if (r.first() >= before) {
        break;
      }
      if (canonicalOf(r).equals(name)) {
        found = r.first();
      }
    }
    return found;
  }

  /**
   * The organisation named last before token {@code before} whose name holds {@code noun} as a word
   * ({@code the ministry} -> {@code Finance and Economy Ministry}), or null.
   */
  String lastNameContaining(String noun, int before) {
    String found = null;
    for (Run r : runs) {
      if (r.first() >= before) {
        break;
      }
      String name = canonicalOf(r);
      for (String part : lowerParts(name)) {
        if (part.equals(noun) && name.indexOf(' ') > 0) {
          found = name;
        }
      }
    }
    return found;
  }

  /**
   * The one person entity the article describes with {@code noun} before token {@code before}: as a
   * title before the name ({@code Producer Kevin Wallace}, {@code England coach Andy Robinson}) or
   * in apposition ({@code Matthew Warchus, the director,}); null when none or several are.
   */
  Entity onlyPersonDescribedAs(String noun, int before) {
    Entity found = null;
    for (Run r : runs) {
      if (r.first() >= before) {
        break;
      }
      if (!describedAs(r, noun)) {
        continue;
      }
      Entity e = entity(canonicalOf(r));
      if (e == null || !e.person) {
        continue;
      }
      if (found != null && found != e) {
        return null;
      }
      found = e;
    }
    return found;
  }

  private boolean describedAs(Run r, String noun) {
    for (int k = r.first() - 1; k >= 0 && k >= r.first() - 4 && tokens.isWord(k); k--) {
      if (tokens.lower(k).equals(noun)) {
        return true;
      }
    }
    int after = r.last() + 1;
    if (tokens.isPunct(after, ',')) {
      for (int k = after + 1; k < tokens.size && k <= after + 6 && tokens.isWord(k); k++) {
        if (tokens.lower(k).equals(noun)) {
          return tokens.isPunct(k + 1, ',')
              || tokens.isPunct(k + 1, '.')
              || !tokens.isWord(k + 1)
              || tokens.lowerCase(k + 1);
        }
      }
    }
    return false;
  }

  /** True when the run names an organisation as far as the article shows. */
  boolean isOrganisation(Run run) {
    Entity e = entity(canonicalOf(run));
    return e != null && (e.org || e.company);
  }

  /** The run covering body token {@code t}, or null. */
  Run runAt(int t) {
    return t >= 0 && t < runOfToken.length && runOfToken[t] >= 0 ? runs.get(runOfToken[t]) : null;
  }

  /**
   * The canonical name for a run; when a surname fits more than one full name, the one mentioned
   * most recently before the run wins, and with none mentioned the surname stays as written.
   */
  String canonicalOf(Run run) {
    List<String> cs = canonical.getOrDefault(run.key(), List.of(run.key()));
    if (cs.size() == 1) {
      return cs.get(0);
    }
    for (int i = runOfToken[run.first()] - 1; i >= 0; i--) {
      List<String> prior = canonical.get(runs.get(i).key());
      if (prior != null && prior.size() == 1 && cs.contains(prior.get(0))) {
        return prior.get(0);
      }
    }
    return run.key();
  }

  Entity entity(String canonicalName) {
    return settle(entities.get(canonicalName));
  }

  /**
   * The company the article is mostly about ({@code the company}), or null when none is evident.
   */
  String mainCompany() {
    Entity best = null;
    for (Entity e : entities.values()) {
      settle(e);
      if (e.company && (best == null || e.count > best.count)) {
        best = e;
      }
    }
    return best == null ? null : best.name;
  }

  /**
   * What a work noun refers to ({@code the video} -> {@code Mic} from "the Mic video" or "a video
   * produced by Mic"), or null.
   */
  String ownerOfWork(String noun, int beforeToken) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (Run r : runs) {
      if (r.first() >= beforeToken) {
        break;
      }
      int after = r.last() + 1;
      boolean owner = tokens.isWord(after) && tokens.lower(after).equals(noun);
      int n = r.first() - 1;
      if (!owner && tokens.isWord(n) && tokens.lower(n).equals("by")) {
        for (int k = n - 1; k >= Math.max(0, n - 4); k--) {
          if (tokens.isWord(k) && tokens.lower(k).equals(noun)) {
            owner = true;
            break;
          }
        }
      }
      if (owner) {
        votes.merge(canonicalOf(r), 1, Integer::sum);
      }
    }
    String best = null;
    for (Map.Entry<String, Integer> v : votes.entrySet()) {
      if (best == null || v.getValue() > votes.get(best)) {
        best = v.getKey();
      }
    }
    return best;
  }
}
