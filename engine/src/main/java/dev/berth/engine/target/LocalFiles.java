package dev.berth.engine.target;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Files on this computer. */
final class LocalFiles implements RemoteFiles {
    @Override
    public byte[] read(String path) throws TargetException {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw fileError("read", path, e);
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
                deleteQuietly(Path.of(staged));
            }
        }
    }

    @Override
    public void overwrite(String path, byte[] content) throws TargetException {
        // No CREATE: only a file that is there, whose inode a container may have mounted.
        try (FileChannel ch = FileChannel.open(Path.of(path), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        } catch (IOException e) {
            throw fileError("write", path, e);
        }
    }

    @Override
    public String stage(String path, byte[] content, int mode) throws TargetException {
        Path target = Path.of(path);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".berth-tmp");
            Files.setPosixFilePermissions(tmp, permissions(mode));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                ch.force(true); // on disk before the rename, so a crash cannot leave an empty file in its place
            }
            String staged = tmp.toString();
            tmp = null;
            return staged;
        } catch (IOException e) {
            throw fileError("write", path, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    @Override
    public void commit(String staged, String path) throws TargetException {
        try {
            Files.move(Path.of(staged), Path.of(path), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw fileError("write", path, e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // The original error is the one to report; a stray temp file is harmless.
        }
    }

    @Override
    public void mkdirs(String path) throws TargetException {
        try {
            Files.createDirectories(Path.of(path));
        } catch (IOException e) {
            throw fileError("create the folder", path, e);
        }
    }

    @Override
    public Optional<FileStat> stat(String path) throws TargetException {
        Path p = Path.of(path);
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,isDirectory,isRegularFile", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileStat(path, (Boolean) a.get("isDirectory"), (Boolean) a.get("isRegularFile"),
                    (Long) a.get("size"), ((Integer) a.get("mode")) & 07777, (Integer) a.get("uid"), (Integer) a.get("gid")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw fileError("look at", path, e);
        }
    }

    @Override
    public void chown(String path, int uid, int gid) throws TargetException {
        try {
            Files.setAttribute(Path.of(path), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(Path.of(path), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw fileError("change the owner of", path, e);
        }
    }

    @Override
    public void deleteFile(String path) throws TargetException {
        Path p = Path.of(path);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetException(TargetException.Reason.FILE, path + " is a folder; Berth never deletes folders");
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw fileError("delete", path, e);
        }
    }

    static TargetException fileError(String verb, String path, IOException e) {
        String why = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (why != null && why.contains("No space left on device")) {
            return new TargetException(TargetException.Reason.FILE, "Cannot " + verb + " " + path
                    + ": the disk is full. Free some space on that disk and try again.", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new TargetException(TargetException.Reason.FILE, "Cannot " + verb + " " + path
                    + ": permission denied. Choose a folder your user may write to, or fix its owner.", e);
        }
        if (e instanceof NoSuchFileException) {
            return new TargetException(TargetException.Reason.FILE, "Cannot " + verb + " " + path + ": it does not exist.", e);
        }
        return new TargetException(TargetException.Reason.FILE, "Cannot " + verb + " " + path + ": " + why, e);
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
