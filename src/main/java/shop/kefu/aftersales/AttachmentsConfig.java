package shop.kefu.aftersales;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.attachments")
public interface AttachmentsConfig {
    /** Largest evidence image accepted, in bytes (5 MiB: a phone photo, not a video). */
    @WithDefault("5242880")
    long maxBytes();
}
