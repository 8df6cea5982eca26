package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/newsbot.service: the settings docs/operating.md promises, and {@code systemd-analyze verify} when present. */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("config/newsbot.service");

    @Test
    void the_unit_runs_as_a_dedicated_user_with_its_home_secrets_restarts_and_hardening() throws IOException {
        String unit = Files.readString(UNIT);
        assertThat(unit.lines()).contains("User=newsbot", "StateDirectory=newsbot",
                "Environment=NEWSBOT_HOME=/var/lib/newsbot", "EnvironmentFile=/etc/newsbot/newsbot.env",
                "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                "PrivateTmp=yes", "CapabilityBoundingSet=", "SystemCallFilter=@system-service");
        assertThat(unit).doesNotContainPattern("(?m)^Environment=.*(TOKEN|API_KEY)");
    }

    @Test
    void systemd_analyze_verify_accepts_the_unit(@TempDir Path dir) throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(tool), "systemd-analyze is not installed");
        Path copy = Files.copy(UNIT, dir.resolve("newsbot.service"));
        Process verify = new ProcessBuilder(tool.toString(), "verify", copy.toString()).redirectErrorStream(true)
                .start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.exitValue()).as(output).isZero();
        // verify reports unknown keys and bad assignments as warnings only; none may name our unit
        assertThat(output.lines().filter(l -> l.contains("newsbot.service"))).as(output).isEmpty();
    }
}
