package shop.kefu.wechat;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The send API's access_token, one row shared by every node. */
@Entity
@Table(name = "wechat_token")
public class WechatToken extends PanacheEntityBase {
    static final String ACCESS_TOKEN = "access_token";

    @Id
    public String name;
    @Column(name = "access_token")
    public String accessToken;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
