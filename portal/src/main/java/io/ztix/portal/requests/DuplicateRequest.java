package io.ztix.portal.requests;

/** A JoinRequest for the same (network, ASN, node) exists already. */
public class DuplicateRequest extends RuntimeException {

    private final String existingName;

    public DuplicateRequest(String existingName) {
        super("a request named " + existingName + " exists already");
        this.existingName = existingName;
    }

    public String existingName() {
        return existingName;
    }
}
