package org.crmkit.examples.cli;

import java.util.function.Function;

import org.crmkit.core.kpi.RankedRow;
import org.crmkit.core.kpi.StaffRanking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a staff ranking of {@code org.crmkit.core.kpi} into a case's trace, as JSON and in plain words. */
final class StaffRankings {

    private StaffRankings() {
    }

    /**
     * Adds {@code ranking} under {@code key} of {@code step} (method, period, rows with rank, staff,
     * score and what {@code extra} adds) and says one line per row.
     *
     * @param extra more fields of a row, written into its node, and returned as words for its line
     */
    static <R extends RankedRow> void write(CaseTrace trace, ObjectNode step, String key, StaffRanking<R> ranking,
                                            Function<R, String> words, java.util.function.BiConsumer<R, ObjectNode> extra) {
        ObjectNode r = step.putObject(key);
        r.put("method", ranking.method());
        r.put("period", ranking.period().toString());
        ArrayNode rows = r.putArray("rows");
        for (R row : ranking.rows()) {
            ObjectNode n = rows.addObject();
            n.put("rank", row.rank());
            n.put("staff", row.staff().value());
            n.put("score", row.score().toPlainString());
            extra.accept(row, n);
            trace.say("  " + row.rank() + ". " + row.staff() + ": " + words.apply(row));
        }
        r.put("total", ranking.total().toPlainString());
        ArrayNode notes = r.putArray("notes");
        ranking.notes().forEach(notes::add);
    }
}
