package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.mosaic.identity.application.GraphBusyException;

class ApiExceptionHandlerTest {

    @Test
    void aStewardsChangeDuringAFullRunIsAConflictToRetryLater() {
        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler()
                .graphBusy(new GraphBusyException("a full resolution run is being applied"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(answer.getBody().getDetail()).isEqualTo("a full resolution run is being applied");
    }
}
