-- Live updates on PostgreSQL (service/LiveWatcher.cpp listens). Every
-- writer's statement on these tables sends one notification on the channel
-- meterdesk_changes, whoever the writer is: Tracker, the original app's
-- writer and its count trigger, admin actions, repricing, meterctl. The
-- payload names the table; the listener then reads what changed itself
-- (queries/ChangeFeed.cpp), so a lost or merged notification loses nothing.
-- PostgreSQL delivers them at commit, once per transaction and payload.
-- Statements are separated by a line holding a single slash.
CREATE OR REPLACE FUNCTION meterdesk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('meterdesk_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$
/
DROP TRIGGER IF EXISTS meterdesk_notify_usage ON api_usage_tracking
/
CREATE TRIGGER meterdesk_notify_usage AFTER INSERT OR UPDATE OR DELETE ON api_usage_tracking
  FOR EACH STATEMENT EXECUTE FUNCTION meterdesk_notify_change()
/
DROP TRIGGER IF EXISTS meterdesk_notify_audit ON admin_audit_log
/
CREATE TRIGGER meterdesk_notify_audit AFTER INSERT ON admin_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION meterdesk_notify_change()
/
DROP TRIGGER IF EXISTS meterdesk_notify_budgets ON meterdesk_budgets
/
CREATE TRIGGER meterdesk_notify_budgets AFTER INSERT OR UPDATE OR DELETE ON meterdesk_budgets
  FOR EACH STATEMENT EXECUTE FUNCTION meterdesk_notify_change()
/
DROP TRIGGER IF EXISTS meterdesk_notify_alerts ON meterdesk_alerts
/
CREATE TRIGGER meterdesk_notify_alerts AFTER INSERT ON meterdesk_alerts
  FOR EACH STATEMENT EXECUTE FUNCTION meterdesk_notify_change()
