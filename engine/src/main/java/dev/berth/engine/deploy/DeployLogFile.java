package dev.berth.engine.deploy;

/**
 * Where the log of one deploy was written, for the person: {@code /opt/berth/.berth/deploy.log}
 * on the server, or a file in Berth's settings folder on this computer.
 *
 * @param path          the file's absolute path on that machine
 * @param machine       the machine that holds it, as targets describe themselves ("this computer", "media@nas")
 * @param inStackFolder whether it is the stack's own {@code .berth/deploy.log}; false for a deploy that left
 *                      no Berth stack behind, whose log is kept on this computer instead
 */
public record DeployLogFile(String path, String machine, boolean inStackFolder) {
    /** "/opt/berth/.berth/deploy.log on media@nas". */
    public String describe() {
        return path + " on " + machine;
    }

    /** One sentence for the end of a failure message, saying where the log is and, when kept here, why. */
    public String sentence() {
        return inStackFolder ? "The log of this deploy is " + describe() + "."
                : "No stack was left in the stack folder, so the log of this attempt is kept on this computer: " + path + ".";
    }
}
