-- One act, one finding: a finding about one act may rest on several rules (the same list entry and the same legal
-- question, e.g. one export breaking five provisions). rule_id keeps the most specific; other_rules the others, most
-- specific first, separated by spaces (null when the finding rests on one rule).

ALTER TABLE audit_finding ADD COLUMN other_rules VARCHAR;
