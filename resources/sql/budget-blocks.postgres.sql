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
/
-- A budget's amount as core/budgets/Budget.cpp words it: requests counted
-- ("1,000 requests"), dollars to the cent when whole cents (a spend too from
-- a dollar up), else exact ("$0.045"). tst_budgets_pg compares the words.
CREATE OR REPLACE FUNCTION meterdesk_budget_amount(p_value bigint, p_metric text, p_spent boolean) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_metric = 'requests' THEN
    RETURN to_char(p_value, 'FM999,999,999,999,999,990') || CASE WHEN p_value = 1 THEN ' request' ELSE ' requests' END;
  END IF;
  IF p_value % 10000000 = 0 OR (p_spent AND p_value >= 1000000000) THEN
    RETURN '$' || to_char(round(p_value / 1000000000.0, 2), 'FM999,999,999,990.00');
  END IF;
  RETURN '$' || rtrim(to_char(round(p_value / 1000000000.0, 6), 'FM999999999990.000000'), '0');
END $$
/
-- Budgets for the original web app's writer, whose rows its trigger counts:
-- the rules of core/budgets (BudgetEnforcer, budgetUses) for one user, after
-- the row is counted, in the same transaction. A soft threshold passed
-- raises its alert; a limit reached blocks the user, if the audit chain's
-- lock can be had at once (that writer holds stats rows already, and must
-- not wait for the lock admins take first: the next call tries again).
-- Nothing here may fail that writer's insert: an error is a warning.
CREATE OR REPLACE FUNCTION meterdesk_enforce_budgets(p_user text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_now timestamp := clock_timestamp() AT TIME ZONE 'UTC';
  b record;
  v_start date;
  v_end date;
  v_spent bigint;
  v_describe text;
  v_period text;
  v_window text;
  v_fraction numeric;
  v_best numeric := -1;
  v_reason text;
  v_budget text;
  v_details text;
  v_dedupe text;
  v_block_details text;
  v_until timestamp;
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM meterdesk_budgets WHERE user_id = p_user OR user_id = '') THEN
      RETURN;
    END IF;
    FOR b IN SELECT * FROM meterdesk_budgets d
              WHERE d.user_id = p_user
                 OR (d.user_id = '' AND NOT EXISTS (SELECT 1 FROM meterdesk_budgets o WHERE o.user_id = p_user
                       AND o.service = d.service AND o.metric = d.metric AND o.period = d.period))
              ORDER BY d.user_id, d.service, d.metric, d.period LOOP
      v_start := CASE b.period WHEN 'day' THEN v_now::date WHEN 'week' THEN date_trunc('week', v_now)::date
                 ELSE date_trunc('month', v_now)::date END;
      v_end := CASE b.period WHEN 'day' THEN v_start + 1 WHEN 'week' THEN v_start + 7
               ELSE (v_start + interval '1 month')::date END;
      SELECT coalesce(sum(CASE WHEN b.metric = 'usd' THEN cost_nanos ELSE requests END), 0) INTO v_spent
        FROM api_usage_daily WHERE user_id = p_user AND day >= v_start AND day < v_end
         AND (b.service = '' OR service = b.service);
      v_period := CASE b.period WHEN 'day' THEN 'today' WHEN 'week' THEN 'this week' ELSE 'this month' END;
      v_describe := meterdesk_budget_amount(b.limit_value, b.metric, false) || ' per ' || b.period
                    || CASE WHEN b.service = '' THEN '' ELSE ' (' || b.service || ')' END;
      v_window := to_char(v_start, 'YYYY-MM-DD') || 'T00:00:00Z';
      v_details := json_build_object('budgetId', b.id, 'budget', v_describe, 'metric', b.metric, 'period', b.period,
                     'spent', meterdesk_budget_amount(v_spent, b.metric, true),
                     'limit', meterdesk_budget_amount(b.limit_value, b.metric, false),
                     'softPercent', coalesce(b.soft_percent, 0),
                     'periodEnd', to_char(v_end, 'YYYY-MM-DD') || 'T00:00:00Z')::text;
      IF v_spent >= b.limit_value THEN
        v_fraction := v_spent::numeric / b.limit_value;
        v_until := greatest(coalesce(v_until, v_end::timestamp), v_end::timestamp);
        IF v_fraction > v_best THEN
          v_best := v_fraction;
          v_reason := 'Budget exceeded: ' || meterdesk_budget_amount(v_spent, b.metric, true) || ' of '
                      || meterdesk_budget_amount(b.limit_value, b.metric, false) || ' ' || v_period
                      || CASE WHEN b.service = '' THEN '' ELSE ' (' || b.service || ')' END;
          v_budget := 'budget #' || b.id || ': ' || v_describe || ' for '
                      || CASE WHEN b.user_id = '' THEN 'every user' ELSE 'user ' || b.user_id END
                      || CASE WHEN b.service = '' THEN '' ELSE ', ' || b.service END;
          v_dedupe := 'budget-block:' || b.id || ':' || v_window || ':' || p_user;
          v_block_details := v_details;
        END IF;
      ELSIF b.soft_percent IS NOT NULL AND v_spent * 100 >= b.limit_value * b.soft_percent THEN
        INSERT INTO meterdesk_alerts (at, user_id, kind, message, details, dedupe)
        VALUES (v_now, p_user, 'budget-soft',
                meterdesk_budget_amount(v_spent, b.metric, true) || ' of ' || v_describe || ' used ' || v_period
                  || ' (' || b.soft_percent || '% alert)',
                v_details, 'budget-soft:' || b.id || ':' || v_window || ':' || p_user)
        ON CONFLICT (dedupe) DO NOTHING;
      END IF;
    END LOOP;
    IF v_best >= 0 AND pg_try_advisory_xact_lock(%AUDIT_CHAIN_LOCK%)
       AND meterdesk_budget_block(p_user, v_reason, v_until, v_budget, 'original app (' || session_user || ')', v_now) THEN
      INSERT INTO meterdesk_alerts (at, user_id, kind, message, details, dedupe)
      VALUES (v_now, p_user, 'budget-block', v_reason, v_block_details, v_dedupe) ON CONFLICT (dedupe) DO NOTHING;
    END IF;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'meterdesk: budgets not enforced for %: %', p_user, SQLERRM;
  END;
END $$
/
-- Whoever the original writer connects as runs it from its trigger: it
-- applies the budgets' rules and nothing else.
GRANT EXECUTE ON FUNCTION meterdesk_enforce_budgets(text) TO PUBLIC
