package dev.cachet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a time as an ISO-8601 instant ({@code 2030-01-01T00:00:00Z}) or a date, meaning midnight UTC. */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time; expected 2030-01-01T00:00:00Z "
                    + "or 2030-01-01");
        }
    }
}
