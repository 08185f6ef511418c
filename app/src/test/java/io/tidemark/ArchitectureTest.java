package io.tidemark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays headless and the UI only views and binds (STYLE.md). */
@AnalyzeClasses(packages = "io.tidemark", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("io.tidemark.core..")
            .layer("Adapters").definedBy("io.tidemark.db..", "io.tidemark.files..", "io.tidemark.logs..", "io.tidemark.demo..")
            .layer("Config").definedBy("io.tidemark.config..")
            .layer("Actions").definedBy("io.tidemark.actions..")
            .layer("Cli").definedBy("io.tidemark.cli..")
            .layer("Ui").definedBy("io.tidemark.ui..")
            .layer("Launcher").definedBy("io.tidemark")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Actions").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Actions", "Adapters")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Actions", "Adapters", "Cli", "Ui")
            .because("the CLI and the UI drive the engine only through its use cases, and the engine never reaches up");

    @ArchTest
    static final ArchRule engineIsHeadless = noClasses().that().resideOutsideOfPackage("io.tidemark.ui..")
            .and().doNotHaveFullyQualifiedName("io.tidemark.Launcher")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.jfree..")
            .because("the engine and the CLI run in nightly jobs on servers without a display");

    @ArchTest
    static final ArchRule uiDoesNoDatabaseWork = noClasses().that().resideInAPackage("io.tidemark.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..", "org.postgresql..", "org.sqlite..")
            .because("the FX thread never touches the database: views bind to view models that call actions in the background");

    @ArchTest
    static final ArchRule coreIsPure = noClasses().that().resideInAPackage("io.tidemark.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml..", "com.zaxxer..")
            .because("core holds domain records, plans and ports: no JDBC, no pools, no file formats");

    @ArchTest
    static final ArchRule noConsoleOutsideCli = noClasses().that().resideOutsideOfPackage("io.tidemark.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("only the CLI writes to the terminal; everything else logs through SLF4J");
}
