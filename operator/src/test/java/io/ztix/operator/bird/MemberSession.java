package io.ztix.operator.bird;

/** A member router's BGP session to the route server, for the tests that run a member BIRD next to it. */
final class MemberSession {

    private MemberSession() {
    }

    /** {@code protocol bgp name} from {@code local} AS {@code memberAsn} to {@code neighbor} AS {@code rsAsn}, exporting all. */
    static String bgp(String name, String local, long memberAsn, String neighbor, long rsAsn, String family) {
        return "protocol bgp " + name + " {\n"
                + "  local " + local + " as " + memberAsn + ";\n"
                + "  neighbor " + neighbor + " as " + rsAsn + ";\n"
                + "  local role rs_client;\n"
                + "  connect delay time 1;\n  connect retry time 2;\n  error wait time 1, 5;\n"
                + "  " + family + " { import none; export all; };\n"
                + "}\n\n";
    }
}
