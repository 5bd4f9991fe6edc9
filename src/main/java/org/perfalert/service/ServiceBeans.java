package org.perfalert.service;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.component.mail.MailAuthenticator;
import org.perfalert.ack.AckHttp;
import org.perfalert.ack.AckParts;
import org.perfalert.ack.ReplyStep;
import org.perfalert.pull.PullHealthCheck;
import org.perfalert.pull.PullSteps;
import org.perfalert.pull.Pulling;

import java.util.Properties;

/**
 * The service's beans, bound by Camel's own convention ({@code @BindToRegistry} on a configuration class): the beans
 * the routes call by name, and the health checks (Camel finds the HealthCheck beans of its registry). The settings
 * (with their defaults, {@code Settings.DEFAULTS}) are offered to the routes as {@code {{placeholders}}}.
 */
final class ServiceBeans implements CamelConfiguration {
    private final Assembly parts;
    private final Service.Options options;
    private final AckParts ack;

    ServiceBeans(Assembly parts, Service.Options options, AckParts ack) {
        this.parts = parts;
        this.options = options;
        this.ack = ack;
    }

    @Override
    public void configure(CamelContext camel) {
        camel.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override public String getName() { return "perfalert settings"; }
            @Override public String getProperty(String name) { return parts.settings().get(name); }
        });
    }

    /** The ingest route's and the pull routes' runs. */
    @BindToRegistry("pipeline")
    public Steps.PipelineSteps pipeline() { return new Steps.PipelineSteps(parts.pipeline()); }

    @BindToRegistry("sendOutbox")
    public Steps.SendOutbox sendOutbox() { return new Steps.SendOutbox(parts); }

    @BindToRegistry("weeklyDigest")
    public Steps.WeeklyDigest weeklyDigest() { return new Steps.WeeklyDigest(parts); }

    @BindToRegistry("reloadRules")
    public Steps.ReloadRules reloadRules() { return new Steps.ReloadRules(parts.rules()); }

    /** config/sources.yaml's sources, on their schedules (routes/pull.camel.yaml). */
    @BindToRegistry(Pulling.BEAN)
    public PullSteps pullSources() { return parts.pulling().steps(); }

    /** Files already loaded are remembered on disk, so a restart does not load them again. */
    @BindToRegistry("inboxSeen")
    public IdempotentRepository inboxSeen() {
        return FileIdempotentRepository.fileIdempotentRepository(options.stateDir().resolve("inbox-seen.txt").toFile(),
                100_000, 64L * 1024 * 1024);
    }

    /** The acknowledge page and the reply reader (routes/acknowledge.camel.yaml), with the mailbox's login. */
    @BindToRegistry("ackPage")
    public AckHttp ackPage() { return ack.page(); }

    @BindToRegistry("replies")
    public ReplyStep replies() { return ack.replies(); }

    @BindToRegistry("imapLogin")
    public MailAuthenticator imapLogin() { return ack.login(); }

    @BindToRegistry("imapProperties")
    public Properties imapProperties() { return ack.imapProperties(); }

    @BindToRegistry("outboxHealth")
    public ServiceHealth.Outbox outboxHealth() { return new ServiceHealth.Outbox(parts); }

    @BindToRegistry("rulesHealth")
    public ServiceHealth.Rules rulesHealth() { return new ServiceHealth.Rules(parts.rules()); }

    @BindToRegistry(Pulling.HEALTH_BEAN)
    public PullHealthCheck pullHealth() { return parts.pulling().healthCheck(); }
}
