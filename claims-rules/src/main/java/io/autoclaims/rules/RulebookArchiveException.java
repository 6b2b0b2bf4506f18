package io.autoclaims.rules;

import io.autoclaims.model.ClaimsException;
import java.io.Serial;
import java.util.Objects;

/**
 * A {@link RulebookArchive} could not store a rulebook (the folder cannot be written), or refused an
 * entry it was asked to load: its files or manifest were changed or damaged since they were stored,
 * so it is not the rulebook its fingerprint names. The message says which, in English
 * ({@link #getMessage()}) and Chinese ({@link #messageZh()}).
 */
public final class RulebookArchiveException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The fingerprint of the entry concerned. */
    private final String fingerprint;
    /** The message in Chinese. */
    private final String messageZh;

    /**
     * The exception for one entry of an archive.
     *
     * @param fingerprint the fingerprint of the entry
     * @param message     what went wrong and what to do, in English
     * @param messageZh   the same in Chinese
     * @param cause       the failure underneath (an {@link java.io.IOException}, a {@link RulebookException}), or null
     */
    RulebookArchiveException(String fingerprint, String message, String messageZh, Throwable cause) {
        super(message, cause);
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
    }

    /**
     * The entry concerned.
     *
     * @return the fingerprint of the rulebook that was being stored or loaded
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The message in Chinese.
     *
     * @return what went wrong and what to do, in Chinese
     */
    public String messageZh() {
        return messageZh;
    }
}
