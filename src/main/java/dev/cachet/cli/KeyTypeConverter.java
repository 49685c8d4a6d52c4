package dev.cachet.cli;

import dev.cachet.crypto.KeyType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a key type by its command-line name, listing the valid names when it is unknown. */
final class KeyTypeConverter implements ITypeConverter<KeyType> {
    @Override
    public KeyType convert(String value) {
        return KeyType.fromId(value).orElseThrow(() -> new TypeConversionException(
                "unknown key type '" + value + "' (choose one of: " + KeyType.ids() + ")"));
    }
}
