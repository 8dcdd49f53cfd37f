package dev.verbatim.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns file bytes into text. A byte-order mark wins, then a charset the file declares, then UTF-8
 * when the bytes are valid UTF-8; otherwise the encoding is guessed from the bytes.
 */
final class TextDecoding {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  static String decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * Decodes {@code bytes}, honouring {@code declared} (a charset name from the file itself, e.g. an
   * HTML {@code <meta charset>}) unless a byte-order mark says otherwise or the name is unknown.
   */
  static String decode(byte[] bytes, String declared) {
    if (hasUtf8Bom(bytes)) {
      return strictUtf8(bytes, 3).orElseGet(() -> guessed(bytes, 3));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset charset = charset(declared);
    // Pages often declare ISO-8859-1 while being UTF-8 or Windows-1252; valid UTF-8 is the better
    // bet.
    if (charset != null
        && charset != StandardCharsets.ISO_8859_1
        && !charset.equals(WINDOWS_1252)) {
      return new String(bytes, charset);
    }
    return strictUtf8(bytes, 0).orElseGet(() -> guessed(bytes, 0));
  }

  /** The charset named {@code name}, or null when there is none or Java does not know it. */
  static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
      return null;
    }
  }

  private static java.util.Optional<String> strictUtf8(byte[] bytes, int start) {
    try {
      return java.util.Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Invalid UTF-8: a file with many well-formed multi-byte sequences and a few broken ones is UTF-8
   * with damage (replacement characters keep the rest readable); one without is a legacy 8-bit
   * file, read as Windows-1252 (the superset of Latin-1 that news software actually wrote).
   */
  private static String guessed(byte[] bytes, int start) {
    int valid = 0;
    int invalid = 0;
    int i = start;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length =
          b < 0x80
              ? 1
              : b >= 0xC2 && b <= 0xDF
                  ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length == 1) {
        i++;
        continue;
      }
      if (length == 0 || !continues(bytes, i + 1, length - 1)) {
        invalid++;
        i++;
        continue;
      }
      valid++;
      i += length;
    }
    if (valid > 0 && valid >= 4 * invalid) {
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
    return new String(bytes, start, bytes.length - start, WINDOWS_1252);
  }

  private static boolean continues(byte[] bytes, int from, int count) {
    if (from + count > bytes.length) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if ((bytes[k] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
