package dev.berth.engine.target;

import java.io.IOException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** SFTP status codes in the same words LocalFiles uses for the same trouble on this computer. */
final class SftpErrors {
    private SftpErrors() {
    }

    static TargetException fileError(String verb, String path, IOException e, String where, boolean connected) {
        if (!connected) {
            return SshErrors.connectionLost(where, e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int status = e instanceof SftpException se ? se.getStatus() : -1;
        String start = "Cannot " + verb + " " + path + " on " + where + ": ";
        if (message.contains("No space left") || status == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM
                || status == SftpConstants.SSH_FX_QUOTA_EXCEEDED) {
            return new TargetException(TargetException.Reason.FILE, start
                    + "the disk is full. Free some space on that disk and try again.", e);
        }
        if (status == SftpConstants.SSH_FX_PERMISSION_DENIED) {
            return new TargetException(TargetException.Reason.FILE, start
                    + "permission denied. Choose a folder your user may write to, or fix its owner.", e);
        }
        if (status == SftpConstants.SSH_FX_NO_SUCH_FILE || status == SftpConstants.SSH_FX_NO_SUCH_PATH) {
            return new TargetException(TargetException.Reason.FILE, start
                    + (verb.equals("write") ? "its folder does not exist." : "it does not exist."), e);
        }
        if (status == SftpConstants.SSH_FX_FAILURE && verb.equals("write")) {
            // OpenSSH's SFTP (version 3) reports a full disk, a read-only filesystem and more as a bare "Failure".
            return new TargetException(TargetException.Reason.FILE, start + "the server reported a failure (" + message
                    + "). The usual causes are a full disk or a read-only filesystem: check with df -h " + parent(path), e);
        }
        return new TargetException(TargetException.Reason.FILE, start + message, e);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash > 0 ? path.substring(0, slash) : slash == 0 ? "/" : ".";
    }
}
