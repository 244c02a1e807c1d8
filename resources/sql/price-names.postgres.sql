-- The price book inside PostgreSQL, so that the original web app's writer is
-- priced by the same book as Meterdesk's own writers (storage/PriceNames.cpp
-- fills the table from the book; tst_pricenames_pg checks this function
-- against the C++ book on every shipped name).
-- Statements are separated by a line holding a single slash.
CREATE TABLE IF NOT EXISTS meterdesk_price_names (
  name varchar NOT NULL,          -- a model name or alias, lowercase; '' is the fallback
  admin boolean NOT NULL,         -- the admin's own price (consulted first)
  rank integer NOT NULL,          -- 0 admin, 1 curated, 2 LiteLLM map
  effective_from date NOT NULL,
  model varchar NOT NULL,         -- the entry it prices as
  input_nanos bigint NOT NULL,
  output_nanos bigint NOT NULL,
  cached_input_nanos bigint,
  cache_write_nanos bigint,
  tiers jsonb NOT NULL DEFAULT '[]'
)
/
CREATE INDEX IF NOT EXISTS idx_meterdesk_price_names ON meterdesk_price_names (name, admin, effective_from)
/
-- A name without its snapshot tag: the rules of money/ModelNames.cpp.
CREATE OR REPLACE FUNCTION meterdesk_without_tag(name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(name, '-v[0-9]+:[0-9]+$', ''),
    '(-[0-9]{4}-[0-9]{2}-[0-9]{2}|-[0-9]{8}|@[0-9]{8}|@[0-9]{4}-[0-9]{2}-[0-9]{2}|-[0-9]{3}|-[0-9]{4})$', '')
$$
/
-- The names a requested model may be priced under, most specific first: the
-- rules of money/ModelNames.cpp.
CREATE OR REPLACE FUNCTION meterdesk_name_candidates(model text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  whole text := lower(btrim(coalesce(model, '')));
  layer text;
  next text;
  result text[] := ARRAY[]::text[];
BEGIN
  IF whole = '' THEN
    RETURN result;
  END IF;
  IF whole LIKE 'ft:%' THEN
    layer := split_part(substr(whole, 4), ':', 1);
    RETURN ARRAY['ft:' || layer, 'ft:' || meterdesk_without_tag(layer)];
  END IF;
  layer := whole;
  LOOP
    result := result || layer || meterdesk_without_tag(layer);
    next := regexp_replace(layer,
      '^(openai/|azure/|anthropic/|vertex_ai/|gemini/|google/|models/'
      '|bedrock/([a-z]{2}(-gov)?-[a-z]+-[0-9]/)?'
      '|(us|eu|apac|au|jp|ca|global|us-gov)\.(?=anthropic\.|amazon\.|meta\.)'
      '|anthropic\.)', '');
    EXIT WHEN next = layer OR next = '';
    layer := next;
  END LOOP;
  RETURN result;
END
$$
/
-- The cost of a call, exactly as PriceBook::quote computes it: the admin's
-- price under any candidate name first, then the first candidate the
-- curated table or the map knows; the price in force on the call's day; the
-- highest long-context tier the input passes; rounded once to the
-- nano-dollar. An unknown model bills every token at the fallback.
CREATE OR REPLACE FUNCTION meterdesk_price_cost(model text, at timestamp, input bigint, output bigint,
                                                cached bigint, cache_write bigint,
                                                OUT cost bigint, OUT priced boolean, OUT matched text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  candidates text[] := meterdesk_name_candidates(model);
  day date := coalesce(at, now() AT TIME ZONE 'UTC')::date;
  c text;
  hit text;
  p meterdesk_price_names%ROWTYPE;
  tier jsonb;
  ri numeric; ro numeric; rc numeric; rw numeric;
BEGIN
  input := coalesce(input, 0); output := coalesce(output, 0);
  cached := coalesce(cached, 0); cache_write := coalesce(cache_write, 0);
  FOREACH c IN ARRAY candidates LOOP
    IF EXISTS (SELECT 1 FROM meterdesk_price_names n WHERE n.name = c AND n.admin) THEN
      hit := c;
      EXIT;
    END IF;
  END LOOP;
  IF hit IS NOT NULL THEN
    SELECT * INTO p FROM meterdesk_price_names n
      WHERE n.name = hit AND n.admin AND n.effective_from <= day ORDER BY n.effective_from DESC LIMIT 1;
  END IF;
  IF p.name IS NULL THEN
    hit := NULL;
    FOREACH c IN ARRAY candidates LOOP
      IF EXISTS (SELECT 1 FROM meterdesk_price_names n WHERE n.name = c AND NOT n.admin AND c <> '') THEN
        hit := c;
        EXIT;
      END IF;
    END LOOP;
    IF hit IS NOT NULL THEN
      SELECT * INTO p FROM meterdesk_price_names n
        WHERE n.name = hit AND NOT n.admin AND n.effective_from <= day
        ORDER BY n.rank, n.effective_from DESC LIMIT 1;
    END IF;
  END IF;
  IF p.name IS NULL THEN
    SELECT * INTO p FROM meterdesk_price_names n WHERE n.name = '' LIMIT 1;
    priced := false;
    matched := NULL;
    ri := coalesce(p.input_nanos, 5000000000);
    ro := coalesce(p.output_nanos, 5000000000);
    rc := ri;
    rw := ri;
  ELSE
    priced := true;
    matched := p.model;
    SELECT t INTO tier FROM jsonb_array_elements(p.tiers) t
      WHERE (t->>'above')::bigint < input + cached + cache_write ORDER BY (t->>'above')::bigint DESC LIMIT 1;
    IF tier IS NULL THEN
      ri := p.input_nanos; ro := p.output_nanos;
      rc := coalesce(p.cached_input_nanos, p.input_nanos); rw := coalesce(p.cache_write_nanos, p.input_nanos);
    ELSE
      ri := (tier->>'input')::numeric; ro := (tier->>'output')::numeric;
      rc := coalesce((tier->>'cached')::numeric, ri); rw := coalesce((tier->>'write')::numeric, ri);
    END IF;
  END IF;
  cost := round((input * ri + output * ro + cached * rc + cache_write * rw) / 1000000)::bigint;
END
$$
