"""The scorer's matching rule (SPEC section 5) on hand-made gold and predictions,
and the integrity of the project's own gold files in ``corpora/``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate import (
    ScoreSheet, decode_file, gold_cases, locate, same_object, same_value, score_corpus, score_text,
)
from extractor.records import CATEGORIES, DOC_TYPES, PERIOD_PARTS, STATUSES, Document, Indicator, Period, Section

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# ---------------------------------------------------------------- locate / occurrence

LOCATE_CASES = [
    ("签订集体合同25份,集体合同30份", "集体合同", 0, (2, 6)),
    ("签订集体合同25份,集体合同30份", "集体合同", 1, (10, 14)),
    ("签订集体合同25份,集体合同30份", "集体合同", 2, None),
    ("签订集体合同25份", "工资协议", 0, None),
]


@pytest.mark.parametrize("text,quote,occurrence,expected", LOCATE_CASES)
def test_locate(text, quote, occurrence, expected):
    assert locate(text, quote, occurrence) == expected


# ---------------------------------------------------------------- value tolerance

VALUE_CASES = [
    # (predicted, gold, same?)
    (25, 25, True),
    (2852000, 2852000.0, True),
    (100.4, 100, True),  # within 0.5%
    (100.6, 100, False),  # beyond 0.5%
    (0.3333, 0.3333, True),
    (0.34, 0.3333, True),  # fractions: within the 0.01 floor
    (0.35, 0.3333, False),
    (None, None, True),  # masked against masked
    (None, 25, False),
    (25, None, False),
    ("25", 25, True),  # JSON strings of numbers still compare
    ("二十五", 25, False),
]


@pytest.mark.parametrize("predicted,gold,expected", VALUE_CASES)
def test_same_value(predicted, gold, expected):
    assert same_value(predicted, gold) is expected


# ---------------------------------------------------------------- object same-thing rule

OBJECT_CASES = [
    ("集体合同", "集体合同", True),
    ("集体合同", "签订集体合同", True),  # one contains the other
    ("工资集体协议", "工资专项集体协议", True),  # run 集体协议 (4) covers 4/6 of the shorter
    ("困难职工救助资金", "救助资金", True),
    ("女职工劳动保护协议", "工资集体协议", False),  # run 协议 is only 2 characters
    ("会员", "农民工会员", True),
    ("会员", "工会组织", False),
    ("人", "人员", False),  # a one-character name only matches itself
    ("人", "人", True),
    ("“工人先锋号”", "工人先锋号", True),  # punctuation does not count
    ("职代会建制率", "建制率", True),
    ("", "集体合同", False),
    (None, "集体合同", False),
]


@pytest.mark.parametrize("predicted,gold,expected", OBJECT_CASES)
def test_same_object(predicted, gold, expected):
    assert same_object(predicted, gold) is expected


# ---------------------------------------------------------------- indicator matching

TEXT = "共签订集体合同25份,工资集体协议35份。培训职工201*人次,六个代表队参赛,集体合同签订率达到90%以上。"


def _ind(span, value, unit, obj, status="actual", masked=False):
    return {"span": list(span), "value": value, "unit": unit, "object": obj, "status": status, "masked": masked}


GOLD_CONTRACTS = {"quote": "签订集体合同25份", "value": 25, "unit": "份", "object": "集体合同", "status": "actual"}
GOLD_AGREEMENTS = {"quote": "工资集体协议35份", "value": 35, "unit": "份", "object": "工资集体协议", "status": "actual"}
GOLD_MASKED = {"quote": "培训职工201*人次", "value": None, "unit": "人次", "object": "职工", "status": "actual", "masked": True}
GOLD_OPTIONAL = {"quote": "六个代表队", "value": 6, "unit": "个", "object": "代表队", "status": "actual", "optional": True}
GOLD_RATE_SECOND = {"quote": "集体合同", "occurrence": 1, "value": 90, "unit": "%", "object": "集体合同签订率",
                    "status": "actual", "bound": "lower"}

INDICATOR_CASES = [
    # (id, gold indicators, predicted indicators, expected counts)
    ("exact hit", [GOLD_CONTRACTS], [_ind((1, 10), 25, "份", "集体合同")],
     {"indicator_gold": 1, "indicator_pred": 1, "indicator_hit": 1, "value_hit": 1, "status_ok": 1}),
    ("partial overlap is enough", [GOLD_CONTRACTS], [_ind((5, 12), 25, "份", "集体合同")],
     {"indicator_hit": 1}),
    ("no overlap is a miss and an extra", [GOLD_CONTRACTS], [_ind((12, 20), 25, "份", "集体合同")],
     {"indicator_gold": 1, "indicator_pred": 1, "indicator_hit": 0, "value_hit": 0}),
    ("touching span does not overlap", [GOLD_CONTRACTS], [_ind((0, 1), 25, "份", "集体合同")],
     {"indicator_hit": 0}),
    ("wrong value", [GOLD_CONTRACTS], [_ind((1, 10), 26, "份", "集体合同")],
     {"indicator_hit": 0, "value_hit": 0}),
    ("wrong unit", [GOLD_CONTRACTS], [_ind((1, 10), 25, "个", "集体合同")],
     {"indicator_hit": 0, "value_hit": 0}),
    ("right value, other object", [GOLD_CONTRACTS], [_ind((1, 10), 25, "份", "协议")],
     {"indicator_hit": 0, "value_hit": 1}),
    ("status counted only on hits", [GOLD_CONTRACTS], [_ind((1, 10), 25, "份", "集体合同", status="target")],
     {"indicator_hit": 1, "status_ok": 0}),
    ("a prediction matches one gold only", [GOLD_CONTRACTS, GOLD_AGREEMENTS], [_ind((1, 20), 25, "份", "集体合同")],
     {"indicator_gold": 2, "indicator_hit": 1}),
    ("enumeration: each item its own hit", [GOLD_CONTRACTS, GOLD_AGREEMENTS],
     [_ind((1, 10), 25, "份", "集体合同"), _ind((11, 20), 35, "份", "工资集体协议")],
     {"indicator_gold": 2, "indicator_pred": 2, "indicator_hit": 2}),
    ("masked gold matches a masked prediction", [GOLD_MASKED], [_ind((21, 31), None, "人次", "职工", masked=True)],
     {"indicator_hit": 1}),
    ("masked prediction value is ignored", [GOLD_MASKED], [_ind((21, 31), 2010, "人次", "职工", masked=True)],
     {"indicator_hit": 1}),
    ("unmasked guess at a masked figure misses", [GOLD_MASKED], [_ind((21, 31), 2010, "人次", "职工")],
     {"indicator_hit": 0}),
    ("optional gold found: neither hit nor extra", [GOLD_OPTIONAL], [_ind((32, 37), 6, "个", "代表队")],
     {"indicator_gold": 0, "indicator_pred": 0, "indicator_hit": 0}),
    ("optional gold absent: no miss", [GOLD_OPTIONAL], [],
     {"indicator_gold": 0, "indicator_pred": 0}),
    ("optional gold does not steal a required match",
     [{**GOLD_OPTIONAL, "quote": "签订集体合同"}, GOLD_CONTRACTS], [_ind((1, 10), 25, "份", "集体合同")],
     {"indicator_gold": 1, "indicator_pred": 1, "indicator_hit": 1}),
    ("occurrence picks the second quote", [GOLD_RATE_SECOND], [_ind((40, 52), 90, "%", "集体合同签订率")],
     {"indicator_hit": 1}),
    ("first occurrence is not the second", [GOLD_RATE_SECOND], [_ind((3, 7), 90, "%", "集体合同签订率")],
     {"indicator_hit": 0}),
    ("missing quote is reported, not scored", [{**GOLD_CONTRACTS, "quote": "签订劳动合同"}], [],
     {"indicator_gold": 0, "gold_quote_missing": 1}),
]


@pytest.mark.parametrize("gold,predicted,expected", [c[1:] for c in INDICATOR_CASES], ids=[c[0] for c in INDICATOR_CASES])
def test_indicator_matching(gold, predicted, expected):
    documents = [{"doc_index": 0, "sections": [], "indicators": predicted}]
    tally = score_text("t.txt", TEXT, {"indicators": gold}, documents).tally
    assert {key: tally[key] for key in expected} == expected


def test_case_spans_point_at_what_they_claim():
    # the hand-made spans above are only meaningful if they sit where the cases say
    assert TEXT[1:10] == "签订集体合同25份" and TEXT[11:20] == "工资集体协议35份" and TEXT[21:31] == "培训职工201*人次"
    assert TEXT[32:37] == "六个代表队" and TEXT[3:7] == TEXT[40:44] == "集体合同"


# ---------------------------------------------------------------- heading matching

HEAD_TEXT = "一、主要工作\n1、工会组建。到5月底...\n6、经济工作\n6、宣传工作\n二、存在的问题\n"
GOLD_HEADINGS = [
    {"quote": "一、主要工作", "level": 1, "category": "achievements"},
    {"quote": "6、", "occurrence": 1, "level": 2, "category": "achievements"},
    {"quote": "二、存在的问题", "level": 1, "category": "problems"},
]


def _sec(span, level, category):
    return {"heading_span": list(span), "span": [span[0], span[1] + 5], "level": level, "category": category}


HEADING_CASES = [
    ("all found", [_sec((0, 6), 1, "achievements"), _sec((29, 35), 2, "achievements"), _sec((36, 43), 1, "problems")],
     {"heading_gold": 3, "heading_pred": 3, "heading_hit": 3, "level_ok": 3, "category_ok": 3}),
    ("wrong level and category still a hit",
     [_sec((0, 6), 2, "other"), _sec((29, 35), 2, "achievements"), _sec((36, 43), 1, "problems")],
     {"heading_hit": 3, "level_ok": 2, "category_ok": 2}),
    ("duplicate number: first 6、 is not the gold one", [_sec((22, 28), 2, "achievements")],
     {"heading_hit": 0, "heading_pred": 1}),
    ("extra heading counts against precision",
     [_sec((0, 6), 1, "achievements"), _sec((7, 13), 2, "achievements")],
     {"heading_gold": 3, "heading_pred": 2, "heading_hit": 1}),
    ("section span used when heading_span is absent", [{"span": [0, 20], "level": 1, "category": "achievements"}],
     {"heading_hit": 1}),
]


@pytest.mark.parametrize("sections,expected", [c[1:] for c in HEADING_CASES], ids=[c[0] for c in HEADING_CASES])
def test_heading_matching(sections, expected):
    assert HEAD_TEXT[29:35] == "6、宣传工作" and HEAD_TEXT[22:28] == "6、经济工作"
    documents = [{"doc_index": 0, "sections": sections, "indicators": []}]
    tally = score_text("t.txt", HEAD_TEXT, {"headings": GOLD_HEADINGS}, documents).tally
    assert {key: tally[key] for key in expected} == expected


# ---------------------------------------------------------------- documents and the corpus entry point

GOLD_DOCS = [{"title": "某县总工会201*年上半年工作总结", "doc_type": "summary", "org": "某县总工会", "year": None,
              "part": "H1", "year_inferred": 2011},
             {"title": "某县总工会2012年工作要点", "doc_type": "plan", "org": "某县总工会", "year": 2012, "part": "year"}]

DOCUMENT_CASES = [
    ("both right", [{"doc_index": 0, "doc_type": "summary", "org": "某县总工会",
                     "period": {"year": None, "part": "H1", "year_inferred": 2011}},
                    {"doc_index": 1, "doc_type": "plan", "org": "某县总工会", "period": {"year": 2012, "part": "year"}}],
     {"doc_count_ok": 1, "docs_compared": 2, "doc_type_ok": 2, "org_ok": 2, "period_ok": 2, "year_inferred_ok": 1}),
    ("compared in doc_index order", [{"doc_index": 1, "doc_type": "plan", "org": "某县总工会", "period": {"year": 2012, "part": "year"}},
                                     {"doc_index": 0, "doc_type": "summary", "org": "某县总工会", "period": {"part": "H1"}}],
     {"doc_count_ok": 1, "doc_type_ok": 2, "period_ok": 2, "year_inferred_ok": 0}),
    ("one document found", [{"doc_index": 0, "doc_type": "report", "org": None, "period": {"year": 2011, "part": "H1"}}],
     {"doc_count_ok": 0, "docs_compared": 1, "doc_type_ok": 0, "org_ok": 0, "period_ok": 0}),
]


@pytest.mark.parametrize("documents,expected", [c[1:] for c in DOCUMENT_CASES], ids=[c[0] for c in DOCUMENT_CASES])
def test_document_fields(documents, expected):
    tally = score_text("t.txt", "", {"documents": GOLD_DOCS}, documents).tally
    assert {key: tally[key] for key in expected} == expected


def test_score_corpus_takes_records_and_dicts(tmp_path):
    text = "平川县总工会2016年工作总结\n一、主要工作\n全年签订集体合同52份,发展会员1860人。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    gold = {"documents": [{"doc_type": "summary", "org": "平川县总工会", "year": 2016, "part": "year"}],
            "headings": [{"quote": "一、主要工作", "level": 1, "category": "achievements"}],
            "indicators": [{"quote": "签订集体合同52份", "value": 52, "unit": "份", "object": "集体合同", "status": "actual"},
                           {"quote": "发展会员1860人", "value": 1860, "unit": "人", "object": "会员", "status": "actual"}]}
    for name in ("a", "b"):
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    start = text.index("签订")
    record = Document(
        source=str(tmp_path / "a.txt"), doc_index=0, span=(0, len(text)), title="平川县总工会2016年工作总结",
        org="平川县总工会", doc_type="summary", period=Period(year=2016, part="year"),
        sections=(Section("s1", None, 1, "一", "主要工作", (17, len(text)), (17, 23), "achievements"),),
        indicators=(Indicator("i1", "s1", (start, start + 9), (start, start + 20), "签订集体合同52份", "签订", "集体合同",
                              None, 52, "份", "count"),))
    as_dict = {"doc_index": 0, "doc_type": "plan", "org": "平川县总工会", "period": {"year": 2016, "part": "year"},
               "sections": [], "indicators": [{"span": [start + 10, start + 19], "value": 1860, "unit": "人",
                                               "object": "会员", "status": "actual"}]}
    sheet = ScoreSheet()
    result = score_corpus(tmp_path, {str(tmp_path / "a.txt"): [record], str(tmp_path / "b.txt"): [as_dict]}, sheet)
    assert result["files"] == 2 and result["gold_indicators"] == 4 and result["gold_headings"] == 2
    assert result["indicator_precision"] == 1.0 and result["indicator_recall"] == 0.5
    assert result["heading_recall"] == 0.5 and result["doc_type_accuracy"] == 0.5
    assert any(what == "missed heading" and name == "b.txt" for name, what, _ in sheet.errors)


def test_score_corpus_counts_unparsed_files_as_empty(tmp_path):
    (tmp_path / "a.txt").write_text("发展会员1860人", encoding="utf-8")
    gold = {"documents": [{"doc_type": "summary"}],
            "indicators": [{"quote": "发展会员1860人", "value": 1860, "unit": "人", "object": "会员"}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = score_corpus(tmp_path, {})
    assert result["indicator_recall"] == 0.0 and result["doc_count_accuracy"] == 0.0 and result["gold_indicators"] == 1


# ---------------------------------------------------------------- the project's own gold files

CORPUS_CASES = gold_cases(CORPORA)


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[c.name for c in CORPUS_CASES])
def test_corpus_gold_is_well_formed(case):
    gold = case.load()
    text = decode_file(case.source_path)
    assert gold["documents"]
    for doc in gold["documents"]:
        assert doc["doc_type"] in DOC_TYPES and (doc["part"] is None or doc["part"] in PERIOD_PARTS)
        assert doc["year"] is None or "year_inferred" not in doc  # an inferred year only for a masked one
    for heading in gold["headings"]:
        assert heading["level"] >= 1 and heading["category"] in CATEGORIES
    for indicator in gold["indicators"]:
        assert indicator["status"] in STATUSES and indicator["unit"] and indicator["object"]
        assert indicator["value"] is None or not indicator.get("masked")
        # no value: a masked number, or a vague one (几十名) a gold may leave optional
        assert indicator["value"] is not None or indicator.get("masked") or indicator.get("optional")
        if indicator.get("range"):
            assert indicator["range"][0] == indicator["value"]
    for record in gold["headings"] + gold["indicators"]:
        occurrence = record.get("occurrence", 0)
        assert locate(text, record["quote"], occurrence), record["quote"]
        assert "occurrence" in record or text.count(record["quote"]) == 1, f"ambiguous quote {record['quote']!r}"


@pytest.mark.parametrize("gold,reason", [
    ("{bad", "not readable as a JSON gold file"),
    ("[]", "holds one JSON object"),
    ('{"indicators": [{"quote": 5}]}', "does not have the shape"),
])
def test_a_bad_gold_file_is_named_in_one_line(tmp_path, capsys, gold, reason):
    from extractor.evaluate import main
    (tmp_path / "a.txt").write_text("全年新建工会组织30家。", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(gold, encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "a.gold.json" in err and reason in err and "Traceback" not in err


def test_a_file_given_for_the_gold_folder_is_a_usage_error(tmp_path, capsys):
    from extractor.evaluate import main
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert main([str(tmp_path / "a.txt")]) == 2
    assert "not a folder of gold files" in capsys.readouterr().err
