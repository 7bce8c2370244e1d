package shop.kefu.understanding;

import shop.kefu.policy.ClaimKind;
import shop.kefu.policy.ClaimReason;

/**
 * What one message says, as far as after-sales needs: its intent, and the details it gives. A detail
 * is null when the message does not give it.
 *
 * @param question the message is phrased as a question (怎么办, 吗, ？)
 * @param stated   a problem is stated as a fact, plainly or then asking what now ("生菜叶子烂成水了 咋吃"), not
 *                 only asked about ("有点小裂纹是正常的吗", "要是化了咋办")
 */
public record Reading(Intent intent, ClaimKind kind, ClaimReason reason, Boolean unused, boolean question, boolean stated) {
}
