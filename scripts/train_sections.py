"""Train, cross-validate and measure the section classifier.

    python scripts/train_sections.py            # 5-fold CV, then train on all and write the model
    python scripts/train_sections.py --dev      # accuracy of classify_tree on the dev gold headings
    python scripts/train_sections.py --dev --errors   # ...and list the misclassified headings

Training data: ``corpora/sections/*.jsonl`` (one labelled section a line;
``doc_id`` groups the sections of one document, ``parent_index`` points to
the parent's position within its document).  Cross-validation groups by
document so no document is split across folds, and scores ``classify_tree``
end to end: children see predicted, not gold, parent categories.

The dev corpus (``../shared/corpus/dev``) is only measured, never trained on.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold

from extractor.classify import ModelSectionClassifier, SectionSample, classify_tree

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpora" / "sections"
MODEL_PATH = ROOT / "models" / "section_classifier.json"
DEV_DIR = ROOT.parent / "shared" / "corpus" / "dev"


# ---------------------------------------------------------------- dev gold
# A rough stand-in for the pipeline: samples built from the gold headings.
_HEADING_NUMBER = re.compile(  # matched at a position, so no "^"
    r"\s*(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+(?=、)|\(\d{1,2}\)|\d{1,2}(?=[、.．]))[、.．]?\s*")
_HEADING_END = re.compile(r"[。\n]|[::;;](?!\d)")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@dataclass
class DevDocument:
    name: str
    samples: list
    labels: list
    parents: list


def simplified(text: str) -> str:
    """Simplified, half-width copy of ``text`` with the same length (offsets kept)."""
    from opencc import OpenCC

    converter = OpenCC("t2s")
    whole = converter.convert(text)
    if len(whole) != len(text):
        whole = "".join(converter.convert(ch) if len(converter.convert(ch)) == 1 else ch for ch in text)
    return whole.translate(_FULL_WIDTH)


def find_quote(raw: str, norm: str, quote: str, occurrence: int) -> int:
    for haystack, needle in ((raw, quote), (norm, simplified(quote))):
        start = -1
        for _ in range(occurrence + 1):
            start = haystack.find(needle, start + 1)
            if start < 0:
                break
        if start >= 0:
            return start
    return -1


def heading_and_body(norm: str, start: int, stop: int) -> tuple[str | None, str, str]:
    """Number, heading text and own body of the heading at ``start``; the
    body ends where the next gold heading (at ``stop``) begins."""
    match = _HEADING_NUMBER.match(norm, start)
    number = match.group(1) if match else None
    head_start = match.end() if match else start
    limit = min(head_start + 60, stop)
    end = _HEADING_END.search(norm, head_start, limit)
    head_end = end.start() if end else norm.find("\n", head_start, limit)
    head_end = head_end if head_end > head_start else min(head_start + 40, stop)
    body = norm[head_end:min(head_end + 300, stop)].lstrip("。::;; \n")
    return number, norm[head_start:head_end].strip(), body


def doc_of(norm: str, start: int, titles: list) -> int:
    """Index of the document (of a multi-document file) a position falls in."""
    index = 0
    for i, title in enumerate(titles):
        where = norm.find(simplified(title)) if title else -1
        if 0 <= where <= start:
            index = i
    return index


def dev_file_documents(gold_path: Path) -> list[DevDocument]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8-sig")
    norm = simplified(raw)
    docs_meta = gold["documents"]
    found = []
    for heading in gold.get("headings", []):
        start = find_quote(raw, norm, heading["quote"], heading.get("occurrence", 0))
        if start < 0:
            print(f"  {gold_path.name}: heading quote not found: {heading['quote']!r}")
            continue
        found.append((start, heading))
    found.sort(key=lambda item: item[0])
    rows = defaultdict(list)
    for i, (start, heading) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(norm)
        index = doc_of(norm, start, [d.get("title") for d in docs_meta])
        rows[index].append((start, heading, *heading_and_body(norm, start, stop)))
    name = gold_path.name.replace(".gold.json", "")
    return [build_dev_document(f"{name}#{i}", docs_meta[i], sorted(found, key=lambda r: r[0]))
            for i, found in sorted(rows.items())]


def build_dev_document(name: str, meta: dict, rows: list) -> DevDocument:
    parents: list = []
    for i, (_, heading, *_rest) in enumerate(rows):
        lower = [j for j in range(i) if rows[j][1]["level"] < heading["level"]]
        parents.append(lower[-1] if lower else None)
    samples = []
    for i, (_, heading, number, text, body) in enumerate(rows):
        siblings = [j for j in range(len(rows)) if parents[j] == parents[i]]
        position = siblings.index(i)
        samples.append(SectionSample(
            heading=text, number=number, level=heading["level"], body=body,
            doc_type=meta["doc_type"], doc_title=meta.get("title"),
            position=position / len(siblings), sibling_index=position))
    return DevDocument(name, samples, [r[1]["category"] for r in rows], parents)


def dev_documents(directory: Path) -> list[DevDocument]:
    return [doc for path in sorted(directory.glob("*.gold.json")) for doc in dev_file_documents(path)]


# ---------------------------------------------------------------- training
def load_corpus(directory: Path) -> list[dict]:
    """Documents of the training corpus: {doc_id, samples, labels, parents}."""
    docs: dict[str, dict] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}:{number}: invalid JSON ({exc.msg})")
            doc = docs.setdefault(row["doc_id"], {"doc_id": row["doc_id"], "samples": [], "labels": [], "parents": []})
            doc["samples"].append(SectionSample.from_mapping(row))
            doc["labels"].append(row["label"])
            doc["parents"].append(row.get("parent_index"))
    return list(docs.values())


def flatten(docs: list[dict]) -> tuple[list[SectionSample], list[str]]:
    return [s for d in docs for s in d["samples"]], [label for d in docs for label in d["labels"]]


def tree_predictions(docs: list[dict], model: ModelSectionClassifier | None) -> list[str]:
    predicted = []
    for doc in docs:
        results = classify_tree(doc["samples"], doc["parents"], use_model=model is not None, model=model)
        predicted.extend(category for category, _ in results)
    return predicted


def cross_validate(docs: list[dict], folds: int, params: dict) -> dict[str, float]:
    """Macro-F1 over grouped folds for the model alone (gold context), the
    blend walked as a tree, and the rules walked as a tree."""
    gold, got = [], defaultdict(list)
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(docs, groups=[d["doc_id"] for d in docs]):
        train = [docs[i] for i in train_idx]
        test = [docs[i] for i in test_idx]
        model = ModelSectionClassifier(**params).fit(*flatten(train))
        samples, labels = flatten(test)
        gold.extend(labels)
        got["model (gold context)"].extend(model.predict(samples))
        got["blend tree"].extend(tree_predictions(test, model))
        got["rules tree"].extend(tree_predictions(test, None))
    return {name: f1_score(gold, predicted, average="macro") for name, predicted in got.items()} | {
        f"{name} accuracy": accuracy_score(gold, predicted) for name, predicted in got.items()}


def dev_accuracy(model: ModelSectionClassifier | None, show_errors: bool) -> float:
    gold, got = [], []
    for doc in dev_documents(DEV_DIR):
        results = classify_tree(doc.samples, doc.parents, use_model=model is not None, model=model)
        for sample, label, (category, confidence) in zip(doc.samples, doc.labels, results):
            gold.append(label)
            got.append(category)
            if show_errors and category != label:
                print(f"  {doc.name} [{sample.doc_type}] L{sample.level} {sample.number or '-'} "
                      f"{sample.heading[:30]!r}: gold {label}, got {category} ({confidence:.2f})")
    return accuracy_score(gold, got), len(gold)


def run_dev(show_errors: bool) -> None:
    model = ModelSectionClassifier.load(MODEL_PATH)
    for name, chosen in (("blend", model), ("rules only", None)):
        accuracy, count = dev_accuracy(chosen, show_errors)
        print(f"dev accuracy ({name}): {accuracy:.3f} on {count} headings")


def run_training(folds: int, params: dict) -> None:
    docs = load_corpus(CORPUS_DIR)
    samples, labels = flatten(docs)
    print(f"corpus: {len(samples)} sections in {len(docs)} documents; "
          + ", ".join(f"{c} {labels.count(c)}" for c in sorted(set(labels))))
    scores = cross_validate(docs, folds, params)
    for name, value in scores.items():
        print(f"{folds}-fold grouped CV {name}: {value:.3f}" + ("" if "accuracy" in name else " macro-F1"))
    model = ModelSectionClassifier(**params).fit(samples, labels)
    meta = {"sections": len(samples), "documents": len(docs), "cv_folds": folds,
            "cv_macro_f1": {k: round(v, 4) for k, v in scores.items()}}
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    model.save(MODEL_PATH, meta=meta)
    print(f"wrote {MODEL_PATH} ({len(model.to_json()['features'])} features)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", action="store_true", help="measure the saved model on the dev gold headings")
    parser.add_argument("--errors", action="store_true", help="with --dev: list misclassified headings")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument("--min-df", type=int, default=2, help="drop features seen in fewer training sections")
    args = parser.parse_args(argv)
    np.random.seed(0)
    if args.dev:
        run_dev(args.errors)
    else:
        run_training(args.folds, {"C": args.C, "min_df": args.min_df})


if __name__ == "__main__":
    main()
