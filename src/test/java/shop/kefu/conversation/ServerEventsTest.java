package shop.kefu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The frames clients parse, as docs/api.md describes them: type first, optional fields only when set. */
class ServerEventsTest {

    private final ServerEvents events = new ServerEvents();

    {
        events.json = new ObjectMapper();
    }

    @Test
    void aPlainReplyHasEveryListButNoAgentCardOrDecision() {
        ObjectNode reply = events.tree(ServerEvent.Reply.of("bot", "您好", 0.97449, List.of("转人工")));
        assertEquals("type", reply.fieldNames().next(), "type comes first");
        assertEquals("reply", reply.path("type").asText());
        assertEquals("bot", reply.path("from").asText());
        assertEquals(0.974, reply.path("confidence").asDouble(), 1e-9);
        assertTrue(reply.path("citations").isArray() && reply.path("actions").isArray());
        assertEquals("转人工", reply.path("quickReplies").path(0).asText());
        assertFalse(reply.has("agent") || reply.has("aftersales") || reply.has("decision"));
    }

    @Test
    void anAfterSalesCardKeepsItsUnknownFieldsAsNull() {
        ObjectNode reply = events.tree(new ServerEvent.Reply("bot", "好的", 1, List.of(), List.of(),
                List.of(new ServerEvent.Action("aftersales_created", "AS1", "refund"), new ServerEvent.Action("handoff", null, null)),
                null, new ServerEvent.AfterSalesCard("O1", "FRS-1", "草莓", "refund", null, null, null, "reason"),
                new ServerEvent.DecisionRef("approved", null)));
        assertTrue(reply.path("aftersales").has("reason") && reply.path("aftersales").path("reason").isNull());
        assertTrue(reply.path("decision").has("rule"));
        assertEquals("AS1", reply.path("actions").path(0).path("aftersalesId").asText());
        assertFalse(reply.path("actions").path(1).has("aftersalesId"), "an action without an order names none");
    }

    @Test
    void aHandoffWithNobodyOnlineSaysTheWaitIsUnknown() {
        ObjectNode handoff = events.tree(new ServerEvent.Handoff("requested", 1, 0, null));
        assertEquals("handoff", handoff.path("type").asText());
        assertTrue(handoff.has("estimatedWaitMinutes") && handoff.path("estimatedWaitMinutes").isNull());
    }

    @Test
    void anErrorNamesTheMessageOnlyWhenThereIsOne() {
        assertFalse(events.tree(new ServerEvent.Error("rate_limited", "慢一点", null)).has("id"));
        assertEquals("m1", events.tree(new ServerEvent.Error("unknown_attachment", "附件不存在", "m1")).path("id").asText());
    }

    @Test
    void agentEventsNameTheAgent() {
        ObjectNode joined = events.tree(new ServerEvent.AgentJoined(new ServerEvent.AgentRef("a1", "小王")));
        assertEquals("agent_joined", joined.path("type").asText());
        assertEquals("小王", joined.path("agent").path("name").asText());
        assertEquals("shopper", events.tree(ServerEvent.Message.fromShopper("m1", "你好", List.of())).path("from").asText());
    }
}
