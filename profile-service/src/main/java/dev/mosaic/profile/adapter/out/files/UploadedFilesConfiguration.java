package dev.mosaic.profile.adapter.out.files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mosaic.profile.domain.UploadedFiles;
import dev.mosaic.profile.runtime.MosaicStoreProperties;

@Configuration(proxyBeanMethods = false)
class UploadedFilesConfiguration {

    /** The folder the import endpoint stores uploads in. */
    @Bean
    UploadedFiles uploadedFiles(MosaicStoreProperties properties) {
        return new LocalUploadedFiles(properties.dataDir().resolve("uploads"));
    }
}
