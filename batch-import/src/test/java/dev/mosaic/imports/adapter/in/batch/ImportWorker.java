package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;

/**
 * A separate JVM that starts one import and keeps running until it is killed; {@link InterruptedImportIT} kills it
 * with SIGKILL halfway through. Arguments: job repository JDBC URL, Neo4j Bolt URI, file.
 */
public final class ImportWorker {

    public static final String IMPORT_ID_LINE = "IMPORT_ID=";

    private ImportWorker() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + args[0], "mosaic.test.neo4j-uri=" + args[1],
                        "spring.batch.job.enabled=false", "mosaic.import.resume-interrupted=false")
                .run();
        ImportId id = context.getBean(Imports.class).start(ImportType.CUSTOMERS, Path.of(args[2]), "big-customers.csv");
        System.out.println(IMPORT_ID_LINE + id.value());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
