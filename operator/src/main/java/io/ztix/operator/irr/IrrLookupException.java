package io.ztix.operator.irr;

/** A lookup that gave no usable answer (server down, slow, an error, an unknown set): the previous lists stay. */
public class IrrLookupException extends Exception {

    public IrrLookupException(String message) {
        super(message);
    }
}
