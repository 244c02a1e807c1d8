#!/usr/bin/env python3
"""Writes the part of a LiteLLM price map that Meterdesk ships: every
OpenAI, Anthropic and Google model priced per token, under every spelling
the map has (first-party, Azure, Bedrock, Vertex, Gemini API, fine-tunes).

    scripts/litellm-subset.py ../shared/prices/litellm-model-prices-2026-07-24.json \
        resources/prices/litellm-2026-07-24.json

The entries are copied as they are, in LiteLLM's own format, with only the
fields Meterdesk reads, so the file stays a LiteLLM map that anyone can
compare with the original."""
import json
import re
import sys

PROVIDERS = re.compile(r"^(openai|text-completion-openai|azure|anthropic|bedrock|bedrock_converse|gemini|vertex_ai.*)$")
VENDORS = re.compile(r"(gpt|chatgpt|^o\d|/o\d|^ft:|text-embedding|davinci|babbage|claude|gemini|gemma|codex|computer-use)")
FIELDS = re.compile(r"^(litellm_provider|mode|input_cost_per_token|output_cost_per_token|cache_read_input_token_cost"
                    r"|cache_creation_input_token_cost|(input|output)_cost_per_token_above_\d+k_tokens"
                    r"|cache_(read|creation)_input_token_cost_above_\d+k_tokens)$")


def main(source, target):
    with open(source) as f:
        prices = json.load(f)
    subset = {}
    for name, entry in sorted(prices.items()):
        if not isinstance(entry, dict) or "input_cost_per_token" not in entry or "output_cost_per_token" not in entry:
            continue
        if not PROVIDERS.match(entry.get("litellm_provider", "")) or not VENDORS.search(name):
            continue
        if "commitment" in name:  # provisioned throughput, billed per hour
            continue
        subset[name] = {k: v for k, v in entry.items() if FIELDS.match(k)}
    with open(target, "w") as f:
        json.dump(subset, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(subset)} of {len(prices)} entries written to {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
