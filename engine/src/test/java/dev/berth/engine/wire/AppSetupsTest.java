package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's {@code setup.kind}s and the code that speaks each app's API agree. */
class AppSetupsTest {
    @Test
    void everySetupKindInTheCatalogIsOneTheEngineKnows() {
        Catalog.builtIn().all().stream().filter(d -> d.setup() != null).forEach(d ->
                assertTrue(AppSetups.known().contains(d.setup().kind()), d.id() + ".yaml names setup.kind " + d.setup().kind()));
    }

    @Test
    void seerrAndBazarrAreSetUpAfterTheArrApps() {
        StackPlan plan = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers("full-wireguard"), Map.of());
        List<AppSetup> setups = AppSetups.of(plan).stream().filter(s -> List.of("seerr", "bazarr").contains(s.service())).toList();
        assertEquals(List.of("Bazarr", "Seerr"), setups.stream().map(AppSetup::displayName).toList());
        setups.forEach(s -> assertEquals(AppSetup.Phase.AFTER_ARR_APPS, s.phase()));
    }
}
