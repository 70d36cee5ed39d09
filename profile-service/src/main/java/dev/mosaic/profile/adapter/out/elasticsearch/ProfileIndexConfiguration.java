package dev.mosaic.profile.adapter.out.elasticsearch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.runtime.StoreEndpoints;

@Configuration(proxyBeanMethods = false)
class ProfileIndexConfiguration {

    @Bean(destroyMethod = "close")
    ElasticsearchProfiles elasticsearchProfiles(StoreEndpoints endpoints) {
        return ElasticsearchProfiles.connect(endpoints.elasticsearch());
    }

    @Bean
    ProfileReadModel profileReadModel(ElasticsearchProfiles profiles) {
        return profiles.readModel();
    }
}
