package vn.lgm.compliance.lawyer;

import vn.lgm.compliance.engine.RuleBase;

/**
 * The rules a running service answers with, as the rule-edit loop sees them: the watch reloads them after an edit,
 * the coverage is computed on them. The service's rules in force ({@code api/LiveRules}) are one.
 */
public interface LiveRuleSet {

    /** The rules in force now. */
    RuleBase rules();

    /** Loads the rules again; swaps them in only if {@link RuleReload#check} accepts them. */
    RuleReload.ReloadResult reload(String trigger);

    /** The last reload, or null when there has been none. */
    RuleReload.LastReload lastReload();
}
