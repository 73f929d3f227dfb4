"""Recall of the quantity recogniser on the dev corpus gold indicators.

For every gold indicator of ``../shared/corpus/dev/*.gold.json`` (quote,
value, unit; masked ones have value null) this checks that some quantity
found in the document overlaps the quote with the same value (within 0.5% or
0.01) and the same unit.  Optional gold indicators are counted apart.

The dev texts are raw (some Traditional, full-width); they are normalised
here one character at a time (OpenCC t2s per character, full-width to
half-width) so offsets stay 1:1 with the file.

Usage: python scripts/quantity_recall.py [DEV_DIR] [--timing]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from extractor.quantities import find_quantities

DEFAULT_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030", "big5", "utf-16"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def normalise_1to1(text: str) -> str:
    """Simplified, half-width copy of ``text`` with the same length."""
    import opencc  # opencc-python-reimplemented

    converter = opencc.OpenCC("t2s")
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - 0xFEE0)
        elif code == 0x3000:
            ch = " "
        else:
            simplified = converter.convert(ch)
            ch = simplified if len(simplified) == 1 else ch
        out.append(ch)
    return "".join(out)


def quote_span(text: str, quote: str, occurrence: int):
    index = -1
    for _ in range(occurrence + 1):
        index = text.find(quote, index + 1)
        if index == -1:
            return None
    return index, index + len(quote)


def same_value(found, gold) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    return abs(found - gold) <= max(0.01, abs(gold) * 0.005)


def matches(quantity, span, gold: dict) -> bool:
    start, end = span
    overlaps = quantity.span[0] < end and start < quantity.span[1]
    return overlaps and quantity.unit == gold.get("unit") and same_value(quantity.value, gold.get("value"))


def measure(dev: Path):
    hits = misses = optional_hits = optional_total = 0
    report = []
    for gold_path in sorted(dev.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        raw = read_text(text_path)
        text = normalise_1to1(raw)
        quantities = find_quantities(text)
        for gold in json.loads(gold_path.read_text(encoding="utf-8"))["indicators"]:
            span = quote_span(raw, gold["quote"], gold.get("occurrence", 0))
            ok = span is not None and any(matches(q, span, gold) for q in quantities)
            if gold.get("optional"):
                optional_total += 1
                optional_hits += ok
                continue
            if ok:
                hits += 1
            else:
                misses += 1
                near = [(q.text, q.value, q.unit) for q in quantities if span and q.span[0] < span[1] and span[0] < q.span[1]]
                report.append(f"{text_path.name}: {gold['quote']!r} want {gold.get('value')} {gold.get('unit')}; found {near}")
    return hits, misses, optional_hits, optional_total, report


def timing(dev: Path, rounds: int = 20) -> None:
    """find_quantities against jieba.lcut on all dev texts joined."""
    import jieba

    text = normalise_1to1("".join(read_text(p) for p in sorted(dev.glob("*.txt"))))
    jieba.initialize()
    jieba.lcut(text)
    find_quantities(text)  # warm: caches, compiled patterns
    runs = {"jieba.lcut": [], "find_quantities": []}
    for _ in range(rounds):  # interleaved, so both see the same machine load
        for name, call in (("jieba.lcut", jieba.lcut), ("find_quantities", find_quantities)):
            began = time.perf_counter()
            call(text)
            runs[name].append(time.perf_counter() - began)
    jieba_ms, ours_ms = (min(runs[name]) * 1000 for name in ("jieba.lcut", "find_quantities"))
    print(f"{len(text)} chars: jieba.lcut {jieba_ms:.1f} ms, find_quantities {ours_ms:.1f} ms, "
          f"ratio {jieba_ms / ours_ms:.1f}x (best of {rounds})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--timing", action="store_true", help="also time against jieba.lcut")
    args = parser.parse_args(argv)
    hits, misses, optional_hits, optional_total, report = measure(args.dev)
    for line in report:
        print("MISS", line)
    print(f"optional indicators found: {optional_hits}/{optional_total}")
    if args.timing:
        timing(args.dev)
    print(f"recall {hits}/{hits + misses} = {100 * hits / max(1, hits + misses):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
