package dev.berth.wizardsteps.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Target page with more than one machine: rows, their messages, and the hosts they write. */
class OtherHostsTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final TargetViewModel vm = new TargetViewModel(ctx);
    private final OtherHosts hosts = vm.otherHosts();

    @BeforeEach
    void openThePage() {
        vm.enter();
    }

    @Test
    void oneMachineWritesNoHostsAsBefore() {
        assertTrue(vm.isValid());
        assertEquals(List.of(), ctx.model().hostsProperty().get());
        assertFalse(ctx.model().answers().isMultiHost());
        assertEquals("This computer", vm.summaryProperty().get());
    }

    @Test
    void aSecondMachineMakesTheTargetTheFirstHostAndNeedsItsAddress() {
        HostRow nas = hosts.add();
        assertEquals("main", hosts.firstNameProperty().get(), "the target gets a name to start from");
        assertFalse(vm.isValid());
        assertEquals("This computer needs the address the other machines reach it at, e.g. 192.168.1.30.",
                hosts.firstMessageProperty().get());
        assertEquals("Give this machine a short name, e.g. nas.", nas.messageProperty().get());

        hosts.firstNameProperty().set("pc");
        hosts.firstAddressProperty().set("192.168.1.30");
        nas.nameProperty().set("nas");
        assertEquals("A server needs a host and a user.", nas.messageProperty().get());
        nas.hostProperty().set("nas.local");
        nas.userProperty().set("media");
        nas.portProperty().set("2222");
        assertEquals("", nas.messageProperty().get());
        assertTrue(vm.isValid());
        assertEquals(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "192.168.1.30"),
                new HostAnswers("nas", new TargetAnswers(Kind.SSH, "nas.local", 2222, "media", null), null)),
                ctx.model().hostsProperty().get());
        assertTrue(ctx.model().answers().isMultiHost());
        assertEquals("This computer and 1 more machine", vm.summaryProperty().get());

        hosts.remove(nas);
        assertEquals(List.of(), ctx.model().hostsProperty().get(), "back to one machine");
        assertTrue(vm.isValid());
    }

    @Test
    void namesAreUniqueAndOnlyOneMachineIsThisComputer() {
        hosts.firstAddressProperty().set("10.0.0.2");
        HostRow a = hosts.add();
        a.nameProperty().set("main");
        assertEquals("Another machine is called main: give each its own name.", a.messageProperty().get());
        a.nameProperty().set("Big NAS");
        assertEquals("The name must be lower-case letters, digits or '-', starting with a letter (e.g. nas).", a.messageProperty().get());
        a.nameProperty().set("nas");
        a.kindProperty().set(Kind.LOCAL);
        assertEquals("Only one machine can be this computer: choose a server over SSH here.", a.messageProperty().get());
        assertFalse(vm.isValid());
        a.kindProperty().set(Kind.SSH);
        a.hostProperty().set("nas");
        a.userProperty().set("media");
        a.portProperty().set("twenty");
        assertEquals("The port must be a number from 1 to 65535.", a.messageProperty().get());
    }

    @Test
    void hostsReadFromAnAnswersFileFillTheRows() {
        var nas = new HostAnswers("nas", new TargetAnswers(Kind.SSH, "nas.local", null, "media", null), "192.168.1.20");
        ctx.model().setHosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "192.168.1.30"), nas));
        assertEquals("pc", hosts.firstNameProperty().get());
        assertEquals("192.168.1.30", hosts.firstAddressProperty().get());
        assertEquals(1, hosts.rows().size());
        assertEquals("nas.local", hosts.rows().getFirst().hostProperty().get());
        assertEquals("192.168.1.20", hosts.rows().getFirst().addressProperty().get());
        assertTrue(vm.isValid());
    }
}
