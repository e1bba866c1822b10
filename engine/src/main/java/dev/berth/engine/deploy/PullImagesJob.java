package dev.berth.engine.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Makes sure every image of the stack is on the target before {@code compose up}, so a slow or
 * failing download shows up as its own step with progress in bytes, not as a silent, minutes
 * long {@code up}. Images already there are skipped: a re-deploy with no change downloads
 * nothing, and Berth pins tags, so a present tag is the right image.
 *
 * <p>With {@code offline} it never pulls (air-gapped servers, or a person who loaded images by
 * hand) and fails before anything starts when an image is missing.
 *
 * <p>Progress is reported as {@link DeployProgress.Pull}: per layer while downloading, and per image
 * when it was already there ({@link PullProgress#PRESENT}) and once every image is there
 * ({@link PullProgress#DONE}).
 *
 * <p>Undo does nothing: a downloaded image changes no running container and no file, and
 * removing it would only make the next attempt download it again.
 */
public final class PullImagesJob implements Job {
    private final List<String> images;
    private final boolean offline;

    public PullImagesJob(List<String> images, boolean offline) {
        this.images = List.copyOf(new LinkedHashSet<>(images));
        this.offline = offline;
    }

    /** The images of every service of the plan. */
    public PullImagesJob(StackPlan plan, boolean offline) {
        this(images(plan), offline);
    }

    /**
     * The images of every service of the plan, each once, in the plan's order, then restic's when
     * backups are on: what the deploy makes sure are there. The backup script runs restic's image
     * with {@code docker run}, so a first backup at night never waits on (or fails at) a download.
     */
    public static List<String> images(StackPlan plan) {
        List<String> refs = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            refs.add(s.image().reference());
        }
        plan.backup().ifPresent(backup -> refs.add(backup.resticImage()));
        return List.copyOf(new LinkedHashSet<>(refs));
    }

    public List<String> images() {
        return images;
    }

    @Override
    public String description() {
        return offline ? "Check that the " + images.size() + " images are on the target (offline: nothing is downloaded)"
                : "Download the images the target does not have yet (" + images.size() + " in the stack)";
    }

    @Override
    public void execute(JobContext context) throws TargetException, InterruptedException {
        DockerClient docker = context.target().docker();
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            if (present(docker, image)) {
                context.publish(new DeployProgress.Pull(new PullProgress(image, null, 0, 0, PullProgress.PRESENT)));
            } else {
                missing.add(image);
            }
        }
        if (offline && !missing.isEmpty()) {
            // All of them in one message: a person loading images by hand needs the whole list.
            throw new TargetException(TargetException.Reason.OTHER, (missing.size() == 1 ? "image " + missing.getFirst() + " is"
                    : "images " + String.join(", ", missing) + " are") + " not on " + context.target().description()
                    + " and --offline forbids pulling");
        }
        for (String image : missing) {
            if (context.cancelled()) {
                throw new CancellationException("cancelled before downloading " + image);
            }
            pull(docker, image, context);
        }
        for (String image : images) {
            context.publish(new DeployProgress.Pull(new PullProgress(image, null, 0, 0, PullProgress.DONE)));
        }
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void pull(DockerClient docker, String image, JobContext context) throws TargetException, InterruptedException {
        // A pinned image (repo:tag@sha256:…) is pulled by its digest: the engine takes a digest in
        // place of the tag, and would read the part after the digest's colon as a tag.
        int at = image.indexOf('@');
        String named = at < 0 ? image : image.substring(0, at);
        int colon = named.lastIndexOf(':');
        boolean tagged = colon > named.lastIndexOf('/');
        String repository = tagged ? named.substring(0, colon) : named;
        String tag = at >= 0 ? image.substring(at + 1) : tagged ? named.substring(colon + 1) : "latest";
        ResultCallback.Adapter<PullResponseItem> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (context.cancelled()) {
                    try {
                        close(); // stops the download stream; awaitCompletion returns
                    } catch (java.io.IOException ignored) {
                        // closing is best effort; the cancel check below still stops the job
                    }
                    return;
                }
                PullProgress p;
                try {
                    p = progress(image, item);
                } catch (RuntimeException e) {
                    onError(e); // kept as the first error: awaitCompletion throws it
                    return;
                }
                if (p != null) {
                    context.publish(new DeployProgress.Pull(p));
                }
            }
        };
        try {
            docker.pullImageCmd(repository).withTag(tag).exec(callback).awaitCompletion();
        } catch (RuntimeException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Could not download " + image + " on "
                    + context.target().description() + ": " + e.getMessage(), e);
        }
        if (context.cancelled()) {
            throw new CancellationException("cancelled while downloading " + image);
        }
        // The stream can end without an error item when the connection drops: check the result.
        if (!present(docker, image)) {
            throw new TargetException(TargetException.Reason.OTHER, "The download of " + image + " ended, but the image is not on "
                    + context.target().description());
        }
    }

    /** One engine message as progress; an error message from the engine becomes an exception. */
    static PullProgress progress(String image, PullResponseItem item) {
        if (item.isErrorIndicated()) {
            String why = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
            throw new com.github.dockerjava.api.exception.DockerClientException("the engine reported: " + why);
        }
        if (item.getStatus() == null) {
            return null;
        }
        ResponseItem.ProgressDetail d = item.getProgressDetail();
        long current = d == null || d.getCurrent() == null ? 0 : d.getCurrent();
        long total = d == null || d.getTotal() == null ? 0 : d.getTotal();
        // Messages about the whole image ("Pulling from ...", "Digest: ...") carry the tag as id.
        String id = item.getId();
        boolean layer = id != null && !image.endsWith(":" + id) && !item.getStatus().startsWith("Pulling from");
        return new PullProgress(image, layer ? id : null, current, total, item.getStatus());
    }

    @Override
    public void undo(JobContext context) {
        // Deliberately nothing: see the class comment.
    }
}
