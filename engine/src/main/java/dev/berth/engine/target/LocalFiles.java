package dev.berth.engine.target;

import dev.berth.render.LocalFileModes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files on this computer, on the file system it is given (the default one; a test passes a
 * Windows-like one). A path is a string of that file system; modes go through
 * {@link LocalFileModes}, so a file system without POSIX permissions gets owner-only access
 * lists instead, or plain files.
 */
final class LocalFiles implements RemoteFiles, FolderLister {
    private final FileSystem fs;

    LocalFiles(FileSystem fs) {
        this.fs = fs;
    }

    private Path path(String path) {
        return fs.getPath(path);
    }

    @Override
    public byte[] read(String path) throws TargetException {
        try {
            return Files.readAllBytes(path(path));
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
                deleteQuietly(path(staged));
            }
        }
    }

    @Override
    public void overwrite(String path, byte[] content) throws TargetException {
        // No CREATE: only a file that is there, whose inode a container may have mounted.
        try (FileChannel ch = FileChannel.open(path(path), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        } catch (IOException e) {
            throw fileError("write", path, e);
        }
    }

    @Override
    public String stage(String path, byte[] content, int mode) throws TargetException {
        Path target = path(path);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".berth-tmp");
            LocalFileModes.of(target.getParent()).apply(tmp, mode);
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
            Files.move(path(staged), path(path), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
            Files.createDirectories(path(path));
        } catch (IOException e) {
            throw fileError("create the folder", path, e);
        }
    }

    @Override
    public Optional<FileStat> stat(String path) throws TargetException {
        Path p = path(path);
        try {
            if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,isDirectory,isRegularFile", LinkOption.NOFOLLOW_LINKS);
                return Optional.of(new FileStat(path, (Boolean) a.get("isDirectory"), (Boolean) a.get("isRegularFile"),
                        (Long) a.get("size"), ((Integer) a.get("mode")) & 07777, (Integer) a.get("uid"), (Integer) a.get("gid")));
            }
            // Windows has no mode or numeric ids. Owner-only is the safe guess: a file put back on undo
            // with it is the person's alone, never a secret left open to the folder's inherited entries.
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileStat(path, a.isDirectory(), a.isRegularFile(), a.size(), a.isDirectory() ? 0700 : 0600, -1, -1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw fileError("look at", path, e);
        }
    }

    @Override
    public void chown(String path, int uid, int gid) throws TargetException {
        try {
            Files.setAttribute(path(path), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path(path), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw fileError("change the owner of", path, e);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot change the owner of " + path
                    + ": this computer's file system has no numeric owners. Deploy to a Linux server over SSH.", e);
        }
    }

    @Override
    public void deleteFile(String path) throws TargetException {
        Path p = path(path);
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetException(TargetException.Reason.FILE, path + " is a folder; Berth never deletes folders");
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw fileError("delete", path, e);
        }
    }

    @Override
    public Optional<FolderLister> lister() {
        return Optional.of(this);
    }

    @Override
    public List<String> names(String dir) throws TargetException {
        try (Stream<Path> entries = Files.list(path(dir))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw fileError("list the folder", dir, e);
        }
    }

    @Override
    public List<String> fileNames(String dir) throws TargetException {
        try (Stream<Path> entries = Files.list(path(dir))) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw fileError("list the folder", dir, e);
        }
    }

    @Override
    public boolean holdsAnyFile(String dir) throws TargetException {
        try (Stream<Path> below = Files.walk(path(dir))) {
            return below.anyMatch(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true; // as find: a folder that cannot be read may hold files
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
}
