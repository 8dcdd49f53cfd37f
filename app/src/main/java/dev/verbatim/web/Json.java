package dev.verbatim.web;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.verbatim.quotes.Quote;
import dev.verbatim.search.SearchRequest;
import dev.verbatim.search.SearchResult;
import java.io.IOException;
import java.util.function.Function;

/**
 * The one JSON configuration shared by the API and the CLI's {@code --json} output. Thread-safe.
 *
 * <p>Enums are written as their labels ({@code quote}, {@code partial}), and a {@link
 * SearchResult.Hit}, a class with a builder rather than a record, by its fields in declaration
 * order, which are the API's names.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .registerModule(
              new SimpleModule("verbatim")
                  .addSerializer(label(SearchRequest.Type.class, SearchRequest.Type::label))
                  .addSerializer(label(Quote.Kind.class, Quote.Kind::label))
                  .setMixInAnnotation(SearchResult.Hit.class, ByFields.class));

  /** Serialise by fields, whatever their visibility, and nothing else. */
  @JsonAutoDetect(
      fieldVisibility = JsonAutoDetect.Visibility.ANY,
      getterVisibility = JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = JsonAutoDetect.Visibility.NONE)
  private interface ByFields {}

  private Json() {}

  private static <E extends Enum<E>> StdSerializer<E> label(
      Class<E> type, Function<E, String> label) {
    return new StdSerializer<>(type) {
      @Override
      public void serialize(E value, JsonGenerator out, SerializerProvider provider)
          throws IOException {
        out.writeString(label.apply(value));
      }
    };
  }

  /** The mapper; thread-safe once configured, as here. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as one line of JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
    }
  }
}
