package shop.kefu.common;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "kefu.data")
public interface DataConfig {
    /**
     * Folder of the embedded H2 database (and, unless kefu.attachments.dir says otherwise, of uploaded
     * attachments). Its default, {@code ./data}, is set
     * in application.properties, because the datasource URL there is built from it too.
     */
    String dir();
}
