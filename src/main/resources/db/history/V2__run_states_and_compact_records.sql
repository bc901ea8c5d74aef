-- Run states, the register a run belongs to, and records stored compactly (issue 20, items 1-7).
-- Portable SQL: the same file migrates the embedded H2 database and PostgreSQL.

-- What became of a run: RUNNING (still going, or its process died and no start-up has found it yet), COMPLETE (read
-- to its end, every record answered and stored), INTERRUPTED (stopped by a signal, its client gone, or its process
-- found dead at a later start-up) or FAILED (the input, the output or the history failed under it). Only a COMPLETE
-- run is compared, reported or reformed by default.
ALTER TABLE audit_run ADD COLUMN state VARCHAR;
UPDATE audit_run SET state = CASE WHEN complete THEN 'COMPLETE' ELSE 'INTERRUPTED' END;
ALTER TABLE audit_run ALTER COLUMN state SET NOT NULL;
-- Why the run did not complete (null when it did).
ALTER TABLE audit_run ADD COLUMN stopped VARCHAR;
UPDATE audit_run SET stopped = 'left unfinished by an earlier version (found when the history was upgraded)'
    WHERE state = 'INTERRUPTED';
-- The process that runs it, "host pid start-instant", so that a later start-up can tell a run whose process died.
ALTER TABLE audit_run ADD COLUMN owner VARCHAR;
-- The kind of register, from its header ("CSV: legal follow-up of mines", "JSON Lines"): runs are compared only
-- within one kind. Filled for earlier runs from input_format when the store opens.
ALTER TABLE audit_run ADD COLUMN register_kind VARCHAR;
-- False when no register= name was given (HTTP): such runs are compared with earlier unnamed runs of the same kind.
ALTER TABLE audit_run ADD COLUMN register_named BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE audit_run SET register_named = FALSE WHERE register = '(posted register)';
-- Blank rows and rows of only commas, skipped: not records, counted.
ALTER TABLE audit_run ADD COLUMN skipped_rows BIGINT;
-- Warnings of the run (JSON list of texts).
ALTER TABLE audit_run ADD COLUMN warnings VARCHAR;
CREATE INDEX audit_run_kind ON audit_run (register_kind, register, id);

-- A description is stored once, however many runs assessed it unchanged (keyed by the SHA-256 of its JSON).
CREATE TABLE audit_description (
    sha256          VARCHAR       NOT NULL PRIMARY KEY,
    body            VARCHAR       NOT NULL   -- the contract JSON as assessed, nulls left out
);

-- A record's findings in one compact JSON column: the facts once, then per finding the rule, the outcome, the paths
-- of the facts it rests on and the facts it misses. Citations, titles and texts come from the rules by rule id.
-- Runs stored before this migration keep their rows in audit_finding and their description in audit_record.
ALTER TABLE audit_record ADD COLUMN result VARCHAR;
-- Pruning deletes the descriptions no record refers to any more.
CREATE INDEX audit_record_description ON audit_record (description_sha);
-- The conventions by which the run read empty cells as "recorded as not done" (JSON list of {section, columns,
-- source}); null when every empty value was read as unknown.
ALTER TABLE audit_run ADD COLUMN conventions VARCHAR;
