package dev.octogate.cla;

import dev.octogate.store.AuditEntry;
import dev.octogate.store.AuditLog;

/** Recomputes the audit log's chain from the first entry and says where it breaks, if it does. */
public final class AuditCheck {

    /**
     * @param entries     how many entries were checked
     * @param brokenAt    the id of the first entry that is not what the chain says (altered, or the
     *                    one after a removed entry); 0 when the chain holds
     * @param why         what is wrong there, for the page
     */
    public record Result(long entries, long brokenAt, String why) {
        public boolean intact() {
            return brokenAt == 0;
        }
    }

    private AuditCheck() {
    }

    public static Result of(AuditLog log) {
        long[] count = {0};
        String[] previous = {AuditEntry.GENESIS};
        Result[] broken = {null};
        log.each(entry -> {
            count[0]++;
            if (broken[0] != null) {
                return;
            }
            if (!entry.previousHash().equals(previous[0])) {
                broken[0] = new Result(0, entry.id(), "it does not follow the entry before it: an entry before it "
                        + "was removed or altered");
            } else if (!entry.intact()) {
                broken[0] = new Result(0, entry.id(), "its content does not match its hash: it was altered");
            }
            previous[0] = entry.hash();
        });
        return broken[0] == null ? new Result(count[0], 0, "")
                : new Result(count[0], broken[0].brokenAt(), broken[0].why());
    }
}
