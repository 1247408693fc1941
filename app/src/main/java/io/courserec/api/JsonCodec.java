package io.courserec.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.courserec.catalog.EventType;
import io.courserec.catalog.Level;
import io.javalin.json.JavalinJackson;
import java.io.IOException;

/**
 * The one JSON configuration of the API (Jackson 2): property names in {@code snake_case} (records' camelCase
 * components become {@code course_id}, {@code model_version}, ...), instants as ISO-8601 strings, {@link Level}
 * and {@link EventType} as their lower-case codes; request bodies with duplicate keys or trailing content are
 * rejected. Map keys (signal
 * names, metric names) are written as they are.
 */
public final class JsonCodec {
  private JsonCodec() {}

  /** A new mapper with the API's settings. */
  public static ObjectMapper mapper() {
    SimpleModule codes = new SimpleModule("courserec-codes");
    codes.addSerializer(Level.class, new CodeSerializer<>(Level.class) {
      @Override String code(Level v) { return v.code(); }
    });
    codes.addSerializer(EventType.class, new CodeSerializer<>(EventType.class) {
      @Override String code(EventType v) { return v.code(); }
    });
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(codes)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  /** The same mapper wrapped for Javalin's {@code ctx.json(...)}. */
  static JavalinJackson javalinMapper(ObjectMapper mapper) {
    return new JavalinJackson(mapper, false);
  }

  /** Writes an enum as its code. */
  private abstract static class CodeSerializer<T> extends StdSerializer<T> {
    CodeSerializer(Class<T> type) { super(type); }

    abstract String code(T value);

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(code(value));
    }
  }
}
