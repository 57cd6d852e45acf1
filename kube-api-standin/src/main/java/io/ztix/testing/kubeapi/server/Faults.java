package io.ztix.testing.kubeapi.server;

import io.fabric8.mockwebserver.http.MockResponse;
import io.ztix.testing.kubeapi.Identity;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Calls that fail as an API server in trouble answers them (etcd timing out, an overloaded server, RBAC or an
 * admission webhook refusing): a rule names a method, a path pattern (matched against the whole path without its
 * query), optionally the caller, and the status code to answer, for a number of calls or until it is removed.
 * A failed call changes nothing in the store; it is still in the request log. Rules are checked in the order
 * they were added; the first that matches answers.
 */
public final class Faults {

    /** Answer {@code code} to {@code method path} (a regular expression); build with {@link #from} and {@link #times}. */
    public record Rule(String method, Pattern path, int code, Identity caller, int times) {

        public Rule {
            if (!List.of(403, 409, 429, 500, 503, 504).contains(code)) {
                throw new IllegalArgumentException("a fault answers 403, 409, 429, 500, 503 or 504, not " + code);
            }
        }

        public Rule(String method, String pathPattern, int code) {
            this(method, Pattern.compile(pathPattern), code, null, 0);
        }

        /** Only calls of this caller fail (others go through). */
        public Rule from(Identity who) {
            return new Rule(method, path, code, who, times);
        }

        /** The first {@code n} matching calls fail, then the rule is spent; without this it holds until removed. */
        public Rule times(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("times must be positive: " + n);
            }
            return new Rule(method, path, code, caller, n);
        }
    }

    /** A rule in force: how many calls it failed so far. */
    public static final class Fault {
        private final Rule rule;
        private final AtomicInteger hits = new AtomicInteger();

        private Fault(Rule rule) {
            this.rule = rule;
        }

        /** The calls this rule has failed so far. */
        public int hits() {
            return hits.get();
        }

        private boolean take(Identity caller, String method, String path) {
            if (!rule.method.equalsIgnoreCase(method) || !rule.path.matcher(path).matches()
                    || (rule.caller != null && !rule.caller.equals(caller))) {
                return false;
            }
            while (true) {
                int seen = hits.get();
                if (rule.times > 0 && seen >= rule.times) {
                    return false;
                }
                if (hits.compareAndSet(seen, seen + 1)) {
                    return true;
                }
            }
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    public Fault add(Rule rule) {
        Fault fault = new Fault(rule);
        faults.add(fault);
        return fault;
    }

    public void remove(Fault fault) {
        faults.remove(fault);
    }

    /** Removes every rule. */
    public void clear() {
        faults.clear();
    }

    /** kube-apiserver's answer for the first rule that takes this call, if one does. */
    Optional<MockResponse> answer(Identity caller, String method, String pathWithQuery) {
        String path = pathWithQuery.split("\\?", 2)[0];
        for (Fault fault : faults) {
            if (fault.take(caller, method, path)) {
                return Optional.of(Statuses.fault(fault.rule.code, path));
            }
        }
        return Optional.empty();
    }
}
