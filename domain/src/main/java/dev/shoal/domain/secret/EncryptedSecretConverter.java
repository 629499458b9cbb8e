package dev.shoal.domain.secret;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A column holding a secret: encrypted on its way to the database, opened on its way back. */
@Converter
public class EncryptedSecretConverter implements AttributeConverter<String, String> {

    private final SecretCipher cipher;

    public EncryptedSecretConverter(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secret == null ? null : cipher.encrypt(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
