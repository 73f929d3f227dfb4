"""Run the quantity recogniser over other projects' test vectors.

Reads ../shared/peer_vectors/*.jsonl (see SOURCES.md there), keeps the
vectors in scope for a number / money / percent / fraction / range /
quantity recogniser of documents, compares our output with each peer's
expected value in the peer's own format, and prints the pass rate per file,
the failures, and every vector judged out of scope with its reason.
The last line printed is the overall pass rate of in-scope vectors.

The scope rules and their reasons are in scripts/peer_rules.py, the
comparison of each peer's format with our output in scripts/peer_checks.py.

Usage: python scripts/peer_vectors.py [PEER_DIR] [--quiet]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from extractor.quantities import find_quantities
from peer_checks import (check_chinese2digits, check_fraction_or_percent, check_itn_string, check_money_whole,
                         check_ordinal, check_peer_quantity, check_range, check_spans, check_whole_number)
from peer_rules import out_of_scope_reason

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "peer_vectors"

def evaluate(path: Path, vector: dict) -> bool:
    kind, name = vector["kind"], path.name
    if kind in ("ordinal", "itn_ordinal"):
        return check_ordinal(vector)
    if kind == "itn_word":
        return not find_quantities(str(vector["input"]))
    if kind.startswith("itn_") or kind == "sentence_cn2an":
        return check_itn_string(vector)
    if kind == "number_extract" or (isinstance(vector["expected"], dict) and "digitsStringList" in vector["expected"]):
        return check_chinese2digits(vector)
    if kind == "number_range" and isinstance(vector["expected"], list):
        return check_range(vector, name)
    if name.startswith("msrt_") or kind in ("money_extract", "percent") or isinstance(vector["expected"], list):
        # Recognizers-Text's currency / percentage / dimension models against our kinds
        kinds = {"msrt_currency.jsonl": {"money"}, "msrt_percent.jsonl": {"percent"},
                 "msrt_dimension.jsonl": {"measure"}, "jionlp_money_extract.jsonl": {"money"}}.get(name)
        if name == "msrt_percent.jsonl" and re.search("[千仟万萬]分之", str(vector["input"])):
            kinds = kinds | {"fraction"}  # shares of a power of ten (千分之五, 百万分之五) are its percentages
        if kind == "money_extract":
            kinds = {"money"}
        return check_spans(vector, kinds)
    if kind in ("number", "number_invalid", "multiple"):
        return check_whole_number(vector)
    if kind == "fraction_or_percent":
        return check_fraction_or_percent(vector)
    if kind == "money":
        return check_money_whole(vector)
    if kind == "quantity":
        return check_peer_quantity(vector)
    raise ValueError(f"{name}: no evaluator for kind {kind!r}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--quiet", action="store_true", help="do not list failures and exclusions")
    args = parser.parse_args(argv)
    totals, failures, excluded = Counter(), defaultdict(list), defaultdict(list)
    for path in sorted(args.directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            vector = json.loads(line)
            reason = out_of_scope_reason(path, vector)
            if reason:
                excluded[reason].append(f"{path.name}: {vector.get('input', vector.get('quantifier'))!r}")
                continue
            totals[path.name, "n"] += 1
            if evaluate(path, vector):
                totals[path.name, "pass"] += 1
            else:
                failures[path.name].append(vector)
    names = sorted({name for name, _ in totals})
    for name in names:
        n, ok = totals[name, "n"], totals[name, "pass"]
        print(f"{name:45s} {ok:4d}/{n:<4d} {100 * ok / n:5.1f}%")
    if not args.quiet:
        for name, vectors in failures.items():
            for vector in vectors:
                print(f"FAIL {name}: {json.dumps(vector['input'], ensure_ascii=False)} expected "
                      f"{json.dumps(vector['expected'], ensure_ascii=False)[:160]}")
        print("\nOut of scope (reason: count, examples):")
        for reason, items in excluded.items():
            print(f"- {reason}: {len(items)}")
            for item in items:
                print(f"    {item}")
    n = sum(totals[name, "n"] for name in names)
    ok = sum(totals[name, "pass"] for name in names)
    print(f"in scope {ok}/{n}")
    print(f"{100 * ok / n:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
