package dev.cachet.cli;

import dev.cachet.verify.Purpose;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a verification purpose by its command-line name, listing the valid names when it is unknown. */
final class PurposeConverter implements ITypeConverter<Purpose> {
    @Override
    public Purpose convert(String value) {
        return Purpose.fromId(value).orElseThrow(() -> new TypeConversionException(
                "unknown purpose '" + value + "' (choose one of: " + Purpose.ids() + ")"));
    }
}
