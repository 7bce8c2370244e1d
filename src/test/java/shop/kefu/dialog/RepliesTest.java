package shop.kefu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff's own reply templates (no Quarkus). */
class RepliesTest {

    @Test
    void aStaffCopyFromBeforeANewKeyStillWorksAndKeepsItsOwnWording(@TempDir Path prompts) throws IOException {
        // a copy written before the button.* keys existed, with one greeting reworded
        Files.writeString(prompts.resolve("replies.properties"), "greeting=欢迎光临小店，有什么可以帮您？\n", StandardCharsets.UTF_8);
        Replies replies = new Replies();
        replies.prompts = () -> prompts.toString();
        replies.load();
        assertEquals("欢迎光临小店，有什么可以帮您？", replies.text("greeting"), "the staff's wording wins");
        assertEquals("转人工", replies.text("button.human"), "a key the copy lacks comes from the packaged file");
    }
}
