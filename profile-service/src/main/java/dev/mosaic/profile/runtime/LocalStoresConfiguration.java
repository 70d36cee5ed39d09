package dev.mosaic.profile.runtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MosaicStoreProperties.class)
class LocalStoresConfiguration {

    @Bean(destroyMethod = "close")
    LocalStores localStores(MosaicStoreProperties properties) {
        return LocalStores.start(properties);
    }

    @Bean
    StoreEndpoints storeEndpoints(LocalStores localStores) {
        return localStores.endpoints();
    }
}
