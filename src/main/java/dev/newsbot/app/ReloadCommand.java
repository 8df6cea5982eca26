package dev.newsbot.app;

import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import dev.newsbot.ops.admin.AdminClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Asks a running bot to reload its articles, through its admin endpoint. */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Reload one article set, or all, in a running bot (POST /admin/reload with the token from "
                + "NEWSBOT_ADMIN_TOKEN). Prints the JSON report; exit code 1 when the reload failed.")
final class ReloadCommand implements Callable<Integer> {

    @Option(names = "--set", paramLabel = "NAME", description = "The set to reload (default: every set).")
    String set;

    @Option(names = "--addr", paramLabel = "HOST:PORT",
            description = "The admin server (default: admin.addr of the configuration, NEWSBOT_ADMIN_ADDR, else "
                    + "127.0.0.1:8081).")
    String addr;

    @Mixin
    ConfigOption config = new ConfigOption();

    @Spec
    CommandSpec spec;

    /** Where the token is read from; tests replace it. */
    Secrets secrets = Secrets.fromEnvironment();

    @Override
    public Integer call() throws IOException, InterruptedException {
        String token = secrets.adminToken().orElseThrow(() -> new IllegalStateException(
                "NEWSBOT_ADMIN_TOKEN is not set; it must hold the running bot's admin token"));
        NewsbotConfig settings = addr != null ? null : config.load();
        URI base = AdminClient.baseOf(addr != null ? addr : settings.admin().addr());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            AdminClient.Response response = new AdminClient(http, base, token).reload(set);
            spec.commandLine().getOut().println(response.body().strip());
            if (response.status() == 401) {
                spec.commandLine().getErr().println("newsbot: the bot refused the token in NEWSBOT_ADMIN_TOKEN");
            }
            return response.ok() ? 0 : 1;
        } catch (ConnectException e) {
            throw new IllegalStateException("no bot answers at " + base + " (is it running with "
                    + "NEWSBOT_ADMIN_TOKEN set, and is the address right?)", e);
        }
    }
}
