package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import vn.lgm.compliance.engine.facts.ExportLine;
import vn.lgm.compliance.engine.facts.ForeignInvestor;
import vn.lgm.compliance.engine.facts.LicenceRegime;
import vn.lgm.compliance.engine.facts.PrincipalGroup;
import vn.lgm.compliance.engine.facts.RadioactiveMineral;
import vn.lgm.compliance.engine.facts.LicensingAuthority;
import vn.lgm.compliance.engine.facts.MineralGroup;
import vn.lgm.compliance.engine.facts.MineralLine;
import vn.lgm.compliance.engine.facts.PartnerLine;
import vn.lgm.compliance.engine.facts.StrategicMineral;
import vn.lgm.compliance.contract.model.Activity;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Derived;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Issuer;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * Assesses one project: a short-lived session on the shared KieBase, the project and its list entries inserted,
 * the law's definitions derived by rules, and only the rules in force on the assessment date allowed to fire.
 * Thread-safe; framework-free, so batch audits and benchmarks use it as the service does.
 */
public final class Assessor {

    /** Vietnam's date decides "today" when a description gives no assessment date. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Ways to run an assessment other than plainly: rules switched off (mutation testing, through the agenda,
     * without recompiling), parameter values replaced, a callback per rule firing (coverage), and findings without
     * their explanation and remediation texts ({@code texts} false: a lean audit line, which carries what rebuilds
     * them, need not pay for writing them).
     */
    public record Options(Set<String> disabledRuleIds, Map<String, Double> parameterOverrides, Consumer<RuleInfo> onFire,
                          boolean texts) {
        public static final Options NONE = new Options(Set.of(), Map.of(), null);
        /** For lean audit lines: the findings' texts are left out (null), everything else is the same. */
        public static final Options WITHOUT_TEXTS = new Options(Set.of(), Map.of(), null, false);

        public Options(Set<String> disabledRuleIds, Map<String, Double> parameterOverrides, Consumer<RuleInfo> onFire) {
            this(disabledRuleIds, parameterOverrides, onFire, true);
        }
    }

    /**
     * An assessment stopped because its rules fired more often, or ran longer, than the limit allows: a faulty
     * rule (one that updates its own fact, or keeps inserting) fails that one assessment, never the service.
     */
    public static final class LimitExceeded extends RuntimeException {
        private final String limit;
        private final long value;

        public LimitExceeded(String message) {
            this(message, null, 0);
        }

        /** @param limit the setting that was reached ({@code assessment.time-limit-ms}), value its value */
        public LimitExceeded(String message, String limit, long value) {
            super(message);
            this.limit = limit;
            this.value = value;
        }

        /** The setting that was reached, or null. */
        public String limit() {
            return limit;
        }

        public long value() {
            return value;
        }
    }

    /**
     * One daemon thread halts sessions that ran past their time limit. A cancelled check leaves the queue at once
     * (thousands of assessments a second would otherwise leave their cancelled checks queued for the whole limit).
     */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static java.util.concurrent.ScheduledThreadPoolExecutor watchdog() {
        java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "assessment-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    private final RuleBase rules;
    private final long maxFirings;
    private final long timeLimitMillis;

    /**
     * One session per thread, reset after each assessment rather than created anew: creating a session on the
     * KieBase costs more than most assessments. A reset session has no facts, no agenda and no logical
     * (truth-maintained) facts left; the globals are set again for every assessment.
     */
    private final ThreadLocal<KieSession> sessions;

    public Assessor(RuleBase rules) {
        this(rules, vn.lgm.compliance.contract.input.Limits.DEFAULTS.maxRuleFirings(),
                vn.lgm.compliance.contract.input.Limits.DEFAULTS.assessmentTimeLimit());
    }

    /** With a limit on rule firings and on time per assessment (application.properties: assessment.*). */
    public Assessor(RuleBase rules, long maxFirings, java.time.Duration timeLimit) {
        this.rules = rules;
        this.maxFirings = maxFirings;
        this.timeLimitMillis = timeLimit.toMillis();
        this.sessions = ThreadLocal.withInitial(() -> rules.kieBase().newKieSession());
    }

    public RuleBase rules() {
        return rules;
    }

    public Assessment assess(Project project) {
        return assess(project, Options.NONE);
    }

    public Assessment assess(Project project, Options options) {
        LocalDate date = project.assessmentDate() != null ? project.assessmentDate() : LocalDate.now(VIETNAM);
        ParameterValues params = rules.parameters().at(date, options.parameterOverrides());
        Entries entries = Entries.of(project);
        FindingCollector findings = new FindingCollector(project, rules, params, date, options.parameterOverrides(),
                options.texts(), entries);
        // A session with a listener (coverage) is used once; plain assessments reuse this thread's session.
        boolean reuse = options.onFire() == null;
        KieSession session = reuse ? sessions.get() : rules.kieBase().newKieSession();
        boolean clean = false;
        try {
            session.setGlobal("findings", findings);
            session.setGlobal("params", params);
            if (options.onFire() != null) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        options.onFire().accept(rules.info(event.getMatch().getRule()));
                    }
                });
            }
            insertFacts(session, project, entries);
            java.util.concurrent.atomic.AtomicBoolean halted = new java.util.concurrent.atomic.AtomicBoolean();
            KieSession running = session;
            java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                halted.set(true);
                running.halt();
            }, timeLimitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            int fired;
            try {
                fired = session.fireAllRules(inForce(project, date, options.disabledRuleIds()), (int) Math.min(Integer.MAX_VALUE, maxFirings + 1));
            } finally {
                watchdog.cancel(false);
            }
            if (halted.get()) {
                throw new LimitExceeded("the assessment of '" + project.id() + "' was stopped after " + timeLimitMillis
                        + " ms (assessment.time-limit-ms): a rule is running away; the other assessments are not affected",
                        "assessment.time-limit-ms", timeLimitMillis);
            }
            if (fired > maxFirings) {
                throw new LimitExceeded("the rules fired more than " + maxFirings + " times assessing '" + project.id()
                        + "' (assessment.max-rule-firings): a rule is looping; the assessment was stopped",
                        "assessment.max-rule-firings", maxFirings);
            }
            List<Finding> list = findings.findings();
            Assessment assessment = new Assessment(project.id(), Verdict.of(list), date, rules.version(),
                    derived(session, project), list);
            clean = true;
            return assessment;
        } finally {
            if (reuse && clean) {
                ((StatefulKnowledgeSessionImpl) session).reset();
            } else {
                // A session a rule failed in is not trusted again.
                session.dispose();
                if (reuse) {
                    sessions.remove();
                }
            }
        }
    }

    /**
     * The one place rules are selected by date: a rule fires only when the date it is judged on (the assessment
     * date, or for a grant condition the licence's issue date: {@link JudgedOn}) lies within its
     * {@code @inForceFrom}..{@code @inForceTo}.
     */
    private AgendaFilter inForce(Project project, LocalDate date, Set<String> disabled) {
        return match -> {
            RuleInfo info = rules.info(match.getRule());
            return info.inForceOn(FindingCollector.judgedDate(info, project, date))
                    && (disabled.isEmpty() || !disabled.contains(info.id()));
        };
    }

    /**
     * The project, and one fact per list entry — an entry identical to an earlier one of its list is that entry said
     * again: it is not inserted, and the findings about the first name it ({@link Entries}).
     */
    private static void insertFacts(KieSession session, Project project, Entries entries) {
        session.insert(project);
        if (project.minerals() != null) {
            for (int i = 0; i < project.minerals().size(); i++) {
                if (project.minerals().get(i) != null && entries.inserted("minerals", i)) {
                    session.insert(new MineralLine(i, project.minerals().get(i)));
                }
            }
        }
        for (int i = 0; project.partners() != null && i < project.partners().size(); i++) {
            if (project.partners().get(i) != null && entries.inserted("partners", i)) {
                session.insert(new PartnerLine(i, project.partners().get(i)));
            }
        }
        if (project.does(Activity.EXPORT) && project.exports() != null) {
            for (int i = 0; i < project.exports().size(); i++) {
                if (project.exports().get(i) != null && entries.inserted("exports", i)) {
                    session.insert(new ExportLine(i, project.exports().get(i)));
                }
            }
        }
    }

    private static Derived derived(KieSession session, Project project) {
        Set<String> groups = new TreeSet<>();
        boolean strategic = false;
        boolean special = false;
        Issuer authority = null;
        List<String> because = new ArrayList<>();
        String principal = null;
        Set<String> radioactive = new TreeSet<>();
        Boolean foreign = false;
        String regime = null;
        for (Object o : session.getObjects()) {
            if (o instanceof PrincipalGroup g) {
                principal = g.group();
            } else if (o instanceof RadioactiveMineral r && Boolean.TRUE.equals(r.radioactive())) {
                radioactive.add(r.line().name().name());
            } else if (o instanceof ForeignInvestor f) {
                foreign = Boolean.TRUE.equals(foreign) || Boolean.TRUE.equals(f.foreign()) ? Boolean.TRUE : null;
                because.add(f.because());
            } else if (o instanceof LicenceRegime l) {
                regime = l.regime();
                because.add(l.because());
            }
            if (o instanceof MineralGroup g) {
                groups.add(g.group());
                because.add(g.because());
            } else if (o instanceof StrategicMineral s) {
                strategic = true;
                special |= s.special();
                because.add(s.because());
            } else if (o instanceof LicensingAuthority a) {
                if (authority != Issuer.MINISTER) {
                    authority = a.authority();
                }
                because.add(a.because());
            }
        }
        boolean mineralsKnown = project.minerals() != null && !project.minerals().isEmpty();
        return new Derived(List.copyOf(groups), mineralsKnown ? strategic : null, mineralsKnown ? special : null,
                authority, because.stream().sorted().toList(), principal, List.copyOf(radioactive),
                project.proponent() == null ? null : foreign, regime);
    }
}
