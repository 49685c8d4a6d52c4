package dev.cachet.store;

import java.util.function.Supplier;

/**
 * Runs the store calls a piece of work makes on its thread as one transaction: all of them take
 * effect together, with one durable commit, or none does. Work run inside work joins it. The work
 * must only touch stores (it may run again when the database ended the session under it) and must
 * not wait on other threads' store calls.
 */
public interface UnitOfWork {

    /** Runs each store call on its own, for stores with no transactions (tests, files). */
    UnitOfWork EACH_ON_ITS_OWN = new UnitOfWork() {
        @Override
        public <T> T inOne(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    };

    /**
     * Runs work as one transaction.
     *
     * @param work the store calls
     * @return what the work returned
     */
    <T> T inOne(Supplier<T> work);

    /**
     * Runs an action once the unit of work running on this thread has committed (at once outside
     * one), such as a copy of what it recorded kept outside the database: it is then never written
     * for work that was rolled back. If the action throws, the caller of the unit gets the error,
     * with the unit committed.
     *
     * @param action what to do after the commit
     */
    void afterCommit(Runnable action);

    /**
     * Runs work that returns nothing as one transaction.
     *
     * @param work the store calls
     */
    default void inOne(Runnable work) {
        inOne(() -> {
            work.run();
            return null;
        });
    }
}
