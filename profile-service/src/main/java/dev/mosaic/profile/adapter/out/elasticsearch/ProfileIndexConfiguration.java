package dev.mosaic.profile.adapter.out.elasticsearch;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.dashboard.CxDashboard;
import dev.mosaic.profile.runtime.StoreEndpoints;

@Configuration(proxyBeanMethods = false)
class ProfileIndexConfiguration {

    /**
     * @param alias the alias profiles are read through; its indices are named {@code <alias>-v<version>}. Instances
     *              that share one Elasticsearch but not their graph need an alias each.
     */
    @Bean(destroyMethod = "close")
    ElasticsearchProfiles elasticsearchProfiles(StoreEndpoints endpoints,
                                                @Value("${mosaic.elasticsearch-profile-alias:profiles}") String alias) {
        return ElasticsearchProfiles.connect(endpoints.elasticsearch(), alias);
    }

    @Bean
    ProfileReadModel profileReadModel(ElasticsearchProfiles profiles) {
        return profiles.readModel();
    }

    @Bean
    CoPurchaseCounts coPurchaseCounts(ElasticsearchProfiles profiles, Clock clock) {
        return profiles.coPurchaseCounts(clock);
    }

    @Bean
    CxDashboard cxDashboard(ElasticsearchProfiles profiles) {
        return profiles.cxDashboard();
    }

    @Bean
    ProfileSearch profileSearch(ElasticsearchProfiles profiles, Clock clock) {
        return profiles.search(clock);
    }
}
