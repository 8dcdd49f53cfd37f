package dev.verbatim.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns file bytes into text: UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
final class TextDecoding {
  private static final Charset FALLBACK = Charset.forName("windows-1252");

  private TextDecoding() {}

  static String decode(byte[] bytes) {
    int start = hasUtf8Bom(bytes) ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException notUtf8) {
      // Legacy news files are mostly Latin-1/Windows-1252; its superset decodes every byte.
      return new String(bytes, FALLBACK);
    }
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
