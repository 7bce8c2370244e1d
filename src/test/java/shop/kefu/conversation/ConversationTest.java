package shop.kefu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The conversation's state rules, without the database: who answers the shopper after each step. */
class ConversationTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-29T10:00:00+08:00");

    static Stream<Arguments> steps() {
        Consumer<Conversation> handOff = c -> c.handOff("requested", 0, T0);
        Consumer<Conversation> claim = c -> c.assignTo("a1", "小王", T0);
        return Stream.of(
                Arguments.of("a new conversation", (Consumer<Conversation>) c -> { }, ConversationState.BOT, null),
                Arguments.of("handed off", handOff, ConversationState.WAITING_FOR_AGENT, null),
                Arguments.of("claimed from the queue", handOff.andThen(claim), ConversationState.WITH_AGENT, "a1"),
                Arguments.of("claimed from the bot", claim, ConversationState.WITH_AGENT, "a1"),
                Arguments.of("transferred back to the queue", handOff.andThen(claim).andThen(c -> c.backToQueue(T0.plusMinutes(5))),
                        ConversationState.WAITING_FOR_AGENT, null),
                Arguments.of("handed to another agent", handOff.andThen(claim).andThen(c -> c.assignTo("a2", "小李", T0)),
                        ConversationState.WITH_AGENT, "a2"),
                Arguments.of("back to the bot", handOff.andThen(claim).andThen(Conversation::backToBot), ConversationState.BOT, null),
                Arguments.of("resolved", handOff.andThen(claim).andThen(c -> c.close("a1", "小王", T0.plusHours(1))),
                        ConversationState.CLOSED, "a1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void eachStepLeavesTheConversationWithTheRightAnswerer(String name, Consumer<Conversation> steps, ConversationState state,
            String agent) {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        steps.accept(c);
        assertEquals(state, c.state, name);
        assertEquals(agent, c.agentId, name);
        assertEquals(state != ConversationState.CLOSED, c.isOpen(), name);
        assertEquals(state == ConversationState.CLOSED ? null : "C1", c.activeKey, name + ": only an open conversation holds the shopper's key");
    }

    @Test
    void aSecondHandoffKeepsTheFirstPlaceInTheQueue() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        assertTrue(c.handOff("low_confidence", 0, T0));
        assertFalse(c.handOff("requested", 2, T0.plusMinutes(5)), "only a bot-held conversation can be handed off");
        c.assignTo("a1", "小王", T0.plusMinutes(1));
        c.backToQueue(T0.plusMinutes(5));
        assertEquals(T0, c.handoffAt, "a transfer back keeps the original handoff time");
        assertEquals(0, c.urgency);
    }

    @Test
    void theBotStartsAfreshWhenAnAgentHandsBack() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        c.dialogState = "{\"flow\":{}}";
        c.handOff("requested", 1, T0);
        c.assignTo("a1", "小王", T0);
        c.backToBot();
        assertNull(c.dialogState);
        assertNull(c.handoffAt, "a later handoff queues it anew");
        assertTrue(c.handOff("requested", 0, T0.plusHours(2)));
        assertEquals(T0.plusHours(2), c.handoffAt);
    }

    @Test
    void aConversationClaimedFromTheBotHasAHandoffTimeWhenItGoesToTheQueue() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        c.assignTo("a1", "小王", T0.plusMinutes(2));
        assertEquals("agent_claimed", c.handoffReason);
        c.backToQueue(T0.plusMinutes(7));
        assertEquals(T0.plusMinutes(2), c.handoffAt, "it waits from when the agent took it from the bot");
    }

    @Test
    void ratedOnceAndOnlyWhenEnded() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        assertFalse(c.rateable(), "the bot still holds it");
        c.assignTo("a1", "小王", T0);
        c.close("a1", "小王", T0.plusMinutes(9));
        assertTrue(c.rateable());
        c.rating = 5;
        assertFalse(c.rateable(), "a second rating would overwrite the first");
    }

    @Test
    void onlyTheFirstAgentReplyStopsTheClock() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        c.agentReplied(T0.plusMinutes(3));
        c.agentReplied(T0.plusMinutes(9));
        assertEquals(T0.plusMinutes(3), c.firstAgentReplyAt);
    }

    @Test
    void heldOnlyByTheAgentItIsAssignedTo() {
        Conversation c = Conversation.openFor("C1", "conv-1", T0);
        assertFalse(c.isHeldBy("a1"));
        c.assignTo("a1", "小王", T0);
        assertTrue(c.isHeldBy("a1"));
        assertFalse(c.isHeldBy("a2"));
        c.close("a1", "小王", T0);
        assertFalse(c.isHeldBy("a1"), "a resolved conversation is held by nobody");
    }
}
