package shop.kefu.common;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every string a JSON request body binds to (records, fields, lists) is checked as it is read: one
 * carrying U+0000 makes the body unreadable ({@link StorableText}), answered 400 by
 * {@link ApiExceptionMappers}. Trees read with {@code readTree} (the WebSocket frames) are checked by their parsers.
 */
@Singleton
public class StorableTextJson implements ObjectMapperCustomizer {

    /**
     * A string in a request body that the database could not store. A mismatched input, because Quarkus
     * REST hands those to the exception mappers; other databind errors become a bare 400.
     */
    public static class UnstorableText extends MismatchedInputException {
        UnstorableText(JsonParser p) {
            super(p, "A string contains the character U+0000.", String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new Checked()));
    }

    static final class Checked extends StdScalarDeserializer<String> {
        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (!StorableText.storable(s)) {
                throw new UnstorableText(p);
            }
            return s;
        }
    }
}
