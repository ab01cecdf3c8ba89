package ai.connecty.athena.local.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.connecty.athena.local.LocalAthena;
import ai.connecty.athena.local.control.FaultPlan;
import ai.connecty.athena.local.control.FaultRule;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAthenaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalAthenaExtensionTest {

    static LocalAthena sharedField;
    LocalAthena instanceField;

    @Test
    @Order(1)
    void injectsOneReadyInstanceIntoFieldsAndParameters(LocalAthena parameter) {
        assertThat(parameter).isSameAs(sharedField).isSameAs(instanceField);
        assertThat(parameter.isReady()).isTrue();
        assertThat(parameter.endpoint().getHost()).isEqualTo("127.0.0.1");
        parameter.faults().set(FaultPlan.of(1, FaultRule.forAction("athena", "*").withQueryMillis(5)));
    }

    @Test
    @Order(2)
    void faultsOfTheEarlierTestWereCleared(LocalAthena athena) {
        assertThat(athena.faults().plan().rules()).isEmpty();
        assertThat(athena.faults().extraQueryMillis()).isZero();
    }
}
