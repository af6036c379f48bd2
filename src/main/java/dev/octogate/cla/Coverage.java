package dev.octogate.cla;

import dev.octogate.store.AgreementVersion;
import dev.octogate.store.ChangeKind;
import dev.octogate.store.Signature;
import java.util.List;

/**
 * Who is covered: a user is covered by an agreement when they have an unrevoked signature of a
 * version U and no version after U, up to the current one, is material. That is: U is at least
 * the last material version.
 */
public final class Coverage {

    private Coverage() {
    }

    /** The number of the newest material version; 0 when there is no version yet. */
    public static int lastMaterial(List<AgreementVersion> versions) {
        int last = 0;
        for (AgreementVersion version : versions) {
            if (version.change() == ChangeKind.MATERIAL && version.number() > last) {
                last = version.number();
            }
        }
        return last;
    }

    /** Whether the signature covers the agreement as it stands. */
    public static boolean covers(Signature signature, int lastMaterial) {
        return !signature.revoked() && lastMaterial > 0 && signature.version() >= lastMaterial;
    }
}
