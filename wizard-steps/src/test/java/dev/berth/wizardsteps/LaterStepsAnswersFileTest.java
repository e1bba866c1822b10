package dev.berth.wizardsteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.access.AccessViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.monitoring.MonitoringViewModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.vpn.VpnViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each example answers file through the VPN, Access and Monitoring pages: they show it as it is, change nothing, and let the person on. */
class LaterStepsAnswersFileTest {
    // The examples of one target: the pages of several hosts (issue 17) come with the Target page's own.
    static Stream<Path> examples() throws IOException {
        return Examples.names().stream().map(Examples::file);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theLaterPagesKeepALoadedFileAsItIs(Path file) throws IOException {
        StepContext ctx = TestContexts.create(new ScriptedDialogs());
        List<StepViewModel> pages = List.of(new VpnViewModel(ctx), new AccessViewModel(ctx), new MonitoringViewModel(ctx));
        Answers loaded = AnswersFile.read(file);
        ctx.model().load(loaded);
        assertEquals(loaded, ctx.model().answers(), "before the pages are opened");
        for (StepViewModel page : pages) {
            page.enter();
            assertTrue(page.isValid(), page.title() + " in " + file.getFileName());
            assertTrue(!page.summaryProperty().get().isEmpty());
        }
        assertEquals(loaded, ctx.model().answers(), "after the pages were opened");
    }
}
