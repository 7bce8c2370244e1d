package shop.kefu.aftersales;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.attachments")
public interface AttachmentsConfig {
    /**
     * Folder of uploaded images. Its default, {@code ${kefu.data.dir}/attachments}, is set in
     * application.properties; in production put it on a volume other than the database's.
     */
    String dir();

    /** Largest evidence image accepted, in bytes (5 MiB: a phone photo, not a video). */
    @WithDefault("5242880")
    long maxBytes();

    /**
     * Most pixels an image may declare, checked before it is decoded: decoding takes about 4 bytes a
     * pixel whatever the file size, so a small file declaring a huge image must not reach the decoder.
     */
    @WithDefault("25000000")
    long maxPixels();

    /** Images decoded and re-encoded at once; each holds up to {@link #maxPixels()} × 4 bytes of memory. */
    @WithDefault("2")
    int maxConcurrentDecodes();

    /** Bytes one shopper may have stored (sent or not). */
    @WithDefault("209715200")
    long quotaBytes();

    /** Attachments one shopper may have stored (sent or not). */
    @WithDefault("100")
    int quotaFiles();

    /** Uploads are refused while the attachments folder's disk would keep less free space than this. */
    @WithDefault("1073741824")
    long minFreeBytes();

    /** An upload never sent in a message nor used as evidence is deleted once this old. */
    @WithDefault("24h")
    Duration unreferencedAfter();

    /** How often unreferenced uploads are looked for. */
    @WithDefault("1h")
    Duration cleanupEvery();
}
