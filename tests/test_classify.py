"""Section classification: achievements / plans / problems / other.

Every string here is written for these tests (none comes from the dev corpus).
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from extractor.classify import (
    DEFAULT_MODEL_PATH, ModelSectionClassifier, RuleSectionClassifier, SectionSample, classify_sections,
    classify_tree, load_model,
)
from extractor.errors import ModelError, UsageError


def sample(heading, body="", doc_type="summary", level=1, number="一", title=None, **context):
    return SectionSample(heading=heading, number=number, level=level, body=body, doc_type=doc_type,
                         doc_title=title, **context)


def tree_category(rows, parents, use_model=True):
    return [category for category, _ in classify_tree(rows, parents, use_model=use_model)]


# ---------------------------------------------------------------- typical headings, one per category
TYPICAL = [
    ("achievements", sample("上半年主要工作完成情况", "上半年,全县新建基层工会18家,发展会员1200人。")),
    ("achievements", sample("工会组建工作取得新突破", "全年新建工会36家,已完成年度任务。", doc_type="report")),
    ("plans", sample("下半年工作打算", "下半年,我们将重点抓好以下工作。", number="三")),
    ("plans", sample("2016年工作思路", "新的一年,县总工会要围绕中心工作,力争实现新突破。", number="五")),
    ("plans", sample("深化职工素质工程", "年内培训职工5000人次,新建职工书屋20家。", doc_type="plan")),
    ("problems", sample("存在的问题", "一是部分基层工会作用发挥不够;二是工作经费不足。", number="二")),
    ("problems", sample("工作中的不足", "服务职工的手段还比较单一,创新意识有待增强。", number="四")),
    ("other", sample("其他工作", "完成了县委交办的各项工作。", number="五")),
    ("other", sample("基本情况", "全镇共有基层工会32个,会员2600人。")),
    ("other", sample("", "今年以来,在县委的正确领导下,现将工作总结如下:", number=None)),
]


@pytest.mark.parametrize("use_model", [True, False], ids=["blend", "rules"])
@pytest.mark.parametrize("expected, section", TYPICAL, ids=[s.heading or "preamble" for _, s in TYPICAL])
def test_typical_heading(expected, section, use_model):
    assert tree_category([section], [None], use_model=use_model) == [expected]


# ---------------------------------------------------------------- hard cases from the brief
HARD = [
    pytest.param(  # 进一步 opens finished work in an annual report
        [sample("进一步发挥职工主力军作用", "全年开展劳动竞赛26项,参赛职工4800人,评选技术能手30名。",
                doc_type="report", number="三")],
        [None], ["achievements"], id="report-further-achievements"),
    pytest.param(  # a child of the half-year results whose body describes an event still to come
        [sample("上半年主要工作", "上半年,各项工作稳步推进。"),
         sample("以开展职工文体活动为载体", "县总工会定于10月举办全县职工篮球赛,拟设男子、女子两个组别,力争参赛队伍达到20支。",
                level=2, number="3")],
        [None, 0], ["achievements", "plans"], id="half-year-event-to-come"),
    pytest.param(  # 其他工作 holds finished side work but is other
        [sample("其他工作", "按照县委安排,还完成了以下工作。", doc_type="report", number="五"),
         sample("招商引资", "全年招商引资到位资金80万元,已完成目标任务。", doc_type="report", level=2, number="1"),
         sample("驻村帮扶", "先后5次深入联系村,帮助解决实际困难3件。", doc_type="report", level=2, number="2")],
        [None, 0, 0], ["other", "other", "other"], id="other-work-children"),
    pytest.param(  # a plan section inside a summary, and its children
        [sample("上半年工作情况", "上半年共签订集体合同40份。"),
         sample("下一步工作", "下一步,我们将做好以下几项工作。", number="二"),
         sample("加强工会干部培训", "计划举办工会干部培训班2期。", level=2, number="1")],
        [None, None, 1], ["achievements", "plans", "plans"], id="plans-in-summary"),
]


@pytest.mark.parametrize("use_model", [True, False], ids=["blend", "rules"])
@pytest.mark.parametrize("rows, parents, expected", HARD)
def test_hard_cases(rows, parents, expected, use_model):
    assert tree_category(rows, parents, use_model=use_model) == expected


# ---------------------------------------------------------------- children inherit their parent
INHERIT = [
    ("plans", sample("下半年工作安排", "下半年重点做好以下工作。", number="三"),
     sample("做好困难职工建档", "对困难职工进行全面复核。", level=2, number="1")),
    ("problems", sample("存在的主要问题", "工作中还存在一些不足。", number="二"),
     sample("基层工会活力不够", "部分企业工会活动开展较少。", level=2, number="1")),
    ("achievements", sample("主要工作及成效", "一年来,县总工会扎实开展各项工作。"),
     sample("加强职工培训", "举办培训班8期,培训职工900人次。", level=2, number="1")),
    ("other", sample("其他工作", "完成上级交办的工作。", number="六"),
     sample("信访维稳", "全年受理职工来信来访20件,全部办结。", level=2, number="1")),
]


@pytest.mark.parametrize("use_model", [True, False], ids=["blend", "rules"])
@pytest.mark.parametrize("expected, parent, child", INHERIT, ids=[e for e, _, _ in INHERIT])
def test_child_inherits_parent(expected, parent, child, use_model):
    assert tree_category([parent, child], [None, 0], use_model=use_model) == [expected, expected]


# ---------------------------------------------------------------- document type decides the default
DOC_TYPE = [
    ("plan", "plans"),
    ("summary", "achievements"),
]


@pytest.mark.parametrize("doc_type, expected", DOC_TYPE)
def test_document_type_default(doc_type, expected):
    section = sample("职工文体活动", "组织职工开展篮球、乒乓球等活动。", doc_type=doc_type)
    assert tree_category([section], [None], use_model=False) == [expected]


# ---------------------------------------------------------------- interfaces
CLASSIFIERS = [RuleSectionClassifier, ModelSectionClassifier]
TINY = [sample(h, b, doc_type=d) for h, b, d in [
    ("主要工作情况", "全年新建工会20家,已完成任务。", "summary"),
    ("工作成效", "累计帮扶困难职工300户。", "summary"),
    ("下半年工作打算", "下半年将力争新建工会30家。", "summary"),
    ("明年工作思路", "明年要确保完成组建任务。", "report"),
    ("存在的问题", "部分工会作用发挥不够,经费不足。", "summary"),
    ("其他工作", "完成了县委交办的工作。", "report"),
]]
TINY_LABELS = ["achievements", "achievements", "plans", "plans", "problems", "other"]


@pytest.mark.parametrize("cls", CLASSIFIERS)
def test_fit_predict_round_trip(cls):
    fitted = cls().fit(TINY, TINY_LABELS)
    assert list(fitted.classes_) == sorted(set(TINY_LABELS))
    proba = fitted.predict_proba(TINY)
    assert proba.shape == (len(TINY), len(fitted.classes_))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(fitted.predict(TINY)) == TINY_LABELS


@pytest.mark.parametrize("cls", CLASSIFIERS)
def test_constructor_only_stores_parameters(cls):
    unfitted = cls()
    assert not any(name.endswith("_") and not name.startswith("_") for name in vars(unfitted))
    with pytest.raises(UsageError):
        unfitted.predict(TINY)


def test_model_saves_and_loads_plain_json(tmp_path):
    fitted = ModelSectionClassifier(min_df=1).fit(TINY, TINY_LABELS)
    path = tmp_path / "model.json"
    fitted.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["classes"] == sorted(set(TINY_LABELS))
    loaded = ModelSectionClassifier.load(path)
    assert np.allclose(loaded.predict_proba(TINY), fitted.predict_proba(TINY), atol=1e-4)


def test_shipped_model_loads_and_predicts():
    model = load_model(DEFAULT_MODEL_PATH)
    proba = model.predict_proba(TINY)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(TINY[2:3])) == ["plans"]


BROKEN_MODELS = [
    ("missing", None),
    ("not json", "{weights: ["),
    ("wrong keys", json.dumps({"classes": ["a", "b"]})),
    ("wrong shape", json.dumps({"format": "extractor.section_classifier/1", "feature_version": 1,
                                "classes": ["plans", "other"], "features": ["x"], "coef": [[1.0]],
                                "intercept": [0.0, 0.0]})),
]


@pytest.mark.parametrize("case, content", BROKEN_MODELS, ids=[c for c, _ in BROKEN_MODELS])
def test_broken_model_file_raises_model_error_naming_it(tmp_path, case, content):
    path = tmp_path / "section_model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match="section_model.json"):
        ModelSectionClassifier.load(path)


def test_classify_sections_uses_given_context():
    child = sample("做好金秋助学", "资助困难职工子女入学。", level=2, number="2", parent_category="plans")
    assert classify_sections([child], use_model=False)[0][0] == "plans"


BAD_TREES = [
    ("parent after child", [None, 2, 0]),
    ("length mismatch", [None]),
]


@pytest.mark.parametrize("case, parents", BAD_TREES, ids=[c for c, _ in BAD_TREES])
def test_bad_tree_raises_usage_error(case, parents):
    rows = [sample("主要工作", "已完成。")] * 3
    with pytest.raises(UsageError):
        classify_tree(rows, parents, use_model=False)


def test_confidence_is_a_probability():
    results = classify_tree(TINY, [None] * len(TINY))
    assert all(0.0 < confidence <= 1.0 for _, confidence in results)


# ---------------------------------------------------------------- the fast tree walk agrees with the plain one
def filled_walk(rows, parents, use_model):
    """The tree walk done the slow way: one classify_sections call per sample, context filled in."""
    from dataclasses import replace

    results, last_child = [], {}
    for index, (row, parent) in enumerate(zip(rows, parents)):
        prev = last_child.get(parent)
        filled = replace(row, parent_category=results[parent][0] if parent is not None else None,
                         prev_sibling_category=results[prev][0] if prev is not None else None)
        results.append(classify_sections([filled], use_model=use_model)[0])
        last_child[parent] = index
    return results


WALKS = [pytest.param(case.values[0], case.values[1], id=case.id) for case in HARD] + [
    pytest.param([parent, child], [None, 0], id=f"inherit-{expected}") for expected, parent, child in INHERIT] + [
    pytest.param(TINY, [None] * len(TINY), id="tiny-siblings"),
    pytest.param(TINY, [None, 0, 0, None, 3, 4], id="tiny-nested"),
]


@pytest.mark.parametrize("use_model", [True, False], ids=["blend", "rules"])
@pytest.mark.parametrize("rows, parents", WALKS)
def test_tree_walk_matches_classify_sections(rows, parents, use_model):
    assert classify_tree(rows, parents, use_model=use_model) == filled_walk(rows, parents, use_model)


def test_decision_function_matches_decision_by_context():
    from extractor.classify.samples import CONTEXT_INDEX

    model, rules = load_model(DEFAULT_MODEL_PATH), RuleSectionClassifier().fit()
    rows = [sample(s.heading, s.body, doc_type=s.doc_type, parent_category=p, prev_sibling_category=q)
            for s, (p, q) in zip(TINY, [(None, None), ("plans", None), (None, "other"), ("problems", "plans"),
                                       (None, "achievements"), ("other", "other")])]
    at = [CONTEXT_INDEX[r.parent_category, r.prev_sibling_category] for r in rows]
    for classifier in (model, rules):
        by_context = classifier.decision_by_context(rows)
        assert np.allclose(by_context[np.arange(len(rows)), at], classifier.decision_function(rows), atol=1e-12)


def test_blend_matches_the_numpy_reference():
    """The walk blends one row at a time in plain Python; the classifiers' numpy
    predict_proba, pooled log-linearly as tree.py's docstring says, gives the same."""
    from extractor.classify.cues import cue_tables

    model, rules = load_model(DEFAULT_MODEL_PATH), RuleSectionClassifier().fit()
    rows = [sample(s.heading, s.body, doc_type=s.doc_type, parent_category=p, prev_sibling_category=q)
            for s, (p, q) in zip(TINY + [s for _, s in TYPICAL],
                                 [(None, None), ("plans", None), (None, "other"), ("problems", "plans")] * 4)]
    rule_p = rules.predict_proba(rows)
    model_p = model.predict_proba(rows)[:, [list(model.classes_).index(c) for c in rules.classes_]]
    weight, floor = cue_tables().model_weight, 1e-6
    pooled = np.exp(weight * np.log(model_p + floor) + (1 - weight) * np.log(rule_p + floor))
    pooled /= pooled.sum(axis=1, keepdims=True)
    for use_model, reference in ((True, pooled), (False, rule_p)):
        results = classify_sections(rows, use_model=use_model)
        assert [c for c, _ in results] == [rules.classes_[i] for i in reference.argmax(axis=1)]
        assert np.allclose([p for _, p in results], reference.max(axis=1), atol=1e-4)


# ---------------------------------------------------------------- n-grams looked up in bulk
NGRAM_TEXTS = [
    ("plain", "签订集体合同"),
    ("repeated grams", "工会工会工会"),
    ("digits and spaces", "新建 工会 0家 0 0"),
    ("outside the BMP", "𠀀工会𠀀"),
    ("one character", "会"),
    ("empty", ""),
    ("latin", "abcab"),
]
NGRAM_VOCABULARY = {gram: col for col, gram in enumerate(
    ["工", "会", "工会", "会工", "工会工", "集体", "合同", "签订集", "0", "0家", "𠀀", "𠀀工", "ab", "b", "zz"])}


@pytest.mark.parametrize("sizes", [(1, 2, 3), (1, 2), (2,)], ids=str)
def test_ngram_lookup_matches_features(sizes):
    from extractor.classify.features import ngram_text, ngrams
    from extractor.classify.ngrams import NgramColumns

    texts = [ngram_text(text) for _, text in NGRAM_TEXTS]
    owners, cols = NgramColumns(NGRAM_VOCABULARY, sizes).lookup(texts)
    pairs = list(zip(owners.tolist(), cols.tolist()))
    expected = {(i, NGRAM_VOCABULARY[g]) for i, text in enumerate(texts) for g in ngrams(text, sizes)
                if g in NGRAM_VOCABULARY}
    assert len(pairs) == len(set(pairs)) and set(pairs) == expected


# ---------------------------------------------------------------- the "any cue" first test never hides a cue
CUE_TEXTS = ["下半年工作打算", "存在的主要问题", "(主要)困难", "2016年重点工作", "要进一步做好", "其他工作",
             "已完成任务了", "将力争完成", "主要做法", "没有任何提示词", "", "困难职工帮扶"]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_any_cue_agrees_with_the_counts(text):
    from extractor.classify.cues import count_matches, cue_tables

    tables = cue_tables()
    groups = {"heading.strong": tables.heading_strong, "heading.time": tables.heading_time,
              "heading.weak": tables.heading_weak, "body": tables.body}
    for name, group in groups.items():
        found = any(count_matches(pattern, text) for pattern in group.values())
        assert tables.any_cue[name].search(text) == found, name


def test_a_table_of_figures_is_no_roster():
    from extractor.classify.cues import looks_like_list

    assert looks_like_list("张三\n李四\n王五\n")
    assert not looks_like_list("填报单位：东坡镇总工会\n指标\t单位\t一季度\n新建工会组织\t个\t3\n发展会员\t人\t86\n")
