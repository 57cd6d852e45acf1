package io.ztix.operator.bird;

/**
 * The templates could not render a configuration whose input passed validation (for example a template reads a
 * property its view does not have). Like an {@link IllegalArgumentException} from the renderer, it means "this
 * configuration cannot be built": the caller reports it and keeps what runs.
 */
public final class BirdRenderException extends RuntimeException {

    BirdRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
