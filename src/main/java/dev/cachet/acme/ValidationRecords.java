package dev.cachet.acme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachet.validation.ValidationRecord;
import java.util.List;

/** Validation records as JSON text, kept with the challenge and shown in it (as Boulder does). */
final class ValidationRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidationRecords() {
    }

    static String toJson(List<ValidationRecord> records) {
        try {
            return JSON.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
