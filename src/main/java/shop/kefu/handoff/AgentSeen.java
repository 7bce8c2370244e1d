package shop.kefu.handoff;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agent's last sign of life (V12__agent_presence.sql). */
@Entity
@Table(name = "agent_presence")
public class AgentSeen extends PanacheEntityBase {
    @Id
    @Column(name = "agent_id")
    public String agentId;
    public String name;
    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;
}
