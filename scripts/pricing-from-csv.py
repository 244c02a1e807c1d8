#!/usr/bin/env python3
"""Builds resources/pricing.json from the price reference CSV.

Usage: scripts/pricing-from-csv.py ../shared/pricing-reference.csv > resources/pricing.json
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


def main(path):
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
    book = {
        "unit": "USD per 1M tokens",
        "fallback": {"input": "5.00", "output": "5.00"},
        "notes": [
            "gpt-4o-mini output is 0.60 (the provider's price), not the 0.20 of the original notes.",
            "cachedInput and cacheWrite, when absent, bill at the input price.",
        ],
        "models": models,
    }
    json.dump(book, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
