-- Keeps rows from the seed's own writer counted after the upgrade.
-- Statements are separated by a line holding a single slash.
-- Whole token counts from metadata, or NULL when absent or not a number.
CREATE OR REPLACE FUNCTION meterdesk_token(v jsonb) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(v) IN ('number', 'string') AND (v #>> '{}') ~ '^[0-9]{1,15}$'
              THEN (v #>> '{}')::bigint END
$$
/
-- Before insert: a row without Meterdesk's columns (writer <> 1) came from the
-- seed's writer; fill the real columns from its metadata.
CREATE OR REPLACE FUNCTION meterdesk_fill_legacy_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.writer = 1 THEN
    RETURN NEW;
  END IF;
  NEW.writer := 0;
  NEW.model := coalesce(NEW.model, nullif(NEW.metadata->>'model', ''), NEW.endpoint, '');
  NEW.output_tokens := coalesce(NEW.output_tokens, meterdesk_token(NEW.metadata->'outputTokens'), 0);
  NEW.cached_input_tokens := coalesce(NEW.cached_input_tokens, meterdesk_token(NEW.metadata->'cachedInputTokens'), 0);
  NEW.cache_write_tokens := coalesce(NEW.cache_write_tokens, meterdesk_token(NEW.metadata->'cacheWriteTokens'), 0);
  NEW.input_tokens := coalesce(NEW.input_tokens, meterdesk_token(NEW.metadata->'inputTokens'),
                               greatest(coalesce(NEW.tokens_used, 0) - NEW.output_tokens, 0));
  NEW.cost_nanos := coalesce(NEW.cost_nanos, round(coalesce(NEW.estimated_cost, 0) * 1000000000)::bigint);
  NEW.timestamp := coalesce(NEW.timestamp, now() AT TIME ZONE 'UTC');
  RETURN NEW;
END
$$
/
-- After insert of such a row: rollups, per-service totals and the exact
-- counters. The seed's writer itself still adds total_requests, total_cost
-- and last_activity to the stats row right after its insert.
CREATE OR REPLACE FUNCTION meterdesk_count_legacy_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n bigint := coalesce(NEW.request_count, 1);
  t bigint := NEW.input_tokens + NEW.output_tokens + NEW.cached_input_tokens + NEW.cache_write_tokens;
  u bigint := CASE WHEN NEW.priced = false THEN coalesce(NEW.request_count, 1) ELSE 0 END;
BEGIN
  INSERT INTO api_usage_daily AS d (day, user_id, service, model, requests, input_tokens, output_tokens,
                                    cached_input_tokens, cache_write_tokens, tokens, cost_nanos, unpriced_requests)
  VALUES (NEW.timestamp::date, NEW.user_id, NEW.service, NEW.model, n, NEW.input_tokens, NEW.output_tokens,
          NEW.cached_input_tokens, NEW.cache_write_tokens, t, NEW.cost_nanos, u)
  ON CONFLICT (day, user_id, service, model) DO UPDATE SET
    requests = d.requests + excluded.requests, input_tokens = d.input_tokens + excluded.input_tokens,
    output_tokens = d.output_tokens + excluded.output_tokens,
    cached_input_tokens = d.cached_input_tokens + excluded.cached_input_tokens,
    cache_write_tokens = d.cache_write_tokens + excluded.cache_write_tokens,
    tokens = d.tokens + excluded.tokens, cost_nanos = d.cost_nanos + excluded.cost_nanos,
    unpriced_requests = d.unpriced_requests + excluded.unpriced_requests;
  INSERT INTO api_usage_daily_service AS d (day, service, model, requests, input_tokens, output_tokens,
                                            cached_input_tokens, cache_write_tokens, tokens, cost_nanos, unpriced_requests)
  VALUES (NEW.timestamp::date, NEW.service, NEW.model, n, NEW.input_tokens, NEW.output_tokens,
          NEW.cached_input_tokens, NEW.cache_write_tokens, t, NEW.cost_nanos, u)
  ON CONFLICT (day, service, model) DO UPDATE SET
    requests = d.requests + excluded.requests, input_tokens = d.input_tokens + excluded.input_tokens,
    output_tokens = d.output_tokens + excluded.output_tokens,
    cached_input_tokens = d.cached_input_tokens + excluded.cached_input_tokens,
    cache_write_tokens = d.cache_write_tokens + excluded.cache_write_tokens,
    tokens = d.tokens + excluded.tokens, cost_nanos = d.cost_nanos + excluded.cost_nanos,
    unpriced_requests = d.unpriced_requests + excluded.unpriced_requests;
  INSERT INTO api_usage_user_service AS s (user_id, service, requests, tokens, cost_nanos)
  VALUES (NEW.user_id, NEW.service, n, t, NEW.cost_nanos)
  ON CONFLICT (user_id, service) DO UPDATE SET
    requests = s.requests + excluded.requests, tokens = s.tokens + excluded.tokens,
    cost_nanos = s.cost_nanos + excluded.cost_nanos;
  INSERT INTO api_usage_stats AS s (user_id, total_tokens, total_cost_nanos, unpriced_requests)
  VALUES (NEW.user_id, t, NEW.cost_nanos, u)
  ON CONFLICT (user_id) DO UPDATE SET
    total_tokens = s.total_tokens + excluded.total_tokens,
    total_cost_nanos = s.total_cost_nanos + excluded.total_cost_nanos,
    unpriced_requests = s.unpriced_requests + excluded.unpriced_requests;
  RETURN NULL;
END
$$
/
DROP TRIGGER IF EXISTS meterdesk_legacy_fill ON api_usage_tracking
/
CREATE TRIGGER meterdesk_legacy_fill BEFORE INSERT ON api_usage_tracking
  FOR EACH ROW EXECUTE FUNCTION meterdesk_fill_legacy_row()
/
DROP TRIGGER IF EXISTS meterdesk_legacy_count ON api_usage_tracking
/
CREATE TRIGGER meterdesk_legacy_count AFTER INSERT ON api_usage_tracking
  FOR EACH ROW WHEN (NEW.writer = 0) EXECUTE FUNCTION meterdesk_count_legacy_row()
