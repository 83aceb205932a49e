package dev.gatehouse.audit;

import java.util.OptionalLong;

/**
 * What verifying the audit trail's hash chain found.
 *
 * @param entries  how many entries the trail holds
 * @param brokenAt the seq of the first entry whose link does not hold; empty when the chain is intact
 * @param summary  one sentence for the screen and the command line
 */
public record ChainReport(long entries, OptionalLong brokenAt, String summary) {

    /** @param anchor the last entry retention removed, to which the first remaining entry links; 0 for none */
    public static ChainReport intact(long entries, long anchor) {
        return new ChainReport(entries, OptionalLong.empty(), "Intact: all " + entries + " entries are linked and "
                + "unchanged" + (anchor == 0 ? "." : ", from entry " + (anchor + 1) + " on; retention removed the "
                + "entries before it."));
    }

    public static ChainReport broken(long entries, long seq, String problem) {
        return new ChainReport(entries, OptionalLong.of(seq), "Broken at entry " + seq + ": " + problem + ".");
    }

    public boolean intact() {
        return brokenAt.isEmpty();
    }
}
