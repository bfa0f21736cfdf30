package dev.shopstream.bench;

import io.gatling.javaapi.core.ClosedInjectionStep;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;

/**
 * The closed model of the simulations that compare throughputs ({@link CeilingSimulation},
 * {@link SignedInReadSimulation}): {@code users} concurrent users sending requests back to back for
 * {@code closedDuration} per phase. Every phase offers the same load for as long, so the phases' request counts
 * compare directly.
 */
final class ClosedModel {

    private final BenchSettings settings;

    ClosedModel(BenchSettings settings) {
        this.settings = settings;
    }

    /** Collects the sample and warms the server up, outside Gatling's statistics. */
    void prepare(CatalogSample sample) {
        sample.collect();
        sample.warmUp(settings.warmUpRequests());
    }

    ClosedInjectionStep phase() {
        return constantConcurrentUsers(settings.users()).during(settings.closedDuration());
    }

    /**
     * Prints the line bench/run.sh reads the phase length from, to turn request counts into requests per second.
     *
     * @param phases what the phases measure, in order
     */
    void announce(String phases) {
        System.out.printf("Phase length: %d s; %s, %d concurrent users each (closed model)%n",
                settings.closedDuration().toSeconds(), phases, settings.users());
    }
}
