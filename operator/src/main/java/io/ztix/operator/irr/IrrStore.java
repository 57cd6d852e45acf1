package io.ztix.operator.irr;

import java.util.Optional;
import java.util.Set;

/** Where applied IRR lists survive an operator restart. */
public interface IrrStore {

    Optional<IrrLists> load(IrrKey key);

    /** Saves {@code lists}; a failure is logged, not thrown (the lists stay in memory and are re-queried after a restart). */
    void save(IrrKey key, IrrLists lists);

    /**
     * Deletes the saved lists of every key not in {@code keep}; a failure is logged, not thrown (nothing is deleted).
     *
     * @return how many were deleted
     */
    int sweep(Set<IrrKey> keep);

    /** Keeps nothing: every restart looks everything up again. */
    IrrStore NONE = new IrrStore() {
        @Override
        public Optional<IrrLists> load(IrrKey key) {
            return Optional.empty();
        }

        @Override
        public void save(IrrKey key, IrrLists lists) {
        }

        @Override
        public int sweep(Set<IrrKey> keep) {
            return 0;
        }
    };
}
