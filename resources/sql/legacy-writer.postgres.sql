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
  NEW.timestamp := coalesce(NEW.timestamp, now() AT TIME ZONE 'UTC');
  -- Priced by the same book as Meterdesk's writers (price-names.postgres.sql);
  -- the writer's own estimate stays in estimated_cost. An unknown model is
  -- billed at the fallback and counted as unpriced (never NULL).
  IF NEW.cost_nanos IS NULL THEN
    SELECT c.cost, c.priced INTO NEW.cost_nanos, NEW.priced
      FROM meterdesk_price_cost(NEW.model, NEW.timestamp, NEW.input_tokens, NEW.output_tokens,
                                NEW.cached_input_tokens, NEW.cache_write_tokens) c;
  END IF;
  NEW.priced := coalesce(NEW.priced, false);
  RETURN NEW;
END
$$
/
-- The after-insert function that counts such a row in the aggregates,
-- meterdesk_count_legacy_row(), is built by Schema::legacyCountFunction()
-- from the aggregates' lock order (core/LockOrder.h) and made right after
-- the fill function above.
DROP TRIGGER IF EXISTS meterdesk_legacy_fill ON api_usage_tracking
/
-- Meterdesk's own rows (writer 1) skip the function: a PL/pgSQL call per
-- row was a tenth of recording a batch.
CREATE TRIGGER meterdesk_legacy_fill BEFORE INSERT ON api_usage_tracking
  FOR EACH ROW WHEN (NEW.writer IS DISTINCT FROM 1) EXECUTE FUNCTION meterdesk_fill_legacy_row()
/
DROP TRIGGER IF EXISTS meterdesk_legacy_count ON api_usage_tracking
/
CREATE TRIGGER meterdesk_legacy_count AFTER INSERT ON api_usage_tracking
  FOR EACH ROW WHEN (NEW.writer = 0) EXECUTE FUNCTION meterdesk_count_legacy_row()
