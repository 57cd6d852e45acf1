package io.ztix.operator.irr;

import java.util.Optional;

/** Where applied IRR lists survive an operator restart. */
public interface IrrStore {

    Optional<IrrLists> load(IrrKey key);

    /** Saves {@code lists}; a failure is logged, not thrown (the lists stay in memory and are re-queried after a restart). */
    void save(IrrKey key, IrrLists lists);

    /** Keeps nothing: every restart looks everything up again. */
    IrrStore NONE = new IrrStore() {
        @Override
        public Optional<IrrLists> load(IrrKey key) {
            return Optional.empty();
        }

        @Override
        public void save(IrrKey key, IrrLists lists) {
        }
    };
}
