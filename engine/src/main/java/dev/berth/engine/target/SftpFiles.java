package dev.berth.engine.target;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** Files on an SSH target over one SFTP channel, opened on first use (in a session slot, see {@link ChannelOpener}). */
final class SftpFiles implements RemoteFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ChannelOpener channels;
    private final ClientSession session;
    private final String where;
    private SftpClient sftp;

    SftpFiles(ChannelOpener channels, ClientSession session, String where) {
        this.channels = channels;
        this.session = session;
        this.where = where;
    }

    private synchronized SftpClient sftp() throws TargetException {
        if (sftp == null || !sftp.isOpen()) {
            sftp = channels.sftp(); // a session slot like any command's, held while it stays open
        }
        return sftp;
    }

    @Override
    public byte[] read(String path) throws TargetException {
        try (InputStream in = sftp().read(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw error("read", path, e);
        }
    }

    @Override
    public void writeAtomic(String path, byte[] content, int mode) throws TargetException {
        String staged = stage(path, content, mode);
        boolean committed = false;
        try {
            commit(staged, path);
            committed = true;
        } finally {
            if (!committed) {
                removeQuietly(staged);
            }
        }
    }

    @Override
    public void overwrite(String path, byte[] content) throws TargetException {
        SftpClient c = sftp();
        // Without Create: only a file that is there, whose inode a container may have mounted.
        try (SftpClient.CloseableHandle h = c.open(path, EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Truncate))) {
            c.write(h, 0, content, 0, content.length);
            OpenSSHFsyncExtension fsync = c.getExtension(OpenSSHFsyncExtension.class);
            if (fsync.isSupported()) {
                fsync.fsync(h);
            }
        } catch (IOException e) {
            throw error("write", path, e);
        }
    }

    @Override
    public String stage(String path, byte[] content, int mode) throws TargetException {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String tmp = SftpErrors.parent(path) + "/." + name + "." + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".berth-tmp";
        SftpClient c = sftp();
        boolean written = false;
        try {
            try (SftpClient.CloseableHandle h = c.open(tmp, EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                    SftpClient.OpenMode.Exclusive))) {
                // The mode is set while the file is still empty, so a secret is never readable by others.
                c.setStat(h, new SftpClient.Attributes().perms(mode & 07777));
                c.write(h, 0, content, 0, content.length);
                OpenSSHFsyncExtension fsync = c.getExtension(OpenSSHFsyncExtension.class);
                if (fsync.isSupported()) {
                    fsync.fsync(h); // on disk before the rename, so a crash cannot leave an empty file in its place
                }
            }
            written = true;
            return tmp;
        } catch (IOException e) {
            throw error("write", path, e);
        } finally {
            if (!written) {
                removeQuietly(tmp);
            }
        }
    }

    @Override
    public void commit(String staged, String path) throws TargetException {
        try {
            rename(sftp(), staged, path);
        } catch (IOException e) {
            throw error("write", path, e);
        }
    }

    /**
     * The first error is the one to report. A temp file left when the connection drops is
     * harmless: it is hidden, named *.berth-tmp, and never read.
     */
    private void removeQuietly(String tmp) {
        if (sftpOpen()) {
            try {
                sftp().remove(tmp);
            } catch (IOException | TargetException ignored) {
                // see above
            }
        }
    }

    private static void rename(SftpClient c, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = c.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix.isSupported()) {
            posix.posixRename(from, to);
        } else if (c.getVersion() >= SftpConstants.SFTP_V5) {
            c.rename(from, to, SftpClient.CopyMode.Atomic, SftpClient.CopyMode.Overwrite);
        } else {
            // Plain SFTP v3 rename fails when the target exists; removing it first would not be atomic.
            throw new IOException("the server's SFTP cannot replace a file in one step (no posix-rename@openssh.com)");
        }
    }

    @Override
    public void mkdirs(String path) throws TargetException {
        if (stat(path).map(FileStat::directory).orElse(false)) {
            return;
        }
        StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "/" : "");
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append(prefix.isEmpty() || prefix.charAt(prefix.length() - 1) == '/' ? "" : "/").append(part);
            String dir = prefix.toString();
            Optional<FileStat> st = stat(dir);
            if (st.isPresent() && !st.get().directory()) {
                throw new TargetException(TargetException.Reason.FILE, "Cannot create the folder " + path + " on " + where
                        + ": " + dir + " is a file, not a folder.");
            }
            if (st.isEmpty()) {
                try {
                    sftp().mkdir(dir);
                } catch (IOException e) {
                    if (!stat(dir).map(FileStat::directory).orElse(false)) { // not created meanwhile by someone else
                        throw error("create the folder", dir, e);
                    }
                }
            }
        }
    }

    @Override
    public Optional<FileStat> stat(String path) throws TargetException {
        try {
            SftpClient.Attributes a = sftp().lstat(path);
            return Optional.of(new FileStat(path, a.isDirectory(), a.isRegularFile(), a.getSize(), a.getPermissions() & 07777,
                    a.getUserId(), a.getGroupId()));
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return Optional.empty();
            }
            throw error("look at", path, e);
        } catch (IOException e) {
            throw error("look at", path, e);
        }
    }

    /** SFTP version 3 has no lchown: unlike LocalFiles, a symbolic link's target is changed. */
    @Override
    public void chown(String path, int uid, int gid) throws TargetException {
        try {
            sftp().setStat(path, new SftpClient.Attributes().owner(uid, gid));
        } catch (IOException e) {
            throw error("change the owner of", path, e);
        }
    }

    @Override
    public void deleteFile(String path) throws TargetException {
        Optional<FileStat> st = stat(path);
        if (st.isEmpty()) {
            return;
        }
        if (st.get().directory()) {
            throw new TargetException(TargetException.Reason.FILE, path + " is a folder; Berth never deletes folders");
        }
        try {
            sftp().remove(path);
        } catch (IOException e) {
            throw error("delete", path, e);
        }
    }

    private TargetException error(String verb, String path, IOException e) {
        return SftpErrors.fileError(verb, path, e, where, session.isOpen() && !session.isClosing() && sftpOpen());
    }

    private synchronized boolean sftpOpen() {
        return sftp != null && sftp.isOpen();
    }

    synchronized void close() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException ignored) {
                // The session closes right after; nothing to tell the person.
            }
            sftp = null;
        }
    }
}
