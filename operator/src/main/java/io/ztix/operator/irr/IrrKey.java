package io.ztix.operator.irr;

import java.util.List;

/** What one set of lists is: these objects expanded at this server with these sources (shared by route servers). */
public record IrrKey(IrrServer server, List<String> objects) {

    public IrrKey {
        objects = List.copyOf(objects);
    }
}
