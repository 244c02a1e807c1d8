#!/usr/bin/env python3
"""Builds resources/pricing.json from the price reference CSV.

Usage: scripts/pricing-from-csv.py ../shared/pricing-reference.csv resources/pricing-additions.json \
           > resources/pricing.json
The additions are the curated entries the reference lacks and the spellings
that must reach a curated price where the shipped LiteLLM map is wrong.
Prices stay decimal strings so that no binary float touches a price.
"""
import csv
import json
import re
import sys


def price(text):
    text = text.strip()
    return text if text else None


def parse_tier(note):
    m = re.match(r"input over (\d+)k tokens: (.*)", note)
    if not m:
        raise SystemExit(f"cannot read tier note: {note!r}")
    tier = {"aboveInputTokens": int(m.group(1)) * 1000}
    names = {"in": "input", "out": "output", "cache read": "cachedInput", "cache write": "cacheWrite"}
    for part in m.group(2).split("/"):
        value, label = part.strip().split(" ", 1)
        tier[names[label.strip()]] = value
    return tier


def main(path, additions_path):
    models = []
    with open(path, newline="") as f:
        rows = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(rows):
        aliases_text = row["snapshots_and_aliases"]
        extras = re.findall(r"\(([\w.-]+) is ([\d.]+)/([\d.]+)\)", aliases_text)
        aliases = re.sub(r"\(.*?\)", "", aliases_text).split()
        entry = {
            "service": row["service"],
            "model": row["model"],
            "aliases": aliases,
            "input": price(row["input"]),
            "output": price(row["output"]),
        }
        for key, column in (("cachedInput", "cache_read"), ("cacheWrite", "cache_write")):
            if price(row[column]) is not None:
                entry[key] = price(row[column])
        if row["tier_note"].strip():
            entry["tiers"] = [parse_tier(row["tier_note"].strip())]
        models.append(entry)
        for name, inp, out in extras:
            models.append({"service": row["service"], "model": name, "aliases": [],
                           "input": inp, "output": out})
    with open(additions_path) as f:
        additions = json.load(f)
    by_name = {entry["model"]: entry for entry in models}
    for model, extra in additions["aliases"].items():
        by_name[model]["aliases"] += extra["names"]
    for entry in additions["models"]:
        models.append({k: v for k, v in entry.items() if k != "why"})
    book = {
        "source": "Meterdesk curated table",
        "unit": "USD per 1M tokens",
        "fallback": {"input": "5.00", "output": "5.00"},
        "notes": [
            "gpt-4o-mini output is 0.60 (the provider's price), not the 0.20 of the original notes.",
            "cachedInput and cacheWrite, when absent, bill at the input price.",
            additions["why"],
        ],
        "models": models,
    }
    json.dump(book, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
