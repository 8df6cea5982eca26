package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String TOKEN = "123456:ABC-def_ghijklmnop";
    private final Redactor redactor = new Redactor(TOKEN, "s3cret-hook");

    @Test
    void should_mask_the_token_in_text_and_urls() {
        assertThat(redactor.redact("POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed"))
                .isEqualTo("POST https://api.telegram.org/bot<redacted>/sendMessage failed");
        assertThat(redactor.redact("path=/bot123456%3AABC-def_ghijklmnop/getMe")).isEqualTo("path=/bot<redacted>/getMe");
        assertThat(redactor.redact("secret s3cret-hook")).isEqualTo("secret <redacted>");
    }

    @Test
    void should_copy_an_exception_chain_without_the_token_but_with_its_stack() {
        IOException root = new IOException("connect to /bot" + TOKEN + "/getUpdates refused");
        RuntimeException top = new RuntimeException("call failed", root);

        Throwable safe = redactor.redact(top);

        assertThat(safe).isNotSameAs(top).hasMessage("java.lang.RuntimeException: call failed");
        assertThat(safe.getCause()).hasMessage("java.io.IOException: connect to /bot<redacted>/getUpdates refused");
        assertThat(safe.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
        assertThat(safe.toString() + safe.getCause()).doesNotContain(TOKEN);
    }

    @Test
    void should_return_a_clean_exception_unchanged() {
        IllegalStateException e = new IllegalStateException("nothing secret");

        assertThat(redactor.redact(e)).isSameAs(e);
    }
}
