package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docker-java over SSH through docker system dial-stdio, against the real engine. */
@NeedsDocker
class SshDockerTest extends SshdTestBase {


    @BeforeEach
    void engine() {
        RequiresDocker.engine();
    }

    @Test
    void versionAndInfoMatchTheLocalEngine() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             LocalTarget local = new LocalTarget()) {
            Version remote = ssh.docker().versionCmd().exec();
            Version here = local.docker().versionCmd().exec();
            assertEquals(here.getVersion(), remote.getVersion());
            assertEquals(here.getApiVersion(), remote.getApiVersion());
            Info info = ssh.docker().infoCmd().exec();
            assertEquals(local.docker().infoCmd().exec().getId(), info.getId(), "the same engine, reached over SSH");
            ssh.docker().pingCmd().exec();
        }
    }

    @Test
    void manyCallsAtOnce() throws Exception {
        // Checks run in parallel: more requests than OpenSSH's 10 channels per connection, plus a held stream.
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            DockerClient docker = ssh.docker();
            ResultCallback.Adapter<Event> held = docker.eventsCmd().exec(new ResultCallback.Adapter<>());
            List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        assertFalse(docker.infoCmd().exec().getId().isBlank());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            held.close();
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void eventsStreamAsTheyHappen() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            DockerClient docker = ssh.docker();
            String name = "berth-ssh-test-" + UUID.randomUUID();
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            // The engine subscribes the stream a moment after its answer has started; "since" its
            // own clock now, an event from that moment is delivered however late it subscribes.
            java.time.Instant engineNow = java.time.OffsetDateTime.parse(docker.infoCmd().exec().getSystemTime()).toInstant();
            ResultCallback.Adapter<Event> stream = docker.eventsCmd().withEventFilter("create", "destroy")
                    .withSince(engineNow.getEpochSecond() + "." + String.format("%09d", engineNow.getNano()))
                    .withEventTypeFilter("network").exec(new ResultCallback.Adapter<>() {
                        @Override
                        public void onNext(Event event) {
                            events.add(event);
                        }
                    });
            try {
                stream.awaitStarted(10, TimeUnit.SECONDS);
                String id = docker.createNetworkCmd().withName(name).exec().getId();
                Event created = events.poll(10, TimeUnit.SECONDS);
                assertTrue(created != null, "an event arrived while the stream stayed open");
                assertEquals("create", created.getAction());
                assertEquals(id, created.getActor().getId());
                docker.removeNetworkCmd(id).exec();
                Event destroyed = events.poll(10, TimeUnit.SECONDS);
                assertTrue(destroyed != null, "a second event on the same stream");
                assertEquals("destroy", destroyed.getAction());
            } finally {
                stream.close();
            }
            // Closing the stream closed its channel, which ended dial-stdio on the server ...
            Await.until("docker system dial-stdio to end on the server", SshDockerTest::dialStdioRunning, running -> !running);
            // ... and the connection still serves requests.
            assertFalse(docker.versionCmd().exec().getVersion().isBlank());
        }
    }

    @Test
    void anUploadOfUnknownLengthIsSentChunked() throws Exception {
        // A build context is a stream: the request body goes out chunked, the build log streams back.
        java.nio.file.Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\nLABEL dev.berth.test=ssh\n");
        byte[] tar = MachineSetup.runBytes(List.of("tar", "-C", tmp.toString(), "-cf", "-", "Dockerfile"));
        String tag = "berth-ssh-test:" + UUID.randomUUID();
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            DockerClient docker = ssh.docker();
            String id = docker.buildImageCmd(new java.io.ByteArrayInputStream(tar) {
                // Hide the length, as a file or pipe stream would.
            }).withTags(java.util.Set.of(tag)).exec(new com.github.dockerjava.api.command.BuildImageResultCallback())
                    .awaitImageId(60, TimeUnit.SECONDS);
            try {
                assertEquals("ssh", docker.inspectImageCmd(id).exec().getConfig().getLabels().get("dev.berth.test"));
            } finally {
                docker.removeImageCmd(id).withForce(true).exec();
            }
        }
    }

    private static boolean dialStdioRunning() throws Exception {
        return new ProcessBuilder("pgrep", "-u", TestSshd.USER, "-f", "docker system dial-stdio").start().waitFor() == 0;
    }

    @Test
    void aUserOutsideTheDockerGroupIsToldHowToFixIt() throws Exception {
        SshDestination dest = new SshDestination("127.0.0.1", sshd.port(), TestSshd.NO_DOCKER_USER, null, null, null,
                q -> TestSshd.PASSWORD);
        try (SshTarget ssh = SshTarget.connect(dest, sshd.settings(tmp))) {
            TargetException e = assertThrows(TargetException.class, ssh::docker);
            assertEquals(Reason.DOCKER_DENIED, e.reason());
            assertEquals("The user berthnodocker may not use Docker on " + ssh.description() + ". Add it to the docker"
                    + " group there: sudo usermod -aG docker berthnodocker, then connect again (the change applies to"
                    + " new logins).", e.getMessage());
        }
    }

    @Test
    void anEngineThatIsNotRunning() throws Exception {
        // dial-stdio honours DOCKER_HOST on the server: point it at a socket nobody listens on.
        sshd.restartWith(List.of("SetEnv DOCKER_HOST=unix:///nonexistent/docker.sock"));
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            TargetException e = assertThrows(TargetException.class, ssh::docker);
            assertEquals(Reason.DOCKER_UNREACHABLE, e.reason());
            assertEquals("Docker is installed on " + ssh.description() + " but its engine does not answer (dial unix"
                    + " /nonexistent/docker.sock: connect: no such file or directory). Start it there: sudo systemctl"
                    + " start docker", e.getMessage());
        } finally {
            sshd.restartWith(List.of());
        }
    }

    @Test
    void dockerMissingOnTheServer() throws Exception {
        // The login's PATH finds no docker, as on a server where it is not installed.
        sshd.restartWith(List.of("SetEnv PATH=/nonexistent"));
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            TargetException e = assertThrows(TargetException.class, ssh::docker);
            assertEquals(Reason.DOCKER_MISSING, e.reason());
            assertEquals("Docker is not installed on " + ssh.description() + " (no docker command on the PATH of berthtest)."
                    + " Install it there (on Debian or Ubuntu: sudo apt install docker.io), then check again.", e.getMessage());
        } finally {
            sshd.restartWith(List.of());
        }
    }
}
