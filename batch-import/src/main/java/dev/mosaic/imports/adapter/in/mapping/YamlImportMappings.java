package dev.mosaic.imports.adapter.in.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.ImportMappings;
import dev.mosaic.imports.domain.mapping.InvalidMappingException;

/**
 * Mappings written as YAML files named after the mapping ({@code febrl.yml}): those bundled under {@code mappings/} on
 * the classpath and those in a folder (the data folder's {@code mappings/}), where a file overrides a bundled one of
 * the same name. The folder is read on every look-up, so a mapping dropped in or corrected there is used by the next
 * import without a restart; a broken file only fails the imports that ask for it.
 */
final class YamlImportMappings implements ImportMappings {

    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml");

    private final Path folder;
    private final Map<String, MappingText> bundled;

    YamlImportMappings(Path folder) {
        this.folder = folder;
        this.bundled = bundledMappings();
    }

    @Override
    public Optional<ImportMapping> find(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        // The name is only ever compared with file names, never resolved as a path: "../x" finds nothing.
        Optional<MappingText> text = inFolder(wanted).or(() -> Optional.ofNullable(bundled.get(wanted)));
        return text.map(YamlImportMappings::parse);
    }

    @Override
    public Optional<String> location(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return inFolder(wanted).or(() -> Optional.ofNullable(bundled.get(wanted))).map(MappingText::location);
    }

    @Override
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(bundled.keySet());
        folderFiles().forEach(file -> names.add(mappingName(file.getFileName().toString())));
        return List.copyOf(names);
    }

    private static ImportMapping parse(MappingText text) {
        try {
            return MappingYaml.read(text.name(), text.content());
        } catch (InvalidMappingException e) {
            throw new InvalidMappingException(text.location() + ": " + e.getMessage(), e);
        }
    }

    private Optional<MappingText> inFolder(String name) {
        List<Path> files = folderFiles().stream()
                .filter(file -> mappingName(file.getFileName().toString()).equals(name)).toList();
        if (files.size() > 1) {
            throw new InvalidMappingException("mapping " + name + " is defined twice in " + folder + ": "
                    + String.join(" and ", files.stream().map(file -> file.getFileName().toString()).toList())
                    + "; keep one");
        }
        return files.stream().findFirst().map(file -> new MappingText(name, file.toString(), readFile(file)));
    }

    private List<Path> folderFiles() {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> isMappingFile(file.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the mappings in " + folder, e);
        }
    }

    private static String readFile(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMappingException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidMappingException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, MappingText> bundledMappings() {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(YamlImportMappings.class.getClassLoader());
        Map<String, MappingText> mappings = new LinkedHashMap<>();
        try {
            List<Resource> resources = new ArrayList<>();
            for (String extension : EXTENSIONS) {
                resources.addAll(List.of(resolver.getResources("classpath*:mappings/*" + extension)));
            }
            for (Resource resource : resources) {
                String fileName = resource.getFilename();
                if (fileName == null) {
                    continue;
                }
                String name = mappingName(fileName);
                // As with any classpath resource, the first one on the classpath wins.
                mappings.putIfAbsent(name, new MappingText(name, "classpath:mappings/" + fileName,
                        resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled mappings", e);
        }
        return Map.copyOf(mappings);
    }

    private static boolean isMappingFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String mappingName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.substring(0, lower.lastIndexOf('.'));
    }

    /** A mapping file's text and where it was read, so that an error can name the file. */
    private record MappingText(String name, String location, String content) {
    }
}
