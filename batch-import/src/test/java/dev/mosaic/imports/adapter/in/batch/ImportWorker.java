package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;

/**
 * A separate JVM that starts one import, and a second one queued behind it, and keeps running until it is killed;
 * {@link InterruptedImportIT} kills it with SIGKILL halfway through. Arguments: job repository JDBC URL, Neo4j Bolt
 * URI, file, file to queue.
 */
public final class ImportWorker {

    public static final String IMPORT_ID_LINE = "IMPORT_ID=";
    public static final String QUEUED_ID_LINE = "QUEUED_ID=";

    private ImportWorker() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + args[0], "mosaic.test.neo4j-uri=" + args[1],
                        "spring.batch.job.enabled=false", "mosaic.import.resume-interrupted=false",
                        "mosaic.import.concurrent-imports=1")
                .run();
        Imports imports = context.getBean(Imports.class);
        ImportId id = imports.start(ImportType.CUSTOMERS, Path.of(args[2]), "big-customers.csv");
        ImportId queued = imports.start(ImportType.CUSTOMERS, Path.of(args[3]), "queued-customers.csv");
        System.out.println(IMPORT_ID_LINE + id.value());
        System.out.println(QUEUED_ID_LINE + queued.value());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
