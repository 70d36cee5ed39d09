package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text a page names exists in English and in German, so a switch of language never shows a bare key. */
class PageTextsTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern KEY = Pattern.compile("^\\s*'([\\w.]+)':", Pattern.MULTILINE);
    private static final Pattern USED_IN_HTML = Pattern.compile("data-i18n(?:-placeholder|-aria-label|-title)?=\"([\\w.]+)\"");
    private static final Pattern USED_IN_JS = Pattern.compile("\\bt\\('([\\w.]+)'|say\\('([\\w.]+)'");

    @Test
    void englishAndGermanHaveTheSameTexts() throws IOException {
        assertThat(keys("de")).isEqualTo(keys("en")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "imports.html", "steward.html", "segments.html", "dashboard.html",
            "login.html", "admin.html", "app.js", "imports.js", "steward.js", "segments.js", "dashboard.js", "login.js",
            "admin.js", "i18n.js"})
    void everyTextAPageNamesIsTranslated(String page) throws IOException {
        String content = Files.readString(STATIC.resolve(page), StandardCharsets.UTF_8);
        Matcher used = (page.endsWith(".html") ? USED_IN_HTML : USED_IN_JS).matcher(content);
        Set<String> names = new TreeSet<>();
        while (used.find()) {
            String name = used.group(1) != null ? used.group(1) : used.group(2);
            if (!name.endsWith(".")) { // a prefix completed at run time, such as 'imports.state.' + status
                names.add(name);
            }
        }
        assertThat(names).isNotEmpty();
        assertThat(keys("en")).containsAll(names);
    }

    static Set<String> keys(String language) throws IOException {
        String texts = Files.readString(STATIC.resolve("i18n.js"), StandardCharsets.UTF_8);
        int start = texts.indexOf("\n  " + language + ": {");
        int end = texts.indexOf("\n  }", start);
        Set<String> keys = new TreeSet<>();
        Matcher matcher = KEY.matcher(texts.substring(start, end));
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
