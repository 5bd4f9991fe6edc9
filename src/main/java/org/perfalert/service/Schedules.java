package org.perfalert.service;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.perfalert.store.Store;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The schedules that must run once per cluster, not once per instance: the weekly digest, the pulls' tick and the
 * outbox sender (routes digest, pull-*, notify on camel-quartz). On H2 (one process) camel-quartz keeps them in
 * memory as before. On PostgreSQL they live in Quartz's clustered JDBC job store on the same database (tables
 * QRTZ_*, migration V31): each firing goes to one instance, a job never runs on two at once (stateful), and an
 * instance that stops checking in (killed) is found out by the others after schedule.cluster.checkin.ms and a few
 * seconds, and its schedules fire on them (docs/operations.md).
 */
final class Schedules implements AutoCloseable {
    /** Quartz's name for perfalert's schedules: every instance on the store uses the same, so they form one cluster. */
    static final String CLUSTER = "perfalert";

    private final Scheduler scheduler;
    private final HikariDataSource pool;

    private Schedules(Scheduler scheduler, HikariDataSource pool) {
        this.scheduler = scheduler;
        this.pool = pool;
    }

    /** The clustered schedules of this instance on a shared store, or null on a one-process store. */
    static Schedules clustered(Store store, String instance, long checkinMs) throws SchedulerException {
        if (!store.shared()) return null;
        HikariDataSource pool = store.extraPool("perfalert-schedules", 3);
        String dsName = "perfalert-" + instance;   // Quartz's registry of data sources is one per JVM
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override public Connection getConnection() throws SQLException { return pool.getConnection(); }
            @Override public void shutdown() { }
            @Override public void initialize() { }
        });
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
        p.setProperty("org.quartz.scheduler.instanceId", instance);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinMs));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            // Quartz keeps one scheduler per name and JVM; each instance (tests run several in one JVM) has its own
            SchedulerRepository.getInstance().remove(s.getSchedulerName());
            return new Schedules(s, pool);
        } catch (SchedulerException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** camel-quartz over this scheduler (bound as the "quartz" component). */
    QuartzComponent component() {
        QuartzComponent q = new QuartzComponent();
        q.setScheduler(scheduler);
        return q;
    }

    /** True while this instance's scheduler runs (it takes its share of the firings). */
    boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    String instance() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            if (!scheduler.isShutdown()) scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LoggerFactory.getLogger("perfalert.service").warn("the schedules did not stop cleanly: {}", e.toString());
        } finally {
            pool.close();
        }
    }
}
