package ai.connecty.athena.jdbc.rows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadAheadBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void takesWhatIsLeftWithoutWaitingAndGetsItBack() {
        ReadAheadBudget budget = new ReadAheadBudget(20);
        assertThat(budget.tryAcquire(8)).isTrue();
        assertThat(budget.tryAcquire(8)).isTrue();
        assertThat(budget.tryAcquire(8)).as("4 bytes left").isFalse();
        assertThat(budget.availableBytes()).as("a refusal takes nothing").isEqualTo(4);
        budget.release(8);
        assertThat(budget.tryAcquire(8)).isTrue();
        budget.release(16);
        assertThat(budget.availableBytes()).isEqualTo(budget.capacityBytes()).isEqualTo(20);
    }

    @Test
    void anEmptyBudgetRefusesEverything() {
        ReadAheadBudget budget = new ReadAheadBudget(0);
        assertThat(budget.tryAcquire(1)).isFalse();
        assertThat(budget.availableBytes()).isZero();
    }

    @Test
    void theDefaultIsAQuarterOfTheHeapUpTo1GiB() {
        assertThat(ReadAheadBudget.configuredBytes(null, 128 * MIB)).isEqualTo(32 * MIB);
        assertThat(ReadAheadBudget.configuredBytes(null, 2048 * MIB)).isEqualTo(512 * MIB);
        assertThat(ReadAheadBudget.configuredBytes(null, 64L * 1024 * MIB)).isEqualTo(1024 * MIB);
        assertThat(ReadAheadBudget.configuredBytes(null, Long.MAX_VALUE)).as("no -Xmx limit").isEqualTo(1024 * MIB);
        assertThat(ReadAheadBudget.configuredBytes(" ", 128 * MIB)).isEqualTo(32 * MIB);
    }

    /** A 96 MB heap still leaves one result set its three parts ahead of 8 MiB: alone, it reads as it always did. */
    @Test
    void theDefaultLeavesOneResultSetItsFullReadAheadDownTo96MegabytesOfHeap() {
        long parts = ReadAheadBudget.configuredBytes(null, 96 * MIB) / ResultTransport.DEFAULT_PART_SIZE;
        assertThat(parts).isGreaterThanOrEqualTo(ResultTransport.DEFAULT_PARTS_AHEAD - 1);
    }

    @Test
    void theSystemPropertyGivesTheBudgetInMebibytesAndAWrongValueLeavesTheDefault() {
        assertThat(ReadAheadBudget.configuredBytes("256", 128 * MIB)).isEqualTo(256 * MIB);
        assertThat(ReadAheadBudget.configuredBytes(" 0 ", 128 * MIB)).isZero();
        assertThat(ReadAheadBudget.configuredBytes("-1", 128 * MIB)).isEqualTo(32 * MIB);
        assertThat(ReadAheadBudget.configuredBytes("lots", 128 * MIB)).isEqualTo(32 * MIB);
        assertThat(ReadAheadBudget.configuredBytes("99999999999999999", 128 * MIB)).isEqualTo(32 * MIB);
    }

    /** The largest number of MiB whose bytes a long holds is taken as given; one more is refused as too large. */
    @Test
    void theSystemPropertyIsTakenUpToTheLargestBudgetALongHolds() {
        long most = Long.MAX_VALUE / MIB;
        assertThat(ReadAheadBudget.configuredBytes(Long.toString(most), 128 * MIB)).isEqualTo(most * MIB);
        assertThat(ReadAheadBudget.configuredBytes(Long.toString(most + 1), 128 * MIB)).isEqualTo(32 * MIB);
    }

    @Test
    void aNegativeCapacityIsAnEmptyBudget() {
        ReadAheadBudget budget = new ReadAheadBudget(-8);
        assertThat(budget.capacityBytes()).isZero();
        assertThat(budget.availableBytes()).isZero();
        assertThat(budget.tryAcquire(0)).isTrue();
        assertThat(budget.tryAcquire(1)).isFalse();
    }

    /** Exactly what is left can be taken: a budget of one part lets one stream read one part ahead. */
    @Test
    void theLastBytesLeftCanBeTaken() {
        ReadAheadBudget budget = new ReadAheadBudget(16);
        assertThat(budget.tryAcquire(16)).isTrue();
        assertThat(budget.availableBytes()).isZero();
        assertThat(budget.tryAcquire(1)).isFalse();
    }

    /** What a log line or a debugger shows: free and total, in MiB. */
    @Test
    void describesItselfInMebibytes() {
        ReadAheadBudget budget = new ReadAheadBudget(64 * MIB);
        assertThat(budget.tryAcquire(24 * MIB)).isTrue();
        assertThat(budget).hasToString("ReadAheadBudget[40 of 64 MiB free]");
    }
}
