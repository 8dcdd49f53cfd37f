package dev.verbatim.index;

import dev.verbatim.index.schema.Schema;
import dev.verbatim.index.spi.IndexTarget;
import dev.verbatim.quotes.match.QuoteMatch;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.util.BytesRef;

/**
 * Gives each quote the key of its group, {@link Schema#FINGERPRINT}: printings of one quotation
 * that differ by a small edit share it, so every search feature that groups on that field (one
 * result per quote, the distinct count, sources, {@code /api/quotes/{id}}) sees them as one.
 *
 * <p>The rule. Two quotations are compared on {@link QuoteMatch#comparedWords}: case, punctuation
 * (so ellipses, and a dash against a comma), quote marks and whitespace do not count, and
 * square-bracketed insertions ({@code [Trump]}) are left out. Quotes of six words or more are the
 * same quotation when one word is changed, added or dropped ({@link QuoteMatch#sameQuotation})
 * unless that word has a digit; shorter ones must be equal. A quote joins the group of an earlier
 * quote it is the same quotation as; earlier means from an earlier indexing run (looked up in the
 * last commit), else earlier in this run. A quote joining nothing starts a group whose key is a
 * hash of its own words, so a quote printed once keeps the same key, and id, across rebuilds.
 * Groups chain: C joins B's group when it is one word from B, even when two from the first member.
 *
 * <p>Groups merge, so the grouping is the connected components of the rule whatever the file order
 * or the number of workers. When B and C (two words apart) start two groups and A, one word from
 * each, comes later, A matches both: it takes the smallest of the keys it matched and records the
 * others as merged into it, in {@link Schema#MERGES} on A's own document. Searching joins the keys
 * linked by live documents' merges, so deleting A's article splits B and C again. Deleting the
 * quote that started a group splits nothing: the quotes that joined it keep its key.
 *
 * <p>How candidates are found. One edit leaves the first or the last half of the words untouched,
 * so each quote of six words or more is filed under two 64-bit keys, a hash of its first {@code k}
 * and of its last {@code k} words with {@code k = (n - 1) / 2}, and looks up the keys of the
 * lengths {@code n - 1}, {@code n} and {@code n + 1}; candidates are then checked word by word. In
 * the index the keys are {@link Schema#NEAR_KEY} terms (looked up through the {@link IndexTarget})
 * and the words are those of the quote's stored {@link Schema#TEXT}; within a run they sit in one
 * map shared by the workers, holding per distinct quote two keys, a 32-bit hash per word and the
 * group's 64-bit key (about 150 bytes for a 20-word quote). Checking and filing happen under one
 * lock, so two variants indexed at the same moment by two workers still end in one group.
 *
 * <p>Thread-safe.
 */
final class QuoteGrouper implements Closeable {
  /** Shorter quotes group only with equal ones. */
  static final int MIN_WORDS = 6;

  /** Candidates checked per key; a key shared by more quotes is a common opening, not a variant. */
  private static final int MAX_CANDIDATES = 64;

  /**
   * What a quote document carries about its group: its key, its near keys, and the keys of other
   * groups it matched too, which are therefore one with {@code key}.
   */
  record Group(String key, List<BytesRef> nearKeys, List<String> merges) {}

  // What earlier runs filed; null for a grouper that knows only this run.
  private final IndexTarget committed;

  // In-run members: words[wordStart[m] .. wordStart[m + 1]) and group[m]. Each filed key is an
  // entry m * 2 + side; lastEntry maps a key to its newest entry and nextEntry chains older ones.
  private final LongIntHashMap lastEntry = new LongIntHashMap();
  private int[] nextEntry = new int[512];
  private int[] wordStart = new int[257];
  private int[] words = new int[4096];
  private long[] group = new long[256];
  private int members;

  private QuoteGrouper(IndexTarget committed) {
    this.committed = committed;
  }

  /** A grouper for a new index, or a rebuild that ignores what was there. */
  static QuoteGrouper fresh() {
    return new QuoteGrouper(null);
  }

  /** A grouper that also joins the groups of what {@code target}'s last finished run stored. */
  static QuoteGrouper over(IndexTarget target) {
    return new QuoteGrouper(target);
  }

  /** The group of a quote whose text, as printed, is {@code quoteText}. */
  Group assign(String quoteText) throws IOException {
    String compared = QuoteMatch.comparedWords(quoteText);
    int[] own = wordHashes(compared);
    if (own.length < MIN_WORDS) {
      return new Group(hex(ownKey(compared)), List.of(), List.of());
    }
    long[] filed = keys(own, (own.length - 1) / 2);
    long[] wanted = lookupKeys(own);
    Matches matched = new Matches();
    committedGroups(compared, wanted, matched);
    long key;
    synchronized (this) {
      boolean filedAlready = inRunGroups(own, wanted, matched);
      key = matched.size == 0 ? ownKey(compared) : matched.smallest();
      // A quote joining an earlier run's group is filed too, so this run's variants of it join.
      if (!filedAlready) {
        file(own, key);
      }
    }
    List<BytesRef> nearKeys = new ArrayList<>(2);
    for (long k : filed) {
      nearKeys.add(bytes(k));
    }
    return new Group(hex(key), nearKeys, matched.othersThan(key));
  }

  /** Adds the groups of matching quotes of an earlier run to {@code matched}. */
  private void committedGroups(String compared, long[] wanted, Matches matched) throws IOException {
    if (committed == null) {
      return;
    }
    List<BytesRef> keys = new ArrayList<>(wanted.length);
    for (long k : wanted) {
      keys.add(bytes(k));
    }
    for (Document d : committed.nearQuotes(keys, MAX_CANDIDATES)) {
      // Indexes up to issue 7 also stored these words as quote_words; the text gives the same.
      String text = d.get(Schema.TEXT);
      String key = d.get(Schema.FINGERPRINT);
      if (text != null
          && key != null
          && QuoteMatch.sameQuotation(QuoteMatch.comparedWords(text), compared)) {
        matched.add(Long.parseUnsignedLong(key, 16));
      }
    }
  }

  /**
   * Adds the groups of matching quotes filed earlier in this run to {@code matched}; true when the
   * same words are filed already, so there is nothing to add.
   */
  private boolean inRunGroups(int[] own, long[] wanted, Matches matched) {
    boolean same = false;
    for (long k : wanted) {
      int entry = lastEntry.getOrDefault(k, -1);
      for (int seen = 0; entry >= 0 && seen < MAX_CANDIDATES; seen++, entry = nextEntry[entry]) {
        int m = entry / 2;
        int edits = wordEdits(own, words, wordStart[m], wordStart[m + 1]);
        if (edits <= 1) {
          matched.add(group[m]);
          same |= edits == 0;
        }
      }
    }
    return same;
  }

  /** The distinct group keys one quote matched; nearly always none or one. */
  private static final class Matches {
    private long[] keys = new long[2];
    private int size;

    void add(long key) {
      for (int i = 0; i < size; i++) {
        if (keys[i] == key) {
          return;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size++] = key;
    }

    long smallest() {
      long min = keys[0];
      for (int i = 1; i < size; i++) {
        if (Long.compareUnsigned(keys[i], min) < 0) {
          min = keys[i];
        }
      }
      return min;
    }

    List<String> othersThan(long key) {
      if (size <= 1) {
        return List.of();
      }
      List<String> others = new ArrayList<>(size - 1);
      for (int i = 0; i < size; i++) {
        if (keys[i] != key) {
          others.add(hex(keys[i]));
        }
      }
      return others;
    }
  }

  private long file(int[] own, long key) {
    int m = members++;
    if (m == group.length) {
      group = Arrays.copyOf(group, m * 2);
      wordStart = Arrays.copyOf(wordStart, m * 2 + 1);
      nextEntry = Arrays.copyOf(nextEntry, m * 4);
    }
    int start = wordStart[m];
    if (start + own.length > words.length) {
      words = Arrays.copyOf(words, Math.max(words.length * 2, start + own.length));
    }
    System.arraycopy(own, 0, words, start, own.length);
    wordStart[m + 1] = start + own.length;
    group[m] = key;
    long[] filed = keys(own, (own.length - 1) / 2);
    for (int side = 0; side < 2; side++) {
      int entry = m * 2 + side;
      nextEntry[entry] = lastEntry.getOrDefault(filed[side], -1);
      lastEntry.put(filed[side], entry);
    }
    return key;
  }

  /** Keys filed by quotes one word shorter, of the same length, or one word longer. */
  private static long[] lookupKeys(int[] own) {
    int n = own.length;
    int shorter = (n - 2) / 2;
    int same = (n - 1) / 2;
    int longer = n / 2;
    long[] a = keys(own, same);
    long[] b = keys(own, shorter == same ? longer : shorter);
    return new long[] {a[0], a[1], b[0], b[1]};
  }

  /** The hashes of the first and of the last {@code k} words. */
  private static long[] keys(int[] own, int k) {
    long head = 0x51ED27A1L + k;
    long tail = 0x7A11C0DEL + k;
    for (int i = 0; i < k; i++) {
      head = mix(head ^ own[i]);
      tail = mix(tail ^ own[own.length - k + i]);
    }
    return new long[] {head, tail};
  }

  private static long mix(long h) {
    h *= 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /**
   * Word edits between {@code x} and {@code words[from, to)}, capped at 2; 2 when a number differs.
   */
  private static int wordEdits(int[] x, int[] words, int from, int to) {
    int ny = to - from;
    if (Math.abs(x.length - ny) > 1) {
      return 2;
    }
    int i = 0;
    while (i < x.length && i < ny && x[i] == words[from + i]) {
      i++;
    }
    int j = 0;
    while (j < x.length - i && j < ny - i && x[x.length - 1 - j] == words[to - 1 - j]) {
      j++;
    }
    int restX = x.length - i - j;
    int restY = ny - i - j;
    // Odd hashes are words with a digit, which must not differ (see QuoteMatch.sameQuotation).
    if ((restX > 0 && (x[i] & 1) != 0) || (restY > 0 && (words[from + i] & 1) != 0)) {
      return 2;
    }
    return Math.min(2, Math.max(restX, restY));
  }

  /**
   * Per word of {@code compared} (as {@code compared.split(" ")} cuts it), its {@code hashCode}
   * shifted left with the low bit set when it has a digit; one pass, no word strings.
   */
  static int[] wordHashes(String compared) {
    if (compared.isEmpty()) {
      return new int[0];
    }
    int[] hashes = new int[16];
    int count = 0;
    // Words up to the last non-empty one: split drops trailing empty strings.
    int kept = 0;
    int hash = 0;
    boolean digit = false;
    for (int i = 0; i <= compared.length(); i++) {
      char c = i < compared.length() ? compared.charAt(i) : ' ';
      if (c != ' ') {
        hash = 31 * hash + c;
        digit |= Character.isDigit(c);
        continue;
      }
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      boolean empty = i == 0 || compared.charAt(i - 1) == ' ';
      hashes[count++] = (hash << 1) | (digit ? 1 : 0);
      if (!empty) {
        kept = count;
      }
      hash = 0;
      digit = false;
    }
    return Arrays.copyOf(hashes, kept);
  }

  /** The key of a group this quote starts: 64 bits of the SHA-256 of its compared words. */
  private static long ownKey(String compared) {
    byte[] hash = Schema.sha256(compared);
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = (key << 8) | (hash[i] & 0xFF);
    }
    return key;
  }

  private static String hex(long key) {
    return java.util.HexFormat.of().toHexDigits(key);
  }

  private static BytesRef bytes(long key) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (key >>> (56 - 8 * i));
    }
    return new BytesRef(b);
  }

  /** Nothing to release: the target that answers for earlier runs is closed by its owner. */
  @Override
  public void close() {}
}
