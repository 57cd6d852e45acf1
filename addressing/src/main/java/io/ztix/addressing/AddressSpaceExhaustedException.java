package io.ztix.addressing;

/** No never-used address (or sequence number) is left in a peering LAN. */
public class AddressSpaceExhaustedException extends IllegalStateException {

    public AddressSpaceExhaustedException(String message) {
        super(message);
    }
}
