package dev.berth.wizardsteps.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.answers.TargetAnswers.Kind;
import dev.berth.catalog.Catalog;
import dev.berth.engine.DesktopOs;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Target page on a Windows or macOS desktop: "this computer" says plainly that the stack needs Linux, and what to choose. */
class TargetOnWindowsAndMacTest {
    private static TargetViewModel page(DesktopOs desktop) {
        WizardBackend real = WizardBackend.standard();
        WizardBackend onDesktop = new WizardBackend() {
            @Override
            public Catalog catalog() {
                return real.catalog();
            }

            @Override
            public Target open(TargetAnswers target, Login login) throws TargetException {
                return real.open(target, login);
            }

            @Override
            public DesktopOs desktop() {
                return desktop;
            }
        };
        TargetViewModel vm = new TargetViewModel(StepContext.create(onDesktop, new CurrentThreadTaskRunner(), new ScriptedDialogs()));
        vm.enter();
        return vm;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Windows 11", "Mac OS X"})
    void thisComputerIsRefusedWithWhyAndAServerOverSshIsFine(String osName) {
        DesktopOs desktop = DesktopOs.of(osName);
        TargetViewModel vm = page(desktop);

        assertEquals(Kind.LOCAL, vm.kindProperty().get());
        assertFalse(vm.isValid(), "the page cannot go on with this computer");
        assertEquals(desktop.localStackRefusal().orElseThrow(), vm.desktopRefusalProperty().get());
        assertTrue(vm.desktopRefusalProperty().get().contains("Choose \"A server over SSH\""));

        vm.kindProperty().set(Kind.SSH);
        vm.hostProperty().set("nas.local");
        vm.userProperty().set("media");
        assertEquals("", vm.desktopRefusalProperty().get());
        assertTrue(vm.isValid());

        vm.kindProperty().set(Kind.LOCAL);
        assertFalse(vm.isValid(), "back to this computer, refused again");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Linux"})
    void onLinuxThisComputerIsGood(String osName) {
        TargetViewModel vm = page(DesktopOs.of(osName));
        assertTrue(vm.isValid());
        assertEquals("", vm.desktopRefusalProperty().get());
    }
}
