package dev.berth.app.cli;

import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.StackDeployer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth diff}: what a deploy of these answers would change, file by file, changing nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Shows what deploying the answers file would change: in words, which services start, stop and are "
                + "removed, or are recreated and why, and a moved configRoot or dataRoot; then a unified diff per "
                + "changed file (secret files are named, never shown) and the steps a deploy would take. Changes nothing.")
public final class DiffCommand implements Callable<Integer> {
    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    StackCommandInputs.Source source;

    @CommandLine.Mixin
    TargetOption target;

    @Option(names = "--adopt", description = "Compare with a stack folder Berth did not make, as deploy --adopt would.")
    boolean adopt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TargetOpener opener;

    public DiffCommand() {
        this(TargetOpener.standard());
    }

    public DiffCommand(TargetOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return StackCommand.run(spec, source, target, opener, BerthCommand.IO_ERROR, (t, answers) -> {
            DeployPreview preview = new StackDeployer(t, Catalog.builtIn())
                    .preview(answers, DeployOptions.DEFAULT.withAdopt(adopt));
            PreviewPrinter.printChanges(preview, out);
            out.print(preview.diff().render());
            PreviewPrinter.print(preview, t.description(), out);
            out.flush();
            return 0;
        });
    }
}
