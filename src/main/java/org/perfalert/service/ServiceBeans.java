package org.perfalert.service;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.component.mail.MailAuthenticator;
import org.perfalert.ack.AckHttp;
import org.perfalert.ack.AckParts;
import org.perfalert.ack.ReplyStep;
import org.perfalert.pull.PullHealthCheck;
import org.perfalert.pull.PullSteps;
import org.perfalert.pull.Pulling;

import java.time.Clock;
import java.util.Properties;

/**
 * The service's beans, bound by Camel's own convention ({@code @BindToRegistry} on a configuration class): the beans
 * the routes call by name, and the health checks (Camel finds the HealthCheck beans of its registry). The settings
 * (with their defaults, {@code Settings.DEFAULTS}) are offered to the routes as {@code {{placeholders}}}, with
 * the inbox endpoint's options for "the file is complete" ({@link InboxOptions#endpointOption}).
 */
final class ServiceBeans implements CamelConfiguration {
    private final Assembly parts;
    private final InboxOptions inbox;
    private static final java.util.Set<String> ENDPOINT_OPTIONS = java.util.Set.of("inbox.done-marker", "inbox.read-lock");
    private final Health health = new Health(Clock.systemUTC());
    private final AckParts ack;

    ServiceBeans(Assembly parts, Service.Options options, AckParts ack) {
        this.parts = parts;
        this.inbox = InboxOptions.from(parts.settings());
        this.ack = ack;
    }

    @Override
    public void configure(CamelContext camel) {
        camel.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override public String getName() { return "perfalert settings"; }
            @Override public String getProperty(String name) {
                return name.startsWith("inbox.") && ENDPOINT_OPTIONS.contains(name) ? inbox.endpointOption(name) : parts.settings().get(name);
            }
        });
    }

    /** The ingest route's, the evaluate route's and the pull routes' runs. */
    @BindToRegistry("pipeline")
    public Steps.PipelineSteps pipeline() {
        return new Steps.PipelineSteps(parts.pipeline(), parts.pipeline().inbox(inbox.dir(), inbox.marker()), health);
    }

    @BindToRegistry("sendOutbox")
    public Steps.SendOutbox sendOutbox() { return new Steps.SendOutbox(parts); }

    @BindToRegistry("weeklyDigest")
    public Steps.WeeklyDigest weeklyDigest() { return new Steps.WeeklyDigest(parts); }

    @BindToRegistry("reloadRules")
    public Steps.ReloadRules reloadRules() { return new Steps.ReloadRules(parts.rules()); }

    /** config/sources.yaml's sources, on their schedules (routes/pull.camel.yaml). */
    @BindToRegistry(Pulling.BEAN)
    public PullSteps pullSources() { return parts.pulling().steps(); }

    /**
     * The files of this process's polls, in memory only, so a file is not handed over twice while it is being taken.
     * What was taken is remembered in the store (the inbox's ledger), in the transaction that stores it.
     */
    @BindToRegistry("inboxInProgress")
    public IdempotentRepository inboxInProgress() { return MemoryIdempotentRepository.memoryIdempotentRepository(100_000); }

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
    public ServiceHealth.Outbox outboxHealth() { return new ServiceHealth.Outbox(parts::outboxCounts, parts::sending); }

    @BindToRegistry("ingestHealth")
    public ServiceHealth.Ingest ingestHealth() { return new ServiceHealth.Ingest(health, inbox.dir(), inbox.maxWait(), inbox.doneFiles()); }

    @BindToRegistry("evaluationHealth")
    public ServiceHealth.Evaluation evaluationHealth() {
        return new ServiceHealth.Evaluation(parts.pipeline(), parts::abandonedRuleThreads, health, inbox.maxWait(), Clock.systemUTC());
    }

    @BindToRegistry("rulesHealth")
    public ServiceHealth.Rules rulesHealth() { return new ServiceHealth.Rules(parts.rules()); }

    @BindToRegistry(Pulling.HEALTH_BEAN)
    public PullHealthCheck pullHealth() { return parts.pulling().healthCheck(); }
}
