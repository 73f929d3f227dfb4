"""The number audit: every check with cases that must and must not fire.

Documents are hand-made (tests/audit_fixtures.py); every string is written
for these tests.
"""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from audit_fixtures import make_doc, section
from extractor.checks import audit_corpus, audit_document
from extractor.checks.numbering import chinese_to_int, parse_number
from extractor.checks.stats import benford_test, chi2_sf, first_digit, gamma_q, modified_z_scores
from extractor.records import Indicator


def checks(findings, prefix=""):
    return sorted(f.check for f in findings if f.check.startswith(prefix))


def audit_text(text, figures, **doc):
    return audit_document(make_doc(text, figures, **doc), text)


# --- breakdowns --------------------------------------------------------------

MEMBERS = dict(predicate="发展", object="会员")
BREAKDOWN_CASES = [
    # (case id, text, figures, expected checks with prefix "breakdown")
    ("part above total", "发展会员500人,其中农民工600人。",
     [dict(q="会员500人", value=500, unit="人", **MEMBERS),
      dict(q="农民工600人", value=600, unit="人", object="农民工", part_of=0)],
     ["breakdown.exceeds_total"]),
    ("part below total", "发展会员500人,其中农民工300人。",
     [dict(q="会员500人", value=500, unit="人", **MEMBERS),
      dict(q="农民工300人", value=300, unit="人", object="农民工", part_of=0)], []),
    ("approximate total leaves room", "发展会员500余人,其中农民工520人。",
     [dict(q="会员500余人", value=500, unit="人", approx="余", **MEMBERS),
      dict(q="农民工520人", value=520, unit="人", object="农民工", part_of=0)], []),
    ("名 and 人 are one family", "培训职工50人,其中女职工80名。",
     [dict(q="职工50人", value=50, unit="人", object="职工"),
      dict(q="女职工80名", value=80, unit="名", object="女职工", part_of=0)],
     ["breakdown.exceeds_total"]),
    ("items before 合计 do not add up", "发放慰问金10万元,助学金17.22万元,合计28.22万元。",
     [dict(q="慰问金10万元", value=100000, unit="元", object="慰问金"),
      dict(q="助学金17.22万元", value=172200, unit="元", object="助学金"),
      dict(q="合计28.22万元", value=282200, unit="元")], ["breakdown.sum_mismatch"]),
    ("items before 合计 add up", "发放慰问金10万元,助学金17.22万元,合计27.22万元。",
     [dict(q="慰问金10万元", value=100000, unit="元", object="慰问金"),
      dict(q="助学金17.22万元", value=172200, unit="元", object="助学金"),
      dict(q="合计27.22万元", value=272200, unit="元")], []),
    ("共 before another object is not a total of the list", "发展会员500人,培训骨干80人,共表彰先进个人20人。",
     [dict(q="会员500人", value=500, unit="人", **MEMBERS),
      dict(q="骨干80人", value=80, unit="人", object="骨干"),
      dict(q="先进个人20人", value=20, unit="人", object="先进个人")], []),
    ("共计 naming the items' verb", "春节发放慰问金3万元,金秋发放助学金2万元,共计发放资金8万元。",
     [dict(q="慰问金3万元", value=30000, unit="元", predicate="发放", object="慰问金"),
      dict(q="助学金2万元", value=20000, unit="元", predicate="发放", object="助学金"),
      dict(q="资金8万元", value=80000, unit="元", predicate="发放", object="资金")], ["breakdown.sum_mismatch"]),
    ("goods in other units may make up the rest", "购买大米300袋、食用油200桶,慰问金2万元,共计价值5万元。",
     [dict(q="大米300袋", value=300, unit="袋", object="大米"),
      dict(q="食用油200桶", value=200, unit="桶", object="食用油"),
      dict(q="慰问金2万元", value=20000, unit="元", object="慰问金"),
      dict(q="价值5万元", value=50000, unit="元")], []),
    ("分别 makes the parts exhaustive", "建立工会20家,分别为企业工会12家、机关工会5家。",
     [dict(q="工会20家", value=20, unit="家", object="工会"),
      dict(q="企业工会12家", value=12, unit="家", object="企业工会", part_of=0),
      dict(q="机关工会5家", value=5, unit="家", object="机关工会", part_of=0)], ["breakdown.sum_mismatch"]),
    ("其中 with parallel parts below the total", "建立工会20家,其中企业工会12家,机关工会5家。",
     [dict(q="工会20家", value=20, unit="家", object="工会"),
      dict(q="企业工会12家", value=12, unit="家", object="企业工会", part_of=0),
      dict(q="机关工会5家", value=5, unit="家", object="机关工会", part_of=0)], []),
    ("其中 with parallel parts above the total", "建立工会20家,其中企业工会15家,机关工会8家。",
     [dict(q="工会20家", value=20, unit="家", object="工会"),
      dict(q="企业工会15家", value=15, unit="家", object="企业工会", part_of=0),
      dict(q="机关工会8家", value=8, unit="家", object="机关工会", part_of=0)], ["breakdown.sum_mismatch"]),
    ("其余 makes the parts exhaustive", "会员1000人,其中女会员400人,其余会员500人。",
     [dict(q="会员1000人", value=1000, unit="人", object="会员"),
      dict(q="女会员400人", value=400, unit="人", object="女会员", part_of=0),
      dict(q="其余会员500人", value=500, unit="人", object="其余会员", part_of=0)], ["breakdown.sum_mismatch"]),
    ("the two ends of a change are not parts", "会员3000人,其中会员总数由2.36万人增加到2.5万人。",
     [dict(q="会员3000人", value=3000, unit="人", object="会员"),
      dict(q="2.36万人", value=23600, unit="人", object="会员总数", part_of=0, change="from"),
      dict(q="2.5万人", value=25000, unit="人", object="会员总数", part_of=0, change="to")], []),
    ("overlapping groups may add up to more", "培训职工500人,其中女职工200人,农民工350人。",
     [dict(q="职工500人", value=500, unit="人", object="职工"),
      dict(q="女职工200人", value=200, unit="人", object="女职工", part_of=0),
      dict(q="农民工350人", value=350, unit="人", object="农民工", part_of=0)], []),
    ("a single example part", "建立工会20家,其中企业工会25家。",
     [dict(q="工会20家", value=20, unit="家", object="工会"),
      dict(q="企业工会25家", value=25, unit="家", object="企业工会", part_of=0)], ["breakdown.exceeds_total"]),
]


@pytest.mark.parametrize("text,figures,expected", [c[1:] for c in BREAKDOWN_CASES],
                         ids=[c[0] for c in BREAKDOWN_CASES])
def test_breakdown(text, figures, expected):
    assert checks(audit_text(text, figures), "breakdown") == expected


def test_breakdown_finding_names_figures():
    text = BREAKDOWN_CASES[4][1]
    (finding,) = audit_text(text, BREAKDOWN_CASES[4][2])
    assert finding.severity == "warning"
    assert "272,200" in finding.message and "282,200" in finding.message
    assert finding.indicators == ("i2", "i0", "i1")
    assert text[finding.span[0]:finding.span[1]].startswith("慰问金10万元")


# --- rates ---------------------------------------------------------------------

def survey(rate: float, written: str, **extra):
    text = f"发出问卷11031份,收回有效问卷10259份,有效问卷回收率为{written}。"
    return text, [dict(q="问卷11031份", value=11031, unit="份", predicate="发出", object="问卷"),
                  dict(q="有效问卷10259份", value=10259, unit="份", predicate="收回", object="有效问卷"),
                  dict(q=f"有效问卷回收率为{written}", value=rate, unit="%", object="有效问卷回收率", **extra)]


def completion(rate: float):
    text = f"计划发展会员1000人,实际发展会员1120人,完成任务的{rate:g}%。"
    return text, [dict(q="会员1000人", value=1000, unit="人", predicate="发展", object="会员", status="target"),
                  dict(q="会员1120人", value=1120, unit="人", predicate="发展", object="会员"),
                  dict(q=f"{rate:g}%", value=rate, unit="%")]


RATE_CASES = [
    ("survey rate agrees", *survey(93, "93%"), []),
    ("survey rate off", *survey(90, "90%"), ["rate.inconsistent"]),
    ("within one point", *survey(92.5, "92.5%"), []),
    ("lower bound honoured", *survey(90, "90%以上", bound="lower"), []),
    ("upper bound honoured", *survey(95, "95%以内", bound="upper"), []),
    ("upper bound broken", *survey(90, "不到90%", bound="upper"), ["rate.inconsistent"]),
    ("completion agrees", *completion(112), []),
    ("completion off", *completion(102), ["rate.inconsistent"]),
    ("shares of an unstated total", "表彰产业工人380名,占40.3%,其中农民工172人,占18.2%。",
     [dict(q="产业工人380名", value=380, unit="名", object="产业工人"),
      dict(q="占40.3%", value=40.3, unit="%"),
      dict(q="农民工172人", value=172, unit="人", object="农民工"),
      dict(q="占18.2%", value=18.2, unit="%")], []),
    ("objects sharing only a generic suffix", "技术人员236名,占25.0%;科研人员206名,占21.9%。",
     [dict(q="技术人员236名", value=236, unit="名", object="技术人员"),
      dict(q="占25.0%", value=25.0, unit="%", object="技术人员"),
      dict(q="科研人员206名", value=206, unit="名", object="科研人员"),
      dict(q="占21.9%", value=21.9, unit="%", object="科研人员")], []),
    ("the rate does not name the part", "签订集体合同300份,其中工资专项集体合同200份。已建工会企业集体合同签订率达到95%。",
     [dict(q="集体合同300份", value=300, unit="份", object="集体合同"),
      dict(q="工资专项集体合同200份", value=200, unit="份", object="工资专项集体合同", part_of=0),
      dict(q="集体合同签订率达到95%", value=95, unit="%", object="集体合同签订率")], []),
    ("the rate names the part's modifier", "职工5000人,入会职工4000人,入会率95%。",
     [dict(q="职工5000人", value=5000, unit="人", object="职工"),
      dict(q="入会职工4000人", value=4000, unit="人", object="入会职工"),
      dict(q="入会率95%", value=95, unit="%", object="入会率")], ["rate.inconsistent"]),
    ("bare 占 after a linked part", "全市职工5000人。其中女职工2000人,占50%。",
     [dict(q="职工5000人", value=5000, unit="人", object="职工"),
      dict(q="女职工2000人", value=2000, unit="人", object="女职工", part_of=0),
      dict(q="占50%", value=50, unit="%")], ["rate.inconsistent"]),
    ("a rate on another whole than the part's", "发展会员2650人,其中新就业形态劳动者入会810人,职工入会率达到91.5%。",
     [dict(q="发展会员2650人", value=2650, unit="人", predicate="发展", object="会员"),
      dict(q="新就业形态劳动者入会810人", value=810, unit="人", predicate="入会", object="新就业形态劳动者",
           part_of=0),
      dict(q="职工入会率达到91.5%", value=91.5, unit="%", object="职工入会率")], []),
    ("a generic word shared is no naming", "新发展会员4860人,其中非公有制企业职工会员2910人。职工入会率达到92.4%。",
     [dict(q="会员4860人", value=4860, unit="人", object="会员"),
      dict(q="非公有制企业职工会员2910人", value=2910, unit="人", object="非公有制企业职工会员", part_of=0),
      dict(q="职工入会率达到92.4%", value=92.4, unit="%", object="职工入会率")], []),
    ("a rate named after the part's verb", "发放问卷1000份,收回800份,回收率为90%。",
     [dict(q="发放问卷1000份", value=1000, unit="份", predicate="发放", object="问卷"),
      dict(q="收回800份", value=800, unit="份", predicate="收回", object="问卷", part_of=0),
      dict(q="回收率为90%", value=90, unit="%", object="回收率")], ["rate.inconsistent"]),
    ("a growth rate is not a share", "今年发展会员1200人,上年发展会员1000人,增长率为50%。",
     [dict(q="会员1200人", value=1200, unit="人", object="会员"),
      dict(q="会员1000人", value=1000, unit="人", object="会员"),
      dict(q="增长率为50%", value=50, unit="%", object="增长率")], []),
    ("a target rate is not checked", "走访企业100家,建会企业60家,建会率力争达到90%。",
     [dict(q="企业100家", value=100, unit="家", object="企业"),
      dict(q="建会企业60家", value=60, unit="家", object="建会企业"),
      dict(q="建会率力争达到90%", value=90, unit="%", object="建会率", status="target", bound="lower")], []),
    ("approximate figures are not used", "发出问卷1万余份,收回有效问卷9000余份,有效问卷回收率为60%。",
     [dict(q="问卷1万余份", value=10000, unit="份", object="问卷", approx="余"),
      dict(q="有效问卷9000余份", value=9000, unit="份", object="有效问卷", approx="余"),
      dict(q="有效问卷回收率为60%", value=60, unit="%", object="有效问卷回收率")], []),
]


@pytest.mark.parametrize("text,figures,expected", [c[1:] for c in RATE_CASES], ids=[c[0] for c in RATE_CASES])
def test_rate(text, figures, expected):
    assert checks(audit_text(text, figures), "rate") == expected


def test_rate_message_shows_computed_rate():
    (finding,) = audit_text(*survey(90, "90%"))
    assert "93.0%" in finding.message and "“有效问卷回收率为90%”" in finding.message


def test_rate_works_without_source_text():
    doc = make_doc(*survey(90, "90%"))
    assert checks(audit_document(doc)) == ["rate.inconsistent"]


def test_rate_reads_traditional_characters():
    text = "發出問卷200份,收回有效問卷150份,有效問卷回收率為90%。"
    figures = [dict(q="問卷200份", value=200, unit="份", object="问卷"),
               dict(q="有效問卷150份", value=150, unit="份", object="有效问卷"),
               dict(q="有效問卷回收率為90%", value=90, unit="%", object="有效问卷回收率")]
    assert checks(audit_text(text, figures)) == ["rate.inconsistent"]


# --- value conflicts -----------------------------------------------------------

CONTRACTS = dict(predicate="签订", object="集体合同", concept="collective_contracts", unit="份")
CONFLICT_CASES = [
    ("same concept, two values", "签订集体合同25份。各级工会签订集体合同28份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS), dict(q="集体合同28份", value=28, **CONTRACTS)],
     ["value.conflict"]),
    ("same value twice", "签订集体合同25份。各级工会签订集体合同25份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS), dict(q="集体合同25份", value=25, **CONTRACTS)], []),
    ("different periods", "上半年签订集体合同25份。全年签订集体合同28份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS), dict(q="集体合同28份", value=28, **CONTRACTS)], []),
    ("clauses split by semicolons list sub-units", "甲镇签订集体合同25份;乙镇签订集体合同28份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS), dict(q="集体合同28份", value=28, **CONTRACTS)], []),
    ("one concept, different objects", "在册会员152人。看望住院会员11人。",
     [dict(q="在册会员152人", value=152, unit="人", object="在册会员", concept="union_members"),
      dict(q="住院会员11人", value=11, unit="人", object="住院会员", concept="union_members")], []),
    ("one sentence lists sub-units", "甲镇签订集体合同25份,乙镇签订集体合同28份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS), dict(q="集体合同28份", value=28, **CONTRACTS)], []),
    ("part of the other", "签订集体合同28份。其中新签集体合同25份。",
     [dict(q="集体合同28份", value=28, **CONTRACTS), dict(q="集体合同25份", value=25, part_of=0, **CONTRACTS)], []),
    ("target and actual", "签订集体合同25份。明年签订集体合同28份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS),
      dict(q="集体合同28份", value=28, status="target", **CONTRACTS)], []),
    ("approximate figure", "签订集体合同25份。各级工会签订集体合同近30份。",
     [dict(q="集体合同25份", value=25, **CONTRACTS),
      dict(q="集体合同近30份", value=30, approx="近", **CONTRACTS)], []),
    ("a part introduced by 其中", "全市发展会员2.5万人。其中在新建工会中发展会员1.1万人。",
     [dict(q="会员2.5万人", value=25000, unit="人", predicate="发展", object="会员", concept="new_members"),
      dict(q="会员1.1万人", value=11000, unit="人", predicate="发展", object="会员", concept="new_members")], []),
    ("the clauses name different things", "全县基层工会总数达到412家。规范化建设达标的基层工会达到63家。",
     [dict(q="基层工会总数达到412家", value=412, unit="家", predicate="达到", object="基层工会",
           concept="grassroots_unions"),
      dict(q="基层工会达到63家", value=63, unit="家", predicate="达到", object="基层工会",
           concept="grassroots_unions")], []),
    ("the whole stated twice, worded apart", "公司工会现有会员1480人。组织全公司会员1520人进行了健康体检。",
     [dict(q="现有会员1480人", value=1480, unit="人", object="公司工会现有会员", concept="union_members",
           section="s1"),
      dict(q="全公司会员1520人", value=1520, unit="人", predicate="组织", object="公司会员",
           concept="union_members", section="s2")], ["value.conflict"]),
    ("a sub-unit is no whole", "全县现有会员52000人。城关镇现有会员3800人。",
     [dict(q="全县现有会员52000人", value=52000, unit="人", object="现有会员", concept="union_members",
           section="s1"),
      dict(q="城关镇现有会员3800人", value=3800, unit="人", object="现有会员", concept="union_members",
           section="s2")], []),
    ("an earlier time is no conflict", "全厂现有会员2800人。改制前,全厂共有会员3500人。",
     [dict(q="全厂现有会员2800人", value=2800, unit="人", object="全厂现有会员", concept="union_members",
           section="s1"),
      dict(q="全厂共有会员3500人", value=3500, unit="人", object="会员", concept="union_members",
           section="s2")], []),
    ("a qualified part is no whole", "全县基层工会总数达到468家。全县规范化建设达标的基层工会达到70家。",
     [dict(q="基层工会总数达到468家", value=468, unit="家", predicate="达到", object="基层工会",
           concept="grassroots_unions", section="s1"),
      dict(q="基层工会达到70家", value=70, unit="家", predicate="达到", object="基层工会",
           concept="grassroots_unions", section="s2")], []),
    ("no concept: same verb and object in one section", "慰问困难职工50户。慰问困难职工80户。",
     [dict(q="困难职工50户", value=50, unit="户", predicate="慰问", object="困难职工", section="s1"),
      dict(q="困难职工80户", value=80, unit="户", predicate="慰问", object="困难职工", section="s1")],
     ["value.conflict"]),
    ("no concept: separate sections are separate events", "慰问困难职工50户。慰问困难职工80户。",
     [dict(q="困难职工50户", value=50, unit="户", predicate="慰问", object="困难职工", section="s1"),
      dict(q="困难职工80户", value=80, unit="户", predicate="慰问", object="困难职工", section="s2")], []),
]


@pytest.mark.parametrize("text,figures,expected", [c[1:] for c in CONFLICT_CASES],
                         ids=[c[0] for c in CONFLICT_CASES])
def test_conflict(text, figures, expected):
    sections = [section("s1", "一", at=100), section("s2", "二", at=200)]
    assert checks(audit_text(text, figures, sections=sections), "value.conflict") == expected


def test_conflict_headings_name_the_period():
    text = "签订集体合同25份。签订集体合同28份。"
    sections = [section("s1", "一", heading="上半年工作", at=100), section("s2", "二", heading="下半年工作", at=200)]
    figures = [dict(q="集体合同25份", value=25, section="s1", **CONTRACTS),
               dict(q="集体合同28份", value=28, section="s2", **CONTRACTS)]
    assert checks(audit_text(text, figures, sections=sections), "value.conflict") == []


# --- heading numbers -----------------------------------------------------------

def numbered(*numbers, parent=None, level=1, start=0):
    return [section(f"s{start + i}", n, parent=parent, level=level, at=(start + i) * 100)
            for i, n in enumerate(numbers)]


NUMBERING_CASES = [
    ("in order", numbered("一", "二", "三"), []),
    ("a number used twice", numbered("1", "2", "2", "3"), ["numbering.duplicate"]),
    ("a number skipped", numbered("(1)", "(2)", "(4)"), ["numbering.gap"]),
    ("starting after 1", numbered("二", "三"), ["numbering.gap"]),
    ("circled digits", numbered("①", "②", "④"), ["numbering.gap"]),
    ("two lists under one parent", numbered("1", "2", "1", "2"), []),
    ("full-width brackets", numbered("（一）", "（二）", "（二）"), ["numbering.duplicate"]),
    ("styles counted apart", numbered("一", "(一)", "二", "(二)"), []),
    ("siblings under different parents", numbered("1", "2", parent="p1", level=2)
     + numbered("1", "2", parent="p2", level=2, start=10), []),
    ("unnumbered headings are ignored", numbered("一", None, "二"), []),
    ("numbers that go on under the next parent", numbered("1", "2", parent="p1", level=2)
     + numbered("3", "4", parent="p2", level=2, start=10) + numbered("5", parent="p3", level=2, start=20), []),
    ("a skipped month heading does not break the run", numbered("1", "2", parent="p1", level=2)
     + [section("s5", "7", parent="p1", level=2, heading="7月份,召开职工大会", at=500)]
     + numbered("3", "4", parent="p2", level=2, start=10), []),
    ("...but a gap across parents still counts", numbered("1", "2", parent="p1", level=2)
     + numbered("4", "5", parent="p2", level=2, start=10), ["numbering.gap"]),
    ("month labels are not numbers", [section("s0", "一", heading="一月份", at=0),
                                      section("s1", "七", heading="七、八月份", at=100),
                                      section("s2", "九", heading="九月份", at=200)], []),
    ("a numbered item that opens with a date", [
        section("s0", "(1)", heading="3月份,县总工会全面启动了“共同约定行动”", at=0),
        section("s1", "(2)", heading="5月初,县总工会与相关部门共同开展了倡议活动", at=100),
        section("s2", "(3)", heading="结合创建劳动关系和谐单位", at=200)], []),
    ("an item numbered 、 that opens with a date", [
        section("s0", "1", heading="开展普法宣传", at=0),
        section("s1", "2", heading="5月初,县总工会开展了倡议活动", at=100),
        section("s2", "3", heading="结合创建劳动关系和谐单位", at=200)], []),
]


@pytest.mark.parametrize("sections,expected", [c[1:] for c in NUMBERING_CASES],
                         ids=[c[0] for c in NUMBERING_CASES])
def test_numbering(sections, expected):
    assert checks(audit_document(make_doc(sections=sections)), "numbering") == expected


def test_numbering_finding_points_at_heading():
    sections = numbered("1", "2", "2")
    (finding,) = audit_document(make_doc(sections=sections))
    assert finding.span == sections[2].heading_span and "“2”" in finding.message


@pytest.mark.parametrize("number,expected", [
    ("一", ("cjk", 1)), ("十", ("cjk", 10)), ("十二", ("cjk", 12)), ("二十一", ("cjk", 21)),
    ("(一)", ("paren_cjk", 1)), ("（三）", ("paren_cjk", 3)), ("1", ("arabic", 1)), ("12.", ("arabic", 12)),
    ("１", ("arabic", 1)), ("(1)", ("paren_arabic", 1)), ("①", ("circled", 1)), ("⑩", ("circled", 10)),
    ("甲", None), (None, None), ("", None),
])
def test_parse_number(number, expected):
    assert parse_number(number) == expected


def test_chinese_to_int_rejects_other_characters():
    assert chinese_to_int("一百零五") == 105 and chinese_to_int("一点") is None


# --- masked and corrupted numbers ----------------------------------------------

def test_masked_figures_are_reported():
    text = "参加培训已经达到201*余人次,发放资料300份。"
    figures = [dict(q="201*余人次", value=None, unit="人次", masked=True),
               dict(q="资料300份", value=300, unit="份")]
    findings = audit_text(text, figures)
    assert [(f.check, f.severity, f.indicators) for f in findings] == [("value.masked", "info", ("i0",))]


CORRUPTED_CASES = [
    ("decimal point turned into 、", "全体职工捐款达4120、50、发放慰问品一批。", ["4120、50"]),
    ("full-width digits", "捐款达４１２０、５０元。", ["４１２０、５０"]),
    ("a list of numbers", "分别为10、20人和100、200人。", []),
    ("a year over a count", "收集职工意见2023余条。", ["2023余"]),
    ("a round count is real", "参加职工2000余人,收到意见1500多条。", []),
    ("years of service", "坚持了2015多年的传统。", []),
]


@pytest.mark.parametrize("text,quotes", [c[1:] for c in CORRUPTED_CASES], ids=[c[0] for c in CORRUPTED_CASES])
def test_corrupted(text, quotes):
    findings = audit_document(make_doc(text), text)
    assert [text[f.span[0]:f.span[1]] for f in findings if f.check == "text.corrupted"] == quotes


def test_corrupted_needs_text():
    assert audit_document(make_doc("捐款达4120、50、发放")) == ()


# --- across documents ----------------------------------------------------------

MEMBER = dict(object="会员", predicate="发展", concept="new_members", unit="人")


def plan(value, year=2012, **period):
    return make_doc(figures=[dict(value=value, status="target", **MEMBER)], doc_type="plan",
                    year=year, source="plan.txt", **period)


def report(value, year=2012, part="year", **period):
    return make_doc(figures=[dict(value=value, **MEMBER)], doc_type="summary", year=year, part=part,
                    source=f"report{year}{part}.txt", **period)


TARGET_CASES = [
    ("missed", [plan(1000), report(900)], ["target.missed"]),
    ("exceeded", [plan(1000), report(1200)], ["target.exceeded"]),
    ("met exactly", [plan(1000), report(1000)], []),
    ("another year", [plan(1000, year=2013), report(900)], []),
    ("another organisation", [plan(1000), report(900, org="乙县总工会")], []),
    ("masked years never match", [plan(1000, year=None, year_text="201*"),
                                  report(900, year=None, year_text="201*")], []),
    ("the same inferred year matches", [plan(1000, year=None, year_text="20XX", year_inferred=2011),
                                        report(900, year=None, year_text="201*", year_inferred=2011)],
     ["target.missed"]),
    ("a half-year report is not held to the annual target", [plan(1000), report(600, part="H1")], []),
]


@pytest.mark.parametrize("docs,expected", [c[1:] for c in TARGET_CASES], ids=[c[0] for c in TARGET_CASES])
def test_targets(docs, expected):
    assert checks(audit_corpus(docs), "target") == expected


def test_target_message_has_ratio_and_origin():
    (finding,) = audit_corpus([plan(1000), report(900)])
    assert "90.0%" in finding.message and finding.source == "report2012year.txt"
    assert finding.severity == "warning"


UNIONS = dict(predicate="达到", object="基层工会", concept="grassroots_unions", unit="家")
PLAN_TEXT = "新建基层工会30家。规范化建设达标的基层工会达到60家。"
SUMMARY_TEXT = "全县基层工会总数达到412家。新建基层工会34家。规范化建设达标的基层工会达到55家。"


def test_targets_meet_the_actual_worded_alike():
    plan_doc = make_doc(PLAN_TEXT, [dict(q="基层工会30家", value=30, status="target", **{**UNIONS, "predicate": "新建"}),
                                    dict(q="基层工会达到60家", value=60, status="target", **UNIONS)],
                        doc_type="plan", source="plan.txt")
    summary = make_doc(SUMMARY_TEXT, [dict(q="基层工会总数达到412家", value=412, **UNIONS),
                                      dict(q="基层工会34家", value=34, **{**UNIONS, "predicate": "新建"}),
                                      dict(q="基层工会达到55家", value=55, **UNIONS)], source="summary.txt")
    findings = audit_corpus([plan_doc, summary], {"plan.txt": PLAN_TEXT, "summary.txt": SUMMARY_TEXT})
    assert [(f.check, f.indicators) for f in findings] == [("target.exceeded", ("i1",)), ("target.missed", ("i2",))]


def test_ambiguous_actuals_are_left_alone():
    plan_doc = make_doc(figures=[dict(value=60, status="target", **UNIONS)], doc_type="plan", source="p.txt")
    summary = make_doc(figures=[dict(value=412, **UNIONS), dict(value=55, **UNIONS)], source="s.txt")
    assert audit_corpus([plan_doc, summary]) == ()


def test_upper_bound_target_is_missed_when_above():
    rate = dict(object="劳动争议", concept="disputes", unit="件")
    target = make_doc(figures=[dict(value=10, status="target", bound="upper", **rate)], doc_type="plan")
    actual = make_doc(figures=[dict(value=15, **rate)], source="b.txt")
    assert checks(audit_corpus([target, actual])) == ["target.missed"]


HALF_CASES = [
    ("half above year", [report(600, part="H1"), report(500)], ["period.half_exceeds_year"]),
    ("half below year", [report(400, part="H1"), report(500)], []),
    ("rates are not cumulative", [
        make_doc(figures=[dict(value=95, object="入会率", unit="%")], part="H1", source="h.txt"),
        make_doc(figures=[dict(value=90, object="入会率", unit="%")], source="y.txt")], []),
]


@pytest.mark.parametrize("docs,expected", [c[1:] for c in HALF_CASES], ids=[c[0] for c in HALF_CASES])
def test_half_year(docs, expected):
    assert checks(audit_corpus(docs), "period") == expected


JUMP_CASES = [
    ("six times", [report(100, year=2012), report(600, year=2013)], ["value.jump"]),
    ("a fifth", [report(1000, year=2012), report(150, year=2013)], ["value.jump"]),
    ("three times", [report(100, year=2012), report(300, year=2013)], []),
    ("not consecutive years", [report(100, year=2011), report(600, year=2013)], []),
]


@pytest.mark.parametrize("docs,expected", [c[1:] for c in JUMP_CASES], ids=[c[0] for c in JUMP_CASES])
def test_jumps(docs, expected):
    assert checks(audit_corpus(docs), "value.jump") == expected


def counties(values):
    return [make_doc(figures=[dict(value=v, **MEMBER)], org=f"县{i}总工会", source=f"c{i}.txt")
            for i, v in enumerate(values)]


OUTLIER_CASES = [
    ("one far value", [100, 120, 90, 110, 130, 95, 105, 115, 100000], 1),
    ("all alike", [100, 120, 90, 110, 130, 95, 105, 115, 140], 0),
    ("too few values", [100, 120, 90, 110, 130, 95, 100000], 0),
]


@pytest.mark.parametrize("values,expected", [c[1:] for c in OUTLIER_CASES], ids=[c[0] for c in OUTLIER_CASES])
def test_outliers(values, expected):
    findings = [f for f in audit_corpus(counties(values)) if f.check == "value.outlier"]
    assert len(findings) == expected
    assert all("100,000" in f.message for f in findings)


def benford_doc(values, org="甲县总工会"):
    return make_doc(figures=[dict(value=v, object="物品", unit="件") for v in values], org=org)


BENFORD_SAMPLE = [int(10 ** (1 + (i + 0.5) / 60 * 3)) for i in range(60)]  # log-uniform: follows Benford
BENFORD_CASES = [
    ("all figures start with 9", [900 + i for i in range(60)], ["benford.deviation"]),
    ("log-uniform figures", BENFORD_SAMPLE, []),
    ("too few figures", [900 + i for i in range(30)], []),
]


@pytest.mark.parametrize("values,expected", [c[1:] for c in BENFORD_CASES], ids=[c[0] for c in BENFORD_CASES])
def test_benford(values, expected):
    findings = audit_corpus([benford_doc(values)])
    assert checks(findings, "benford") == expected
    assert all(f.severity == "info" for f in findings)


# --- statistics ----------------------------------------------------------------

@pytest.mark.parametrize("statistic,dof", [(0.5, 8), (7.3, 8), (15.5, 8), (40.0, 8), (2.0, 1), (120.0, 8)])
def test_gamma_q_matches_scipy(statistic, dof):
    scipy_stats = pytest.importorskip("scipy.stats")
    assert math.isclose(gamma_q(dof / 2, statistic / 2), scipy_stats.chi2.sf(statistic, dof),
                        rel_tol=1e-9, abs_tol=1e-15)


@pytest.mark.parametrize("statistic,dof,expected", [(15.507, 8, 0.05), (20.090, 8, 0.01), (0.0, 8, 1.0)])
def test_chi2_sf_table_values(statistic, dof, expected):
    assert chi2_sf(statistic, dof) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("value,digit", [(25, 2), (0.03, 3), (9.99, 9), (100000, 1), (0, None), (-45, 4)])
def test_first_digit(value, digit):
    assert first_digit(value) == digit


def test_benford_counts_and_z_scores():
    statistic, p_value, counts = benford_test([1, 12, 2, 9])
    assert counts == [2, 1, 0, 0, 0, 0, 0, 0, 1] and 0 <= p_value <= 1 and statistic > 0
    assert modified_z_scores([5, 5, 5]) is None
    scores = modified_z_scores([1, 2, 3, 4, 100])
    assert scores[-1] > 3.5 and abs(scores[2]) < 1e-9


# --- robustness and the rules file ---------------------------------------------

UNITS = st.sampled_from(["人", "名", "家", "份", "元", "%", "户", "fraction", None])
FIGURES = st.lists(st.fixed_dictionaries({
    "value": st.one_of(st.none(), st.floats(-1e9, 1e12, allow_nan=False), st.integers(0, 10 ** 6)),
    "unit": UNITS,
    "object": st.one_of(st.none(), st.sampled_from(["会员", "有效会员", "其余会员", "工会", "企业工会", ""])),
    "predicate": st.one_of(st.none(), st.sampled_from(["发展", "签订", "达到"])),
    "status": st.sampled_from(["actual", "target"]),
    "part_of": st.one_of(st.none(), st.integers(0, 5).map(lambda n: f"i{n}")),
    "masked": st.booleans(),
    "concept": st.one_of(st.none(), st.just("new_members")),
    "approx": st.one_of(st.none(), st.just("余")),
    "text": st.text("共计合其中率占完成任务的0123456789.、万%人,;。", max_size=12),
}), max_size=6)


def _indicators(figures, length):
    return tuple(Indicator(id=f"i{i}", section=None, span=(min(i, length), min(i + 3, length)),
                           sentence_span=(0, length), predicate=f["predicate"], object=f["object"],
                           concept=f["concept"], value=f["value"], unit=f["unit"], text=f["text"],
                           kind="percent" if f["unit"] == "%" else "count", status=f["status"],
                           part_of=f["part_of"], masked=f["masked"], approx=f["approx"])
                 for i, f in enumerate(figures))


@settings(max_examples=60, deadline=None)
@given(FIGURES, st.text("一二三年月日共计1234567890、余多%人 \n。", max_size=40),
       st.lists(st.sampled_from(["一", "(一)", "1", "①", "x", None, "十二"]), max_size=5))
def test_audit_never_raises(figures, text, numbers):
    sections = [section(f"s{i}", n, at=i * 3) for i, n in enumerate(numbers)]
    doc = replace(make_doc(sections=sections), indicators=_indicators(figures, len(text)))
    findings = audit_document(doc, text) + audit_corpus([doc, doc])
    assert all(f.severity in ("info", "warning", "error") for f in findings)


def test_rules_file_is_complete():
    from extractor.checks.common import pattern, patterns, rules

    for section_name, key in [("breakdown", "total_pattern"), ("breakdown", "total_filler"),
                              ("rate", "completion_pattern"), ("corrupted", "decimal_comma"),
                              ("corrupted", "year_approx")]:
        assert pattern(section_name, key).pattern
    assert len(patterns("conflict", "time_patterns")) == len(rules("conflict")["time_patterns"])
    assert rules("corpus")["jump_factor"] > 1 and 0 < rules("corpus")["benford_alpha"] < 1


# --- text helpers: fast paths give what the slow ones give -------------------

SIMPLIFY_CASES = [
    # (case id, text)
    ("simplified", "全县新建基层工会18家,发展会员1200人"),
    ("traditional", "全縣新建基層工會18家,簽訂集體合同25份"),
    ("mixed", "工會組建工作取得新突破,会员人数增加"),
    ("full width", "共计ＡＢＣ１２３，其中５０人"),
    ("phrase key without traditional characters", "有序推进各项工作"),
    ("a phrase the character table leaves alone", "会场一片沈默"),
    ("empty", ""),
    ("only punctuation", ",。;:"),
]


@pytest.mark.parametrize("text", [c[1] for c in SIMPLIFY_CASES], ids=[c[0] for c in SIMPLIFY_CASES])
def test_simplify_reads_text_as_the_cleaning_stage_does(text):
    from extractor.checks.common import simplify
    from extractor.clean import fold

    assert simplify(text) == fold(text)
    assert len(simplify(text)) == len(text)  # a 1:1 mapping: positions stay valid
    assert simplify(simplify(text)) == simplify(text)


@pytest.mark.parametrize("raw,expected", [("簽訂集體合同２５份", "签订集体合同25份"), ("工會會員", "工会会员")])
def test_simplify_converts_traditional_and_full_width(raw, expected):
    from extractor.checks.common import simplify

    assert simplify(raw) == expected


HALF_WIDTH_CASES = [
    ("none", "发展会员500人"),
    ("digits", "发展会员５００人"),
    ("punctuation runs", "（一）１、２．３％，！"),
    ("edges of the block", "\uff01\uff5e\uff00\uff5f"),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [c[1] for c in HALF_WIDTH_CASES], ids=[c[0] for c in HALF_WIDTH_CASES])
def test_to_half_width_maps_the_full_width_block(text):
    from extractor.checks.common import to_half_width

    expected = "".join(chr(ord(ch) - 0xFEE0) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in text)
    assert to_half_width(text) == expected


# Rules added after reading the corpus cases: tested end to end on text.
from extractor.pipeline import parse_text as _parse_text  # noqa: E402

_TITLE = "平川县总工会2016年工作总结\n\n一、主要工作\n"

TEXT_CASES = [
    ("rate named after the part's verb",
     "发放职工满意度调查问卷1000份,收回800份,回收率为90%。", "rate.inconsistent", True),
    ("rate named after the part's verb, consistent",
     "发放职工满意度调查问卷1000份,收回900份,回收率为90%。", "rate.inconsistent", False),
    ("a stated sum broken into three sources that fall short",
     "共筹集送温暖资金286万元,其中区财政拨款120万元、区总工会自筹96万元、企业和社会捐助58万元。",
     "breakdown.sum_mismatch", True),
    ("a stated sum broken into three sources that add up",
     "共筹集送温暖资金274万元,其中区财政拨款120万元、区总工会自筹96万元、企业和社会捐助58万元。",
     "breakdown.sum_mismatch", False),
    ("a few notable parts of a total are not a complete list",
     "共发展会员5005人,其中农牧民工3500人、女职工600人、青年职工400人。", "breakdown.sum_mismatch", False),
]


@pytest.mark.parametrize("name,sentence,check,expected", TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_checks_on_text(name, sentence, check, expected):
    text = _TITLE + sentence
    doc = _parse_text(text, use_model=False)[0]
    assert any(f.check == check for f in doc.findings) is expected


def test_two_kinds_picked_out_of_a_total_need_not_add_up():
    from extractor.pipeline import parse_text
    doc = parse_text("平川县总工会2016年工作总结\n\n一、主要工作\n全区签订集体合同412份,其中区域性集体合同、"
                     "行业性集体合同分别为36份、22份。")[0]
    assert [f.check for f in doc.findings if f.check.startswith("breakdown")] == []


def test_picked_out_kinds_above_their_total_are_still_wrong():
    from extractor.pipeline import parse_text
    doc = parse_text("平川县总工会2016年工作总结\n\n一、主要工作\n全县共有会员5000人,其中农民工、派遣工分别为3200人、2100人。")[0]
    assert "breakdown.sum_mismatch" in [f.check for f in doc.findings]


def test_a_population_rate_is_no_share_of_new_members():
    from extractor.pipeline import parse_text
    doc = parse_text("平川县总工会2016年工作总结\n\n一、主要工作\n全年发展会员860人,其中农民工入会520人。"
                     "全镇农民工入会率达到85%。")[0]
    assert "rate.inconsistent" not in [f.check for f in doc.findings]


def test_a_rate_names_a_part_by_what_sets_it_apart_from_the_whole():
    # 入会率 speaks of all the members, not of the women among them; 女会员……52% does
    text = ("洛山大学工会2021年工作报告\n\n一、主要工作\n校工会共有教职工会员2316人,其中女教职工1204人、"
            "45岁以下青年教职工980人,女会员约占会员总数的52%,教职工入会率98.6%。")
    doc = _parse_text(text, use_model=False)[0]
    assert [i.object for i in doc.indicators if i.value == 980] == ["45岁以下青年教职工"]  # (an age group's bound is part of its name)
    assert checks(audit_document(doc, text), "rate") == []
    wrong = text.replace("52%", "62%")
    assert checks(audit_document(_parse_text(wrong, use_model=False)[0], wrong), "rate") == ["rate.inconsistent"]


def test_yearly_shares_of_a_total_are_summed_not_conflicting():
    text = "张江县总工会2020年工作报告\n\n一、工作回顾\n五年来累计新建基层工会组织326家,2016年至2020年分别为58家、71家、66家、62家、{}家。"
    right, wrong = text.format(69), text.format(60)
    assert checks(audit_document(_parse_text(right, use_model=False)[0], right)) == []
    assert checks(audit_document(_parse_text(wrong, use_model=False)[0], wrong)) == ["breakdown.sum_mismatch"]


def test_amounts_shared_out_after_a_list_are_summed_against_the_amount_before():
    text = ("广和区总工会2021年经费报告\n\n一、经费支出\n维权支出398.72万元,主要用于困难职工帮扶、职工医疗互助、"
            "职工法律援助和“金秋助学”,分别为186.40万元、95.30万元、42.68万元、{}万元。")
    right, wrong = text.format("74.34"), text.format("66.34")
    assert checks(audit_document(_parse_text(right, use_model=False)[0], right)) == []
    assert checks(audit_document(_parse_text(wrong, use_model=False)[0], wrong)) == ["breakdown.sum_mismatch"]


def test_shares_of_a_list_of_parts_over_several_semicolons_are_checked_against_its_total():
    from extractor.pipeline import parse_text

    text = ("县总工会2021年统计分析\n一、基本情况\n截至2021年底,全县共有基层工会组织1323个,比上年增加47个。"
            "其中企业工会812个,占61.4%;机关事业单位工会365个,占27.6%;社会组织工会58个,占4.4%;"
            "村(社区)工会88个,占6.7%。会员实名制信息录入48214人,录入率94.4%。全年新发展会员4236人。\n")
    (doc,) = parse_text(text)
    parts = [i for i in doc.indicators if i.unit == "个" and i.part_of]
    assert [i.value for i in parts] == [812, 365, 58, 88]
    assert not [f for f in doc.findings if f.check.startswith(("rate.", "breakdown."))]
    wrong = text.replace("占6.7%", "占9.7%")
    (doc,) = parse_text(wrong)
    assert [f.check for f in doc.findings if f.check.startswith("rate.")] == ["rate.inconsistent"]


def test_a_completion_rate_is_not_checked_against_figures_of_other_things():
    text = ("县总工会2019年上半年工作总结\n一、主要工作\n县总工会将全年入会任务分解到12个乡镇工会,"
            "组成3个督导组开展督导。全县新发展会员1.2万人,完成全年任务的68.3%。\n")
    (doc,) = _parse_text(text, use_model=False)
    assert not [f for f in doc.findings if f.check == "rate.inconsistent"]


def test_one_line_per_unit_of_a_list_is_no_value_conflict():
    text = ("市总工会关于下拨送温暖资金的通知\n二、资金分配\n各单位应慰问对象数如下:\n"
            "江南区总工会:42万元,困难职工380户,困难劳模20名;\n湖滨区总工会:28.6万元,困难职工262户,困难劳模12名;\n")
    (doc,) = _parse_text(text, use_model=False)
    assert not [f for f in doc.findings if f.check == "value.conflict"]


def test_the_terms_of_a_ratio_are_no_items_of_a_sum():
    from extractor.pipeline import parse_text

    (doc,) = parse_text("某公司工会换届选举工作报告\n一、主要过程\n按照每30名会员产生1名代表的比例,共分配会员代表名额86名。\n")
    assert not [f for f in doc.findings if f.check == "breakdown.sum_mismatch"]


def test_a_completion_rate_is_of_the_result_its_own_part_states_and_coverage_is_no_part():
    from extractor.pipeline import parse_text

    (doc,) = parse_text("禾溪市总工会2023年考核情况\n一、完成情况\n全市全年新建工会组织237家,完成年度目标220家的107.7%;"
                        "发展会员18986人,完成目标的105.5%。\n新建非公企业工会12家,其中小微企业联合工会3家,覆盖小微企业21家。\n")
    assert not doc.findings


def test_a_part_marker_after_a_whole_of_its_own_and_cells_of_words_and_figures():
    from extractor.pipeline import parse_text

    (doc,) = parse_text("南坪市总工会2022年度统计\n一、主要指标\n发放帮扶资金含“两节”送温暖资金612.5万元,"
                        "工会经费收入含上级工会补助收入1580.6万元。\n")
    assert not [f for f in doc.findings if f.check == "breakdown.exceeds_total"]


def test_a_cards_year_on_the_line_above_tells_two_years_apart():
    text = ("某县总工会2023年工作汇报\n经费保障\n2022年\n工会经费收缴1,862万元\n同比↑8.4%\n"
            "2023年\n工会经费收缴2,018万元\n")
    (doc,) = _parse_text(text, use_model=False)
    assert not [f for f in doc.findings if f.check == "value.conflict"]


def test_money_nearly_or_over_broken_down_must_add_up_but_a_nested_breakdown_need_not():
    from extractor.pipeline import parse_text

    (doc,) = parse_text("某县总工会2024年工作总结\n一、主要工作\n全年赔付金额196.4万元,其中住院医疗赔付152.8万元、"
                        "特殊病种门诊赔付28.5万元、重大疾病补充赔付12.6万元。\n")
    assert [f.check for f in doc.findings] == ["breakdown.sum_mismatch"]
    (doc,) = parse_text("某县总工会2022年工作总结\n一、主要工作\n项目资金总额128.46万元,其中补助资金78.46万元"
                        "(省总工会补助46.00万元、市总工会补助32.46万元)、财政配套资金50.00万元。\n")
    assert not [f for f in doc.findings if f.check == "breakdown.sum_mismatch"]
