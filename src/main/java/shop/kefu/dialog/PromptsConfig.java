package shop.kefu.dialog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kefu.prompts")
public interface PromptsConfig {
    /**
     * Folder of the reply templates, canned agent replies and LLM prompts; a file missing there is read
     * from the copy packaged in the jar, so staff override only what they reword.
     */
    @WithDefault("prompts")
    String dir();
}
