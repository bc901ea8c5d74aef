package vn.lgm.compliance.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.InstanceHandle;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.lawyer.CoverageService;
import vn.lgm.compliance.lawyer.LiveRuleSet;
import vn.lgm.compliance.lawyer.RuleReload;
import vn.lgm.compliance.lawyer.RuleReload.ReloadResult;
import vn.lgm.compliance.lawyer.RuleReload.LastReload;
import vn.lgm.compliance.texts.RulesPreload;

/**
 * The rules the service answers with, and their hot reload. The {@code RuleBase} and {@code Assessor} that
 * resources inject are application-scoped proxies onto the current pair: a reload builds a new pair, and swaps it
 * in only when the rules compile and every case passes; a call already running (an assessment) finishes on the
 * pair it started with, and the next call gets the new one. Every rules version loaded in this process keeps its
 * catalogue, so lean audit lines of an earlier version can still be expanded ({@code GET /api/v1/rules?version=}).
 */
@Singleton
public class LiveRules implements LiveRuleSet {

    private static final Logger LOG = Logger.getLogger(LiveRules.class);

    @ConfigProperty(name = "rules.dir", defaultValue = "rules")
    String dir;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    @Inject
    jakarta.enterprise.inject.Instance<CoverageService> coverage;

    private final AtomicReference<Assessor> current = new AtomicReference<>();
    private final Map<String, List<RuleInfo>> catalogues = new ConcurrentHashMap<>();
    /** Per rules version loaded here, its findings in the reader's language (rules/i18n/vi.yaml checked with it). */
    private final Map<String, FindingLocalizer> localizers = new ConcurrentHashMap<>();
    private volatile LastReload last;

    /** The rules now in force here (loaded at start-up on first use). */
    public Assessor assessor() {
        Assessor a = current.get();
        if (a == null) {
            synchronized (this) {
                a = current.get();
                if (a == null) {
                    RuleBase rules = load();
                    localizer(rules);   // the preload's, or loaded now: a rule without its texts stops the start
                    a = new Assessor(rules);
                    catalogues.put(a.rules().version(), a.rules().catalogue());
                    current.set(a);
                }
            }
        }
        return a;
    }

    @Override
    public RuleBase rules() {
        return assessor().rules();
    }

    /**
     * The reader's texts of these rules (loaded with them: a rule without its Vietnamese texts stops the start, or is
     * refused by a reload, like a rule that does not compile).
     */
    public FindingLocalizer localizer(RuleBase rules) {
        return localizers.computeIfAbsent(rules.version(), v -> localizerOf(rules));
    }

    static FindingLocalizer localizerOf(RuleBase rules) {
        return FindingLocalizer.load(rules);
    }

    /** The catalogue of a rules version loaded by this process, or null. */
    public List<RuleInfo> catalogue(String version) {
        return catalogues.get(version);
    }

    private RuleBase load() {
        long start = System.nanoTime();
        RulesPreload.Preloaded preload = current.get() == null ? RulesPreload.take(Path.of(dir)) : null;
        if (preload != null) {
            RuleBase preloaded = preload.rules();
            if (preload.localizer() != null) {
                localizers.put(preloaded.version(), preload.localizer());
            }
            LOG.infof("Loaded %d rules from %s while the service started, ready %d ms after it asked (rules version %s): %s",
                    preloaded.catalogue().size(), Path.of(dir).toAbsolutePath().normalize(),
                    (System.nanoTime() - start) / 1_000_000, preloaded.version().substring(0, 12), preloaded.howBuilt());
            return preloaded;
        }
        RuleBase rules = RuleBase.load(Path.of(dir));
        LOG.infof("Loaded %d rules from %s in %d ms (rules version %s): %s", rules.catalogue().size(),
                Path.of(dir).toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000,
                rules.version().substring(0, 12), rules.howBuilt());
        return rules;
    }

    /** The last reload, or null when there has been none. */
    @Override
    public LastReload lastReload() {
        return last;
    }

    /**
     * Loads rules/ again; swaps the new rules in only if they compile and every case passes. A failure leaves the
     * rules in force untouched and says why: {@code file:line: problem}, or the failing cases. The result is kept,
     * with the trigger, as the {@link #lastReload()}.
     */
    @Override
    public synchronized ReloadResult reload(String trigger) {
        ReloadResult r;
        try {
            r = tryReload();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Reload failed; the rules in force stay", e);
            String before = rules().version();
            r = new ReloadResult(false, before, before, "Reload failed: " + e, List.of());
        }
        last = new LastReload(trigger, Instant.now(), r);
        return r;
    }

    private ReloadResult tryReload() {
        String before = rules().version();
        RuleReload.Check check = RuleReload.check(Path.of(dir), Path.of(casesDir));
        if (!check.accepted()) {
            return new ReloadResult(false, before, before, check.refusal(), check.failingCases());
        }
        RuleBase next = check.assessor().rules();
        localizers.put(next.version(), check.localizer());
        catalogues.put(next.version(), next.catalogue());
        current.set(check.assessor());
        refreshProxies();
        LOG.infof("Rules reloaded: version %s replaces %s", next.version().substring(0, 12), before.substring(0, 12));
        if (coverage != null && coverage.isResolvable()) {
            coverage.get().compute(next);
        }
        return new ReloadResult(true, next.version(), before, "reloaded", List.of());
    }

    /** The application-scoped RuleBase and Assessor are produced again, from the new pair, on their next use. */
    private static void refreshProxies() {
        if (Arc.container() == null) {
            return; // outside the container (a plain unit test): nothing to refresh
        }
        InjectableContext context = Arc.container().getActiveContext(ApplicationScoped.class);
        for (Class<?> type : new Class<?>[] {Assessor.class, RuleBase.class}) {
            try (InstanceHandle<?> handle = Arc.container().instance(type)) {
                if (handle.getBean() != null) {
                    context.destroy(handle.getBean());
                }
            }
        }
    }
}
