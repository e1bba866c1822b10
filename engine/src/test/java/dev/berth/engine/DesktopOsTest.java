package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import java.nio.file.FileSystem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;


/** The desktop's system as a value: what "this computer" means there, and where Berth keeps its settings. */
class DesktopOsTest {
    @Test
    void theJvmsNamesAreTold() {
        assertEquals(DesktopOs.Family.WINDOWS, DesktopOs.of("Windows 10").family());
        assertEquals(DesktopOs.Family.WINDOWS, DesktopOs.of("Windows Server 2022").family());
        assertEquals(DesktopOs.Family.MACOS, DesktopOs.of("Mac OS X").family());
        assertEquals(DesktopOs.Family.LINUX, DesktopOs.of("Linux").family());
        assertEquals(DesktopOs.Family.OTHER, DesktopOs.of("FreeBSD").family());
    }

    @Test
    void onlyLinuxHostsTheStackAndTheOthersAreToldWhatToChoose() {
        assertEquals(Optional.empty(), DesktopOs.LINUX.localStackRefusal());
        for (DesktopOs os : new DesktopOs[] {DesktopOs.WINDOWS, DesktopOs.MACOS}) {
            String why = os.localStackRefusal().orElseThrow();
            assertTrue(why.startsWith("This computer runs " + os.displayName() + ", and Berth sets the stack up on Linux only."), why);
            assertTrue(why.contains("Docker Desktop") && why.contains("/dev/dri") && why.contains("PUID/PGID") && why.contains("hardlinks"), why);
            assertTrue(why.contains("Choose \"A server over SSH\""), why);
        }
        assertTrue(DesktopOs.of("FreeBSD").localStackRefusal().orElseThrow().startsWith("This computer runs FreeBSD"));
    }

    @Test
    void thisComputerAsATargetIsRefusedOnWindowsBeforeAnythingRuns() {
        TargetException e = assertThrows(TargetException.class, (Executable) () -> LocalTarget.forStack(DesktopOs.WINDOWS));
        assertEquals(TargetException.Reason.UNSUPPORTED_DESKTOP, e.reason());
        assertEquals(DesktopOs.WINDOWS.localStackRefusal().orElseThrow(), e.getMessage());
    }

    @Test
    void theSettingsFolderIsWhereEachDesktopKeepsSuchThings() throws Exception {
        Map<String, String> none = Map.of();
        try (FileSystem win = Jimfs.newFileSystem(Configuration.windows());
             FileSystem unix = Jimfs.newFileSystem(Configuration.unix())) {
            assertEquals("C:\\Users\\ada\\AppData\\Roaming\\Berth", SettingsFolder.of(DesktopOs.WINDOWS,
                    Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming")::get, "C:\\Users\\ada", null, win).toString());
            assertEquals("C:\\Users\\ada\\AppData\\Roaming\\Berth", SettingsFolder.of(DesktopOs.WINDOWS, none::get, "C:\\Users\\ada", null, win)
                    .toString(), "without APPDATA, where it usually points");
            assertEquals("/Users/ada/Library/Application Support/Berth", SettingsFolder.of(DesktopOs.MACOS, none::get, "/Users/ada", null, unix)
                    .toString());
            assertEquals("/home/ada/.config/berth", SettingsFolder.of(DesktopOs.LINUX, none::get, "/home/ada", null, unix).toString());
            assertEquals("/xdg/berth", SettingsFolder.of(DesktopOs.LINUX, Map.of("XDG_CONFIG_HOME", "/xdg")::get, "/home/ada", null, unix)
                    .toString());
            assertEquals("/tmp/b", SettingsFolder.of(DesktopOs.MACOS, none::get, "/Users/ada", "/tmp/b", unix).toString(),
                    "berth.configDir wins everywhere");
        }
    }
}
