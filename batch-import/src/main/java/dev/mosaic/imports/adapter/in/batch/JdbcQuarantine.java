package dev.mosaic.imports.adapter.in.batch;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.mosaic.imports.domain.QuarantinedRow;

/**
 * Rejected rows, in the job repository's database: written in the same transaction as the chunk they were read in,
 * so a restarted import neither loses nor repeats them.
 */
final class JdbcQuarantine {

    private final JdbcTemplate jdbc;

    JdbcQuarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void createTableIfMissing() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS MOSAIC_QUARANTINE (
                    JOB_INSTANCE_ID BIGINT NOT NULL,
                    FILE_NAME VARCHAR(1000) NOT NULL,
                    LINE_NUMBER BIGINT NOT NULL,
                    RAW_ROW VARCHAR(100000),
                    REASON VARCHAR(2000) NOT NULL)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS MOSAIC_QUARANTINE_IMPORT ON MOSAIC_QUARANTINE (JOB_INSTANCE_ID)");
        // Pages of a large quarantine are read in line order.
        jdbc.execute("CREATE INDEX IF NOT EXISTS MOSAIC_QUARANTINE_LINES ON MOSAIC_QUARANTINE (JOB_INSTANCE_ID, LINE_NUMBER)");
    }

    void add(long jobInstanceId, String fileName, long row, String rawRow, String reason) {
        jdbc.update("INSERT INTO MOSAIC_QUARANTINE (JOB_INSTANCE_ID, FILE_NAME, LINE_NUMBER, RAW_ROW, REASON) VALUES (?, ?, ?, ?, ?)",
                jobInstanceId, fileName, row, truncate(rawRow, 100000), truncate(reason, 2000));
    }

    /** One page in line order; rows of the same line (none in practice) in a fixed order too, so pages do not overlap. */
    List<QuarantinedRow> rowsOf(long jobInstanceId, long offset, int limit) {
        return jdbc.query("SELECT FILE_NAME, LINE_NUMBER, RAW_ROW, REASON FROM MOSAIC_QUARANTINE WHERE JOB_INSTANCE_ID = ? "
                        + "ORDER BY LINE_NUMBER, REASON, RAW_ROW LIMIT ? OFFSET ?",
                (rs, index) -> new QuarantinedRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                jobInstanceId, limit, offset);
    }

    long countOf(long jobInstanceId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM MOSAIC_QUARANTINE WHERE JOB_INSTANCE_ID = ?", Long.class,
                jobInstanceId);
        return count == null ? 0 : count;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
