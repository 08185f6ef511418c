package io.tidemark.cli;

import io.tidemark.config.ProfileCatalog;
import io.tidemark.core.profile.PlatformProfile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tidemark profiles}: lists the shipped platform profiles, or prints one to copy and edit. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "Lists the shipped platform profiles; with a name, prints that profile's YAML (a starting point for your own).")
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A profile to print.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (name != null) {
            ProfileCatalog.load(name);
            out.print(ProfileCatalog.SHIPPED.contains(name) ? ProfileCatalog.shippedText(name) : readFile(name));
        } else {
            for (String shipped : ProfileCatalog.SHIPPED) {
                PlatformProfile p = ProfileCatalog.load(shipped);
                out.printf("%-12s %s (%d tables%s)%n", p.name(), p.title(), p.tables().size(), p.hasFiles() ? ", files" : "");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String readFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new io.tidemark.core.TidemarkException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
