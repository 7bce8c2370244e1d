package shop.kefu.understanding;

import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * What one message says, as far as after-sales needs: its intent, and the details it gives. A detail
 * is null when the message does not give it.
 *
 * @param question the message is phrased as a question (怎么办, 吗, ？)
 */
public record Reading(Intent intent, ClaimKind kind, ClaimReason reason, Boolean unused, boolean question) {
}
