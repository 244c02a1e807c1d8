-- Budget blocks on PostgreSQL (core/budgets/BudgetBlocks.cpp). The writer
-- role may not change block state (Schema::roles); it blocks a user whose
-- budget ran out, and lifts such a block once its period ended, through
-- these functions alone. They run as their owner, never lift an admin's
-- block, and append the audit row in the same transaction, hashed as
-- admin/AuditChain.cpp hashes (tst_budgets_pg verifies the chain after).
-- The caller takes the audit chain's advisory lock before any stats row
-- (storage/LockOrder.h); the functions take it again, which costs nothing.
-- The caller gives the time (its clock decides when a period ends, on both
-- backends alike): a writer could lift a budget's block early with it, but
-- a writer can as well stop recording; an admin's block it never touches.
-- Statements are separated by a line holding a single slash.
CREATE OR REPLACE FUNCTION meterdesk_budget_audit(p_action text, p_user text, p_old text, p_new text,
                                                  p_reason text, p_os_user text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_at timestamp := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  v_prev text;
  v_text text := '';
  v_field text;
BEGIN
  PERFORM pg_advisory_xact_lock(%AUDIT_CHAIN_LOCK%);
  SELECT row_hash INTO v_prev FROM admin_audit_log WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1;
  v_prev := coalesce(v_prev, '');
  FOREACH v_field IN ARRAY ARRAY[v_prev, to_char(v_at, 'YYYY-MM-DD HH24:MI:SS.MS'), 'budget',
                                 coalesce(p_os_user, ''), p_action, p_user, coalesce(p_old, ''),
                                 coalesce(p_new, ''), coalesce(p_reason, '')] LOOP
    v_text := v_text || octet_length(convert_to(v_field, 'UTF8')) || ':' || v_field || ';';
  END LOOP;
  INSERT INTO admin_audit_log (at, actor_role, os_user, action, user_id, old_value, new_value, reason,
                               prev_hash, row_hash)
  VALUES (v_at, 'budget', p_os_user, p_action, p_user, p_old, p_new, nullif(p_reason, ''), v_prev,
          encode(sha256(convert_to(v_text, 'UTF8')), 'hex'));
END $$
/
-- Blocks a user for a budget until `p_until`; false when the user was
-- blocked already (by an admin, or by a budget whose period has not ended).
CREATE OR REPLACE FUNCTION meterdesk_budget_block(p_user text, p_reason text, p_until timestamp,
                                                  p_budget text, p_os_user text, v_now timestamp)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_row api_usage_stats%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(%AUDIT_CHAIN_LOCK%);
  INSERT INTO api_usage_stats (user_id) VALUES (p_user) ON CONFLICT (user_id) DO NOTHING;
  SELECT * INTO v_row FROM api_usage_stats WHERE user_id = p_user FOR UPDATE;
  IF coalesce(v_row.is_blocked, false)
     AND NOT (v_row.block_source = 'budget' AND v_row.block_until <= v_now) THEN
    RETURN false;
  END IF;
  UPDATE api_usage_stats SET is_blocked = true, block_reason = p_reason, block_source = 'budget',
         block_until = p_until, updated_at = v_now
   WHERE user_id = p_user;
  PERFORM meterdesk_budget_audit('budget-block', p_user, 'allowed', 'blocked: ' || p_reason, p_budget, p_os_user);
  RETURN true;
END $$
/
-- Lifts a budget's block whose period ended; false when there was none.
CREATE OR REPLACE FUNCTION meterdesk_budget_lift(p_user text, p_os_user text, v_now timestamp)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_row api_usage_stats%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(%AUDIT_CHAIN_LOCK%);
  SELECT * INTO v_row FROM api_usage_stats WHERE user_id = p_user FOR UPDATE;
  IF NOT FOUND OR NOT coalesce(v_row.is_blocked, false) OR v_row.block_source IS DISTINCT FROM 'budget'
     OR v_row.block_until > v_now THEN
    RETURN false;
  END IF;
  UPDATE api_usage_stats SET is_blocked = false, block_reason = NULL, block_source = NULL, block_until = NULL,
         updated_at = v_now
   WHERE user_id = p_user;
  PERFORM meterdesk_budget_audit('budget-lift', p_user, 'blocked: ' || coalesce(v_row.block_reason, ''), 'allowed',
                                 'the budget''s period ended', p_os_user);
  RETURN true;
END $$
/
REVOKE ALL ON FUNCTION meterdesk_budget_audit(text, text, text, text, text, text) FROM PUBLIC
/
REVOKE ALL ON FUNCTION meterdesk_budget_block(text, text, timestamp, text, text, timestamp) FROM PUBLIC
/
REVOKE ALL ON FUNCTION meterdesk_budget_lift(text, text, timestamp) FROM PUBLIC
