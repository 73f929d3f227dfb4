"""Score parsed documents against gold files (SPEC section 5).

A gold file ``NAME.gold.json`` sits beside its source ``NAME.txt`` (or
``.html``, ``.docx``, ``.doc``, ``.md``, ``.pdf``, ``.rtf``, ``.xlsx``) and holds the documents, headings and indicators a
careful reader finds there.  Gold quotes are located in the *decoded* source
text, the text the reader produces and every span points into.

Matching rule (SPEC section 5):

- a heading matches the first unused predicted section whose heading span
  overlaps the gold quote;
- an indicator matches the first unused predicted indicator whose span
  overlaps the quote, whose value and unit equal the gold ones (values within
  0.5% or 0.01; a masked figure has no value) and whose object names the same
  thing as the gold object (one contains the other, or they share a run of at
  least 3 characters covering 60% of the shorter);
- an optional gold indicator is neither a miss when absent nor an extra when
  found: it absorbs one overlapping prediction left over by the others.

``score_corpus(gold_dir, documents_by_source)`` gives the metrics for
predictions made elsewhere; ``python -m extractor.evaluate GOLD_DIR`` parses
the corpus with ``extractor.pipeline.parse_paths`` and prints them.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, is_dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

from .errors import ExtractorError, InputError, UsageError
from .records import Span, to_dict

__all__ = [
    "GoldCase", "ScoreSheet", "gold_cases", "decode_file", "locate", "same_value", "same_object",
    "score_text", "score_corpus", "metrics", "parse_corpus", "main",
]

GOLD_SUFFIX = ".gold.json"
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".doc", ".md", ".pdf", ".rtf", ".xlsx", ".xls", ".et", ".wps",
                   ".mht", ".mhtml", ".ofd", ".odt", ".ods", ".pptx", ".dps", ".csv")  # order of preference for NAME.*
VALUE_ABS_TOLERANCE = 0.01
VALUE_REL_TOLERANCE = 0.005
OBJECT_MIN_RUN = 3  # shortest shared run of characters that can make two objects the same
OBJECT_MIN_SHARE = 0.6  # share of the shorter object that run must cover


@dataclass(frozen=True)
class GoldCase:
    """One gold file and the source file it annotates."""

    name: str
    gold_path: Path
    source_path: Path

    def load(self) -> dict:
        try:
            gold = json.loads(self.gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{self.gold_path}: not readable as a JSON gold file ({exc})") from exc
        if not isinstance(gold, dict):
            raise UsageError(f"{self.gold_path}: a gold file holds one JSON object (SPEC section 5)")
        return gold


@dataclass
class ScoreSheet:
    """Running counts over files, plus the misses and extras to show a person."""

    tally: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)  # (file name, what, context)

    def note(self, name: str, what: str, text: str, span: Optional[Span]) -> None:
        self.errors.append((name, what, _context(text, span)))


def gold_cases(gold_dir: str | Path) -> list[GoldCase]:
    """Every ``NAME.gold.json`` under ``gold_dir`` (not recursive) with its source file."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder of gold files; give the folder holding NAME.gold.json files")
    cases = []
    for gold_path in sorted(folder.glob("*" + GOLD_SUFFIX)):
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        candidates = [folder / (name + suffix) for suffix in SOURCE_SUFFIXES]
        source = next((c for c in candidates if c.exists()), None)
        if source is None:
            raise UsageError(f"{gold_path}: no source file {name}.* ({', '.join(SOURCE_SUFFIXES)}) beside it")
        cases.append(GoldCase(name, gold_path, source))
    return cases


# ---------------------------------------------------------------- decoding

def decode_file(path: str | Path) -> str:
    """The text the toolkit's reader makes of ``path``: gold quotes and spans point into it."""
    try:
        from .read import iter_sources  # written alongside; imported late so scoring needs no reader
    except ImportError:
        return _decode_plain_text(Path(path))
    for item in iter_sources([str(path)]):
        text = getattr(item, "text", None)
        if text is None:
            raise InputError(str(path), getattr(item, "error", "the reader could not decode it"))
        return text
    raise InputError(str(path), "the reader produced no text")


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")


def _decode_plain_text(path: Path) -> str:
    """Stand-in for ``extractor.read`` on plain text only (BOM, then UTF-8, GB18030, Big5)."""
    if path.suffix.lower() not in (".txt", ""):
        raise UsageError(f"{path}: decoding {path.suffix} needs extractor.read.iter_sources")
    raw = path.read_bytes()
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding).lstrip("\ufeff")
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(str(path), "not UTF-8, GB18030 or Big5")


# ---------------------------------------------------------------- matching rule

def locate(text: str, quote: str, occurrence: int = 0) -> Optional[Span]:
    """Span of the ``occurrence``-th (0-based) appearance of ``quote`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return (start, start + len(quote))


def _overlap(a: Optional[Sequence[int]], b: Optional[Sequence[int]]) -> bool:
    return bool(a) and bool(b) and a[0] < b[1] and b[0] < a[1]


def same_value(predicted: Optional[float], gold: Optional[float]) -> bool:
    """Equal within 0.5% of the gold value or 0.01, whichever is larger; two absent values agree."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    try:
        predicted, gold = float(predicted), float(gold)
    except (TypeError, ValueError):
        return False
    return abs(predicted - gold) <= max(VALUE_ABS_TOLERANCE, VALUE_REL_TOLERANCE * abs(gold))


def _object_key(name: Optional[str]) -> str:
    """Object name without punctuation, symbols or spaces, full-width folded (NFKC)."""
    folded = unicodedata.normalize("NFKC", name or "")
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZS")


def _longest_shared_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def same_object(predicted: Optional[str], gold: Optional[str]) -> bool:
    """Do two object names name the same thing (SPEC section 5)?

    A one-character name only matches itself: ``人`` is inside too many
    names to say anything.
    """
    a, b = _object_key(predicted), _object_key(gold)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if shorter in longer and (len(shorter) > 1 or shorter == longer):
        return True
    run = _longest_shared_run(shorter, longer)
    return run >= OBJECT_MIN_RUN and run >= OBJECT_MIN_SHARE * len(shorter)


def _value_of(record: Mapping[str, Any]) -> Optional[float]:
    return None if record.get("masked") else record.get("value")


# ---------------------------------------------------------------- scoring one file

def score_text(name: str, text: str, gold: Mapping[str, Any], documents: Sequence[Any],
               sheet: Optional[ScoreSheet] = None) -> ScoreSheet:
    """Add one file's counts to ``sheet`` (a new one by default) and return it."""
    sheet = sheet if sheet is not None else ScoreSheet()
    docs = sorted((_as_dict(d) for d in documents), key=lambda d: d.get("doc_index", 0))
    _score_documents(gold.get("documents", []), docs, sheet)
    sections = [s for d in docs for s in d.get("sections", [])]
    _score_headings(name, text, gold.get("headings", []), sections, sheet)
    indicators = [i for d in docs for i in d.get("indicators", [])]
    _score_indicators(name, text, gold.get("indicators", []), indicators, sheet)
    return sheet


def _as_dict(document: Any) -> dict:
    return to_dict(document) if is_dataclass(document) else dict(document)


def _score_documents(gold_docs: Sequence[Mapping], docs: Sequence[Mapping], sheet: ScoreSheet) -> None:
    tally = sheet.tally
    tally["files"] += 1
    tally["doc_count_ok"] += int(len(docs) == len(gold_docs))
    for gold, doc in zip(gold_docs, docs):
        period = doc.get("period") or {}
        tally["docs_compared"] += 1
        tally["doc_type_ok"] += int(doc.get("doc_type") == gold.get("doc_type"))
        tally["org_ok"] += int((doc.get("org") or None) == (gold.get("org") or None))
        tally["period_ok"] += int(period.get("part") == gold.get("part") and period.get("year") == gold.get("year"))
        if gold.get("year_inferred") is not None:
            tally["year_inferred_gold"] += 1
            tally["year_inferred_ok"] += int(period.get("year_inferred") == gold["year_inferred"])


def _score_headings(name: str, text: str, gold_headings: Sequence[Mapping], sections: Sequence[Mapping],
                    sheet: ScoreSheet) -> None:
    tally, used = sheet.tally, set()
    for gold in gold_headings:
        span = locate(text, gold["quote"], gold.get("occurrence", 0))
        if span is None:
            tally["gold_quote_missing"] += 1
            sheet.note(name, f"gold heading quote not found: {gold['quote']}", text, None)
            continue
        tally["heading_gold"] += 1
        hit = next((k for k, s in enumerate(sections)
                    if k not in used and _overlap(s.get("heading_span") or s.get("span"), span)), None)
        if hit is None:
            sheet.note(name, "missed heading", text, span)
            continue
        used.add(hit)
        tally["heading_hit"] += 1
        tally["level_ok"] += int(sections[hit].get("level") == gold.get("level"))
        if sections[hit].get("category") == gold.get("category"):
            tally["category_ok"] += 1
        else:
            sheet.note(name, f"category {sections[hit].get('category')} != {gold.get('category')}", text, span)
    tally["heading_pred"] += len(sections)
    for k, section in enumerate(sections):
        if k not in used:
            sheet.note(name, "extra heading", text, section.get("heading_span") or section.get("span"))


def _score_indicators(name: str, text: str, gold_indicators: Sequence[Mapping], predicted: Sequence[Mapping],
                      sheet: ScoreSheet) -> None:
    tally, used = sheet.tally, set()
    located = []
    for gold in gold_indicators:
        span = locate(text, gold["quote"], gold.get("occurrence", 0))
        if span is None:
            tally["gold_quote_missing"] += 1
            sheet.note(name, f"gold indicator quote not found: {gold['quote']}", text, None)
        else:
            located.append((gold, span))
    for gold, span in located:
        if not gold.get("optional"):
            _match_indicator(name, text, gold, span, predicted, used, sheet)
    absorbed = 0
    for gold, span in located:  # optional gold only takes what the required gold left
        if gold.get("optional"):
            hit = next((k for k, p in enumerate(predicted) if k not in used and _overlap(p.get("span"), span)), None)
            if hit is not None:
                used.add(hit)
                absorbed += 1
    tally["indicator_pred"] += len(predicted) - absorbed
    for k, p in enumerate(predicted):
        if k not in used:
            sheet.note(name, f"extra indicator ({p.get('value')} {p.get('unit')} {p.get('object')!r})", text, p.get("span"))


def _match_indicator(name: str, text: str, gold: Mapping, span: Span, predicted: Sequence[Mapping],
                     used: set, sheet: ScoreSheet) -> None:
    tally = sheet.tally
    tally["indicator_gold"] += 1
    value_hit = full_hit = None
    for k, p in enumerate(predicted):
        if k in used or not _overlap(p.get("span"), span):
            continue
        if not (same_value(_value_of(p), _value_of(gold)) and p.get("unit") == gold.get("unit")):
            continue
        value_hit = k if value_hit is None else value_hit
        if same_object(p.get("object"), gold.get("object")):
            full_hit = k
            break
    tally["value_hit"] += int(value_hit is not None)
    if full_hit is None:
        why = "missed" if value_hit is None else f"object {predicted[value_hit].get('object')!r} != {gold.get('object')!r}"
        sheet.note(name, f"indicator {why} ({gold.get('value')} {gold.get('unit')})", text, span)
        return
    used.add(full_hit)
    tally["indicator_hit"] += 1
    if predicted[full_hit].get("status") == gold.get("status", "actual"):
        tally["status_ok"] += 1
    else:
        sheet.note(name, f"status {predicted[full_hit].get('status')} != {gold.get('status')}", text, span)


def _context(text: str, span: Optional[Sequence[int]], width: int = 25) -> str:
    if not span:
        return ""
    start, end = span[0], span[1]
    return (text[max(0, start - width):start] + "【" + text[start:end] + "】" + text[end:end + width]).replace("\n", "⏎")


# ---------------------------------------------------------------- the corpus

def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def metrics(tally: Mapping[str, int]) -> dict:
    """The scorer's figures from a sheet's counts, rounded to 4 places."""
    ip = _ratio(tally["indicator_hit"], tally["indicator_pred"])
    ir = _ratio(tally["indicator_hit"], tally["indicator_gold"])
    hp = _ratio(tally["heading_hit"], tally["heading_pred"])
    hr = _ratio(tally["heading_hit"], tally["heading_gold"])
    rates = {
        "indicator_precision": ip, "indicator_recall": ir, "indicator_f1": _f1(ip, ir),
        "value_recall": _ratio(tally["value_hit"], tally["indicator_gold"]),
        "status_accuracy": _ratio(tally["status_ok"], tally["indicator_hit"]),
        "heading_precision": hp, "heading_recall": hr, "heading_f1": _f1(hp, hr),
        "level_accuracy": _ratio(tally["level_ok"], tally["heading_hit"]),
        "category_accuracy": _ratio(tally["category_ok"], tally["heading_hit"]),
        "doc_count_accuracy": _ratio(tally["doc_count_ok"], tally["files"]),
        "doc_type_accuracy": _ratio(tally["doc_type_ok"], tally["docs_compared"]),
        "org_accuracy": _ratio(tally["org_ok"], tally["docs_compared"]),
        "period_accuracy": _ratio(tally["period_ok"], tally["docs_compared"]),
        "year_inferred_accuracy": _ratio(tally["year_inferred_ok"], tally["year_inferred_gold"]),
    }
    result = {"files": tally["files"]}
    result.update({key: round(value, 4) for key, value in rates.items()})
    result.update({
        "gold_indicators": tally["indicator_gold"], "gold_headings": tally["heading_gold"],
        "gold_quote_missing": tally["gold_quote_missing"],
    })
    return result


def _source_key(source: str | Path) -> str:
    text = str(source)
    return text if "!" in text else str(Path(text).resolve())


def score_corpus(gold_dir: str | Path, documents_by_source: Mapping[str, Sequence[Any]],
                 sheet: Optional[ScoreSheet] = None) -> dict:
    """Metrics of predicted documents against every gold file in ``gold_dir``.

    ``documents_by_source`` maps a document's ``source`` (the path as given to
    the pipeline; relative paths are resolved from the working folder) to the
    documents found in it, as ``Document`` records or their JSON dicts.  A
    file with no entry counts as a file where nothing was found.  Pass a
    ``sheet`` to keep the misses and extras for display.
    """
    sheet = sheet if sheet is not None else ScoreSheet()
    by_key: dict = {}
    for source, documents in documents_by_source.items():
        by_key.setdefault(_source_key(source), []).extend(documents)
    for case in gold_cases(gold_dir):
        text = decode_file(case.source_path)
        documents = by_key.get(_source_key(case.source_path), [])
        gold = case.load()
        try:
            score_text(case.source_path.name, text, gold, documents, sheet)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(f"{case.gold_path}: an entry does not have the shape SPEC section 5 gives "
                             f"({type(exc).__name__}: {exc})") from exc
    return metrics(sheet.tally)


def parse_corpus(gold_dir: str | Path) -> dict:
    """Run ``extractor.pipeline.parse_paths`` over the gold files' sources; documents by source."""
    from .pipeline import parse_paths  # the whole pipeline, loaded only when scoring it

    paths = [str(case.source_path) for case in gold_cases(gold_dir)]
    found: dict = {path: [] for path in paths}
    for item in parse_paths(paths):
        if hasattr(item, "indicators"):
            found.setdefault(item.source, []).append(item)
    return found


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.evaluate",
                                     description="Parse the sources of GOLD_DIR/*.gold.json and score them (SPEC section 5).")
    parser.add_argument("gold_dir", help="folder holding NAME.gold.json beside NAME.txt/.html/.docx/.doc/.md/.pdf/.rtf/.xlsx")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print up to N misses and extras per file, in context")
    parser.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sheet = ScoreSheet()
    try:
        result = score_corpus(args.gold_dir, parse_corpus(args.gold_dir), sheet)
    except ExtractorError as exc:  # not a gold folder, a broken gold file: a line, no traceback
        print(f"extractor.evaluate: {exc}", file=sys.stderr)
        return 2
    if args.show_errors:
        shown = Counter()
        for name, what, context in sheet.errors:
            if shown[name] < args.show_errors:
                shown[name] += 1
                print(f"  {name}: {what}: {context}")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:>24}  {value}")
    print(" ".join(f"{key}={result[key]}" for key in (
        "indicator_f1", "status_accuracy", "heading_f1", "category_accuracy", "doc_count_accuracy")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
