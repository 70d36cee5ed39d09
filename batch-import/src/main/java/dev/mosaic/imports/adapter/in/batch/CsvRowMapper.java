package dev.mosaic.imports.adapter.in.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;

/** Maps CSV lines to rows by the names in the file's header, so columns may come in any order. */
final class CsvRowMapper implements LineMapper<SourceRow> {

    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
    private List<String> header = List.of();

    /** Reads the header line; a UTF-8 byte order mark, surrounding space and letter case are ignored. */
    void useHeader(String headerLine) {
        header = parseHeader(headerLine);
        tokenizer.setNames(header.toArray(String[]::new));
    }

    static List<String> parseHeader(String headerLine) {
        String line = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
        return List.of(new DelimitedLineTokenizer().tokenize(line).getValues()).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public SourceRow mapLine(String line, int lineNumber) {
        FieldSet fields = tokenizer.tokenize(line);
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : header) {
            values.put(column, fields.readRawString(column));
        }
        return new SourceRow(lineNumber, line, values);
    }
}
