package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class AuditedAccessTest {

    /** The classes of the web adapter, imported once: importing is the slow part. */
    private static final List<Class<?>> CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mosaic.profile.adapter.in.web").stream().map(JavaClass::reflect)
            .<Class<?>>map(type -> type).toList();

    /** Every handler of the web adapter, as Class#method, with the action it is audited as (null: not audited). */
    private static Map<String, String> actions() {
        Map<String, String> actions = new LinkedHashMap<>();
        for (Class<?> controller : CLASSES) {
            if (!controller.isAnnotationPresent(RestController.class)) {
                continue;
            }
            for (Method method : controller.getDeclaredMethods()) {
                if (isHandler(method)) {
                    actions.put(controller.getSimpleName() + "#" + method.getName(),
                            AuditedAccess.action(new HandlerMethod(new Object(), method), "GET", "/pattern"));
                }
            }
        }
        return actions;
    }

    private static boolean isHandler(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(annotation ->
                annotation.annotationType() == RequestMapping.class
                        || annotation.annotationType().isAnnotationPresent(RequestMapping.class));
    }

    @Test
    void everyHandlerSaysWhetherItIsAuditedAndLeavingOneOutTakesAReason() throws Exception {
        List<String> undecided = new ArrayList<>();
        for (Class<?> type : CLASSES) {
            for (Method method : type.getDeclaredMethods()) {
                boolean audited = method.isAnnotationPresent(Audited.class);
                NotAudited notAudited = method.getAnnotation(NotAudited.class);
                if (isHandler(method) && audited == (notAudited != null)) {
                    undecided.add(type.getSimpleName() + "#" + method.getName());
                }
                if (notAudited != null) {
                    assertThat(notAudited.value()).as(method.getName()).isNotBlank();
                }
            }
        }
        assertThat(undecided).as("handlers with neither @Audited nor @NotAudited, or both").isEmpty();
        assertThat(actions()).hasSizeGreaterThan(40);
    }

    @Test
    void auditsEveryReadOfPersonalDataAndEveryExport() {
        assertThat(actions()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("ProfileController#byId", "profile.read"),
                Map.entry("ProfileController#lookup", "profile.lookup"),
                Map.entry("ProfileController#timeline", "profile.timeline"),
                Map.entry("ProfileController#nextBestOffers", "profile.offers"),
                Map.entry("ProfileSearchController#search", "profile.search"),
                Map.entry("ExplanationController#explain", "profile.explain"),
                Map.entry("DataSubjectController#export", "profile.export"),
                Map.entry("DataSubjectController#erase", "profile.erase"),
                Map.entry("MembershipExportController#memberships", "export.memberships"),
                Map.entry("SegmentController#members", "segment.members"),
                Map.entry("SegmentController#export", "segment.export"),
                Map.entry("CxDashboardController#detractors", "cx.detractors"),
                Map.entry("ImportController#quarantine", "import.quarantine"),
                Map.entry("StewardController#generic", "resolution.generic-identifiers"),
                Map.entry("StewardController#review", "resolution.review"),
                Map.entry("SegmentController#save", "segment.create"),
                Map.entry("SegmentController#update", "segment.update"),
                Map.entry("SegmentController#delete", "segment.delete")));
    }

    @Test
    void leavesOutRequestsThatReadNoPerson() {
        Map<String, String> actions = actions();
        for (String handler : List.of("ImportController#status", "SegmentController#fields",
                "SegmentController#preview", "SegmentController#previewStats", "SegmentController#stats",
                "CxDashboardController#dashboard", "SessionController#signIn")) {
            assertThat(actions).containsEntry(handler, null);
        }
    }

    @RestController
    static class NewController {

        @GetMapping("/api/v1/new/{profileId}")
        String somethingNew() {
            return "";
        }
    }

    @Test
    void aHandlerThatNamesNoActionIsAuditedByItsMethodAndPath() throws Exception {
        Method handler = NewController.class.getDeclaredMethod("somethingNew");
        assertThat(AuditedAccess.action(new HandlerMethod(new NewController(), handler), "GET", "/api/v1/new/{profileId}"))
                .isEqualTo("get /api/v1/new/{profileId}");
        assertThat(AuditedAccess.action(new Object(), "GET", "/index.html")).as("no controller").isNull();
    }
}
