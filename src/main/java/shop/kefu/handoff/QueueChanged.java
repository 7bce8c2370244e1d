package shop.kefu.handoff;

/** Fired when the queue may have changed (a handoff, a claim, a transfer); agents' views refresh. */
public record QueueChanged(String conversationId) {
}
