"""extractor.clean: the normalised copy and its offset map.

Case tables use strings written for these tests.  The invariant tests read
the dev corpus and corpora/ at test time and only compare offsets.
"""
from __future__ import annotations

import html
import random
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.clean import _page_furniture_spans, _rules, NormalizedText, fold, normalize
from extractor.read import read_bytes

DEV_CORPUS = Path("/work/shared/corpus/dev")
PROJECT_CORPORA = Path(__file__).resolve().parent.parent / "corpora"
CORPUS_FILES = sorted(DEV_CORPUS.glob("*.txt")) + sorted(
    path for path in PROJECT_CORPORA.rglob("*") if path.suffix in (".txt", ".html", ".docx"))

# one paragraph of made-up prose, long enough to be more than a title
LONG = "今年以来,县总工会坚持围绕中心、服务大局,全面推进基层组织建设和职工维权工作,"


def case(source, expected, id):
    return pytest.param(source, expected, id=id)


# --- traditional -> simplified, character by character ---------------------------

T2S = [
    case("工會簽訂集體合同", "工会签订集体合同", "traditional"),
    case("簽訂集體合同25份", "签订集体合同25份", "traditional with digits"),
    case("签订集体合同,覆盖职工,著名劳模", "签订集体合同,覆盖职工,著名劳模", "simplified unchanged"),
    case("乾淨", "干净", "乾 becomes 干 (fine for this domain)"),
    case("後來發展會員", "后来发展会员", "one-to-many table entries take the first"),
]

# --- full-width -> half-width ----------------------------------------------------

WIDTH = [
    case("２０２４年ＡＢＣａｂｃ", "2024年ABCabc", "digits and letters"),
    case("合同，协议：共计；（一）５０％．好！吗？", "合同,协议:共计;(一)50%.好!吗?", "punctuation"),
    case("句号。顿号、“引号”《书名》", "句号。顿号、“引号”《书名》", "Chinese marks kept"),
    case("工会\u3000\u3000工作", "工会 工作", "ideographic spaces collapse"),
    case("ＡＢ\u3000ＣＤ", "AB CD", "ideographic space between Latin"),
]

# --- pinyin and emoji annotations ------------------------------------------------

ANNOTATIONS = [
    case("總結(jié)參考", "总结参考", "tone-marked syllable"),
    case("領(lǐng)導和工會(huì)", "领导和工会", "several"),
    case("總結（jié）", "总结", "full-width parentheses"),
    case("工(gōng )会", "工会", "space before the closing parenthesis"),
    case("中国(zhōng guó)工会", "中国工会", "two syllables"),
    case("比赛的(de )职工(gōng )", "比赛的职工", "toneless beside tone-marked"),
    case("鼓(👪)励职工", "鼓励职工", "emoji"),
    case("国家(jiā(😤) )政权", "国家政权", "emoji inside pinyin"),
    case("产(🏃)(chǎn )业", "产业", "emoji then pinyin"),
    # real parentheses stay
    case("(1)建立工会", "(1)建立工会", "numbered item"),
    case("(一)组织建设", "(一)组织建设", "Chinese numbered item"),
    case("重症医学科(ICU)医生", "重症医学科(ICU)医生", "English abbreviation"),
    case("比赛的(de)职工", "比赛的(de)职工", "toneless alone"),
    case("分为(a)(b)两类", "分为(a)(b)两类", "letters as item labels"),
    case("咖啡馆(café)", "咖啡馆(café)", "accented word that is not pinyin"),
    case("共5(wǔ)个", "共5(wǔ)个", "not after a hanzi"),
    case("(jié)总结", "(jié)总结", "at the start of the text"),
]

# --- whitespace -------------------------------------------------------------------

SPACES = [
    case("“两新”组 织", "“两新”组织", "PDF space between hanzi"),
    case("“两新” 组织", "“两新”组织", "after a closing quote"),
    case("半年来, 县总工会", "半年来,县总工会", "after a comma"),
    case("达到50% 以上", "达到50%以上", "after a percent sign"),
    case("工会  工作", "工会 工作", "a run is kept as one space"),
    case("Hello   world", "Hello world", "runs collapse"),
    case("Hello world", "Hello world", "single Latin space kept"),
    case("2019-05-26 21:34", "2019-05-26 21:34", "between digits kept"),
    case("合同 25份", "合同 25份", "hanzi then digit kept"),
    case("第一行  \r\n  第二行\t\r\n", "第一行\n第二行\n", "CRLF, line ends and indentation"),
    case("旧式\r换行", "旧式\n换行", "lone CR"),
    case("工\u200b会\ufeff工\u00ad作", "工会工作", "zero-width and soft hyphen"),
    case("工会\u00a0工作", "工会工作", "NBSP between hanzi"),
    case("a\u00a0\u00a0b", "a b", "NBSP run"),
]

# --- joining lines split by page breaks ------------------------------------------------

HEADINGS = ["一、主要工作", "(一)组织建设", "1、工会组建", "2.经费管理", "(2)帮扶", "①培训", "一是加强宣传", "第二章附则"]

LINES = [
    case(LONG + "扩\n\n大工会组建,发展会员。", LONG + "扩大工会组建,发展会员。", "page break inside a word"),
    case(LONG + "评选“六\n\n好”工会,总计两家。", LONG + "评选“六好”工会,总计两家。", "inside quotes"),
    case(LONG + "扩\n大工会组建,发展会员。", LONG + "扩大工会组建,发展会员。", "single newline"),
    case(LONG + "扩\r\n\r\n大工会组建,发展会员。", LONG + "扩大工会组建,发展会员。", "CRLF"),
    case(LONG + "深入开展、\n\n推进民主管理。", LONG + "深入开展、推进民主管理。", "after an enumeration comma"),
    case(LONG + "扩\n\n大工会组建,发展会员。\n\n第二段落开始了,继续写。",
         LONG + "扩大工会组建,发展会员。\n\n第二段落开始了,继续写。", "only the split one joins"),
    case(LONG + "建设\n\n" + LONG, LONG + "建设" + LONG, "two long prose lines"),
    # real paragraph ends stay
    case(LONG + "完成任务。\n\n" + LONG, LONG + "完成任务。\n\n" + LONG, "ends with a stop"),
    case(LONG + "情况如下:\n\n" + LONG, LONG + "情况如下:\n\n" + LONG, "ends with a colon"),
    case("某县总工会上半年工作\n\n" + LONG, "某县总工会上半年工作\n\n" + LONG, "short title line"),
    case("某县总工会关于开展职工技能竞赛活动的工作总结\n\n" + LONG,
         "某县总工会关于开展职工技能竞赛活动的工作总结\n\n" + LONG, "long title ending like a title"),
    case(LONG + "主要有\n\n某县总工会二〇一九年工作总结", LONG + "主要有\n\n某县总工会二〇一九年工作总结", "title after"),
    case(LONG + "主要做法\n\n时间:2019年5月", LONG + "主要做法\n\n时间:2019年5月", "label line after"),
    case("全市工会“两节”送温暖活动启动投入资金超千万元\n\n本报讯(记者李明)1月10日,市总工会举行仪式。",
         "全市工会“两节”送温暖活动启动投入资金超千万元\n\n本报讯(记者李明)1月10日,市总工会举行仪式。",
         "a headline before a news dateline"),
    case(LONG + "联通、\n\n电讯等企业建立了工会,发展会员。", LONG + "联通、电讯等企业建立了工会,发展会员。",
         "电讯 is no dateline"),
    case("一、加强组织建设,提升工会工作水平\n\n" + LONG, "一、加强组织建设,提升工会工作水平\n\n" + LONG, "numbered heading"),
    case(LONG + "看望慰问一线职工/ 某某 供图\n\n" + LONG, LONG + "看望慰问一线职工/ 某某供图\n\n" + LONG, "photo credit"),
    case("发表时间:2008/7/21 16:09:50 来源:网络整理\n\n" + LONG,
         "发表时间:2008/7/21 16:09:50 来源:网络整理\n\n" + LONG, "metadata ending in a digit"),
    case("时间:2012-05-17 10:21 网站:某某范文网 来源:网络整理 浏览:2386次\n\n" + LONG,
         "时间:2012-05-17 10:21 网站:某某范文网来源:网络整理浏览:2386次\n\n" + LONG, "long metadata line"),
    case("张某某 某某市实验小学校长党支部书记兼工会主席\n王某某 某某股份有限公司高级工程师",
         "张某某某某市实验小学校长党支部书记兼工会主席\n王某某某某股份有限公司高级工程师", "list without prose marks"),
] + [
    case(LONG + "工作\n\n" + heading + ",内容。", LONG + "工作\n\n" + heading + ",内容。", f"heading {heading}")
    for heading in HEADINGS
]


@pytest.mark.parametrize("source, expected", T2S + WIDTH + ANNOTATIONS + SPACES + LINES)
def test_normalize(source, expected):
    norm = normalize(source)
    assert norm.text == expected
    check_map(norm)


# --- the offset map -----------------------------------------------------------------

def test_to_source_maps_back_over_deletions():
    norm = normalize("總結(jié)：簽訂集體合同２５份")
    assert norm.text == "总结:签订集体合同25份"
    start, end = norm.to_source((5, 11))
    assert norm.source[start:end] == "集體合同２５"
    start, end = norm.to_source((0, 3))  # the annotation inside the span stays inside
    assert norm.source[start:end] == "總結(jié)："


BOUNDARY_SPANS = [
    # (normalised span, source span) in "工 会(huì)" -> "工会"
    ((0, 0), (0, 0)),
    ((1, 1), (2, 2)),
    ((2, 2), (8, 8)),
    ((0, 2), (0, 3)),
    ((1, 2), (2, 3)),
]


@pytest.mark.parametrize("span, source_span", BOUNDARY_SPANS)
def test_boundary_spans(span, source_span):
    norm = normalize("工 会(huì)")
    assert norm.text == "工会"
    assert norm.to_source(span) == source_span


@pytest.mark.parametrize("bad", [(-1, 2), (2, 1), (0, 99)])
def test_bad_spans_are_refused(bad):
    with pytest.raises(ValueError):
        normalize("工会工作").to_source(bad)


def test_positions_and_back():
    norm = normalize("  工會(huì)  工作\n")
    assert norm.text == "工会 工作\n"
    assert [norm.to_source_pos(i) for i in range(len(norm.text) + 1)] == [2, 3, 9, 11, 12, 13, 14]
    assert norm.to_norm_pos(4) == 2  # inside the deleted annotation: the next kept char
    assert norm.from_source((2, 9)) == (0, 2)
    assert norm.from_source((4, 8)) == (2, 2)


def test_empty_text():
    norm = normalize("")
    assert (norm.text, norm.to_source((0, 0)), norm.to_source_pos(0)) == ("", (0, 0), 0)


def test_module_examples():
    import doctest

    import extractor.clean

    assert doctest.testmod(extractor.clean).failed == 0


def test_fold_is_one_to_one():
    assert fold("總結：２５％\u3000\u00a0\r\f") == "总结:25%  \n\n"


def check_map(norm: NormalizedText, samples: int = 0, seed: int = 0) -> None:
    """Every normalised char is the fold of its source char (a tab, the gap between two
    table cells, comes from a space, a tab or a bar); deleted chars are noise, cell bars or page furniture
    (page numbers and running headers of PDF text, found on the folded source)."""
    folded = fold(norm.source)
    index = norm.index
    assert len(index) == len(norm.text) + 1 and index[-1] == len(norm.source)
    assert all(index[i] < index[i + 1] for i in range(len(norm.text)))
    assert all(folded[index[i]] == char or (char == "\t" and folded[index[i]] in " |│┃")
               or (char == "0" and folded[index[i]] in "Oo") or (char == "1" and folded[index[i]] in "lI")
               or (folded[index[i]] == "&" and norm.source.startswith(_reference_of(char), index[i]))
               for i, char in enumerate(norm.text))  # (an OCR look-alike read as the digit: 2O家; &ldquo; as “)
    kept = set(index[:-1])
    for start, end in _page_furniture_spans(folded, _rules()):
        kept.update(range(start, end))
    for pattern in (_rules().char_reference, _rules().stray_tag, _rules().any_blank):  # (markup left in, a form's blanks)
        for match in pattern.finditer(folded):
            kept.update(range(match.start(), match.end()))
    deleted = "".join(folded[i] for i in range(len(folded)) if i not in kept)
    assert DELETABLE.fullmatch(deleted), deleted
    rng = random.Random(seed)
    for _ in range(samples):
        start = rng.randrange(len(norm.text) + 1)
        end = rng.randrange(start, len(norm.text) + 1)
        source_start, source_end = norm.to_source((start, end))
        rules = _rules()
        shown = rules.ocr_zero.sub("0", rules.ocr_one.sub("1", fold(norm.source[source_start:source_end])))
        shown = rules.char_reference.sub(_as_read, shown)  # (&ldquo; read as “)
        raw = norm.text[start:end]
        wanted = raw.replace("\t", "")  # a table's cell gap comes from a space, a tab or a bar
        if raw[:1] != "\t":
            assert shown[:1] == wanted[:1]
        if raw[-1:] != "\t":
            assert shown[-1:] == wanted[-1:]
        assert is_subsequence(wanted, shown)


# what normalisation may delete: whitespace, zero-width characters, and
# the pieces of pinyin and emoji annotations
# (">": the quote marks of a document quoted in an e-mail; box drawing: a drawn table's rules and edges)
def _as_read(match) -> str:
    decoded = html.unescape(match.group())
    if len(decoded) != 1 or decoded == match.group():
        return match.group()
    return "" if decoded.isspace() else decoded


def _reference_of(char: str) -> str:
    """What a character reference that stands for ``char`` starts with: & (the rest is checked
    by ``html.unescape`` in the reader; here only its place)."""
    return "&"


DELETABLE = re.compile(
    r"[\s|│┃>\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f()a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
    r"\u2500-\u257f\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\ufe0f]*"
)


def is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)


# --- the dev corpus: invariant, deletions, speed ----------------------------------------

@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_offset_map_holds_over_corpus(path):
    source = read_bytes(path.read_bytes(), path.name).text
    check_map(normalize(source), samples=200, seed=len(source))


def test_corpus_is_fast():
    texts = [read_bytes(path.read_bytes(), path.name).text for path in CORPUS_FILES]
    normalize("预热")  # rules load once, on first use
    started = time.perf_counter()
    for text in texts:
        normalize(text)
    assert time.perf_counter() - started < 0.5


CHARS = st.sampled_from(list("工會会总結结(jié)gōngde 　\u00a0\r\n\t\u200b，２ABab1一、。“”👪") + ["\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=60).map("".join))
def test_any_text_keeps_the_invariant(text):
    norm = normalize(text)
    check_map(norm, samples=5)
    assert norm.to_source((0, len(norm.text)))[1] <= len(text)


def test_a_table_pasted_as_text_keeps_its_cells_apart():
    text = "序号\t考核项目\t目标值\t完成值\n1\t职工书屋建设\t5家\t6家\n2    户外劳动者服务站点    8个 \t 8个\n"
    norm = normalize(text)
    assert norm.text == "序号\t考核项目\t目标值\t完成值\n1\t职工书屋建设\t5家\t6家\n2\t户外劳动者服务站点\t8个\t8个\n"
    check_map(norm)


def test_a_tab_outside_a_table_is_a_space():
    assert normalize("全年\t新建工会组织30家,发展会员2000人。").text == "全年新建工会组织30家,发展会员2000人。"
    assert normalize("一行\t两格\n之后是正文,没有表格。").text == "一行两格\n之后是正文,没有表格。"  # one row, no digit


def test_page_numbers_and_a_running_header_go_and_the_sentence_joins():
    masthead = "张江县工会第七次代表大会文件"
    text = (f"{masthead}\n\n一、工作回顾\n累计新发展会员2.18万人,其中农民工会员\n\n— 1 —\n{masthead}\n"
            f"1.34万人、新就业形态劳动者3260人。全年培训工会干部620人次,为工会工作提\n\n— 2 —\n{masthead}\n供了有力保障。\n")
    norm = normalize(text)
    assert norm.text.startswith(masthead + "\n")  # the first line is the masthead, kept
    assert "其中农民工会员1.34万人、" in norm.text and "为工会工作提供了有力保障。" in norm.text
    assert "—" not in norm.text and norm.text.count(masthead) == 1
    check_map(norm)


def test_a_line_written_once_beside_a_page_number_stays():
    text = "第一部分 工作回顾,全年新建工会组织30家\n- 3 -\n二、下一步工作安排,力争新建工会组织40家\n"
    assert "二、下一步工作安排" in normalize(text).text and "- 3 -" not in normalize(text).text


@pytest.mark.parametrize("text,joined", [
    ("(一)坚持建功立业主题。每年组织县级劳动竞赛不少于10项,\n五年培育县级以上“张江工匠”100名。", True),  # a heading whose body goes on
    ("深入推进集体协商,集体合同签订率由2015年的78%\n提高到2020年的93.5%,五年来累计签订工资专项集体合同1750份。", True),
    ("新建职工书屋30家、户外劳动者服务站点50个,实现乡镇(街道)\n全覆盖,加快推进智慧工会建设。", True),
    ("(一)坚持建功立业主题,落实各项工作\n全年组织县级劳动竞赛10项,培育工匠100名。", False),   # a heading alone
])
def test_hard_wrapped_lines_join(text, joined):
    assert ("\n" not in normalize(text).text) is joined


def test_a_tables_rows_stay_apart_and_a_wrapped_cell_keeps_the_table():
    text = ("月份  主要工作  牵头单位\n1月  开展送温暖活动,走访慰问困难职工不少于60户  帮扶中心\n"
            "2月  召开全委会,部署全年工作  办公室\n11月  开展达标验收和“职工之家”  组织科\n创建评选\n"
            "12月  开展年度工作考核,总结全年工作  办公室\n")
    lines = normalize(text).text.split("\n")
    assert lines[1] == "1月\t开展送温暖活动,走访慰问困难职工不少于60户\t帮扶中心"
    assert lines[2].startswith("2月\t") and lines[4] == "创建评选" and lines[5] == "12月\t开展年度工作考核,总结全年工作\t办公室"


def test_a_table_with_bars_and_ideographic_spaces():
    text = "乡镇\u3000\u3000新建工会组织(家)\u3000\u3000发展会员(人)\n松城街道 | 8 | 650\n柘川镇\u3000\u3000\u30005\u3000\u3000\u3000380\n合\u3000计 | 13 | 1030\n"
    assert normalize(text).text.split("\n")[:4] == [
        "乡镇\t新建工会组织(家)\t发展会员(人)", "松城街道\t8\t650", "柘川镇\t5\t380", "合计\t13\t1030"]


def test_a_figure_on_a_line_of_its_own_joins_its_label_and_unit():
    text = "新发展会员\n2867\n人\n工会会员总数\n15.6万人\n都有你的一份功劳\n2024\n我们一起向前\n"
    assert normalize(text).text == "新发展会员2867人\n工会会员总数15.6万人\n都有你的一份功劳\n2024\n我们一起向前\n"


@pytest.mark.parametrize("text,expected", [
    ("村(社区)工会1O家", "村(社区)工会10家"),
    ("经济补偿金l86.4万元", "经济补偿金186.4万元"),
    ("培训班I5期", "培训班15期"),
    ("O2O模式和html5页面", "O2O模式和html5页面"),   # Latin words keep their letters
])
def test_ocr_look_alikes_inside_figures_are_read_as_digits(text, expected):
    norm = normalize(text)
    assert norm.text == expected
    check_map(norm)


def test_a_headings_number_spaced_off_after_a_table_is_no_row():
    from extractor.clean import normalize
    text = "项目  单位  目标  完成\n会员  人  500  526\n书屋  个  5  6\n二、   存在的问题和不足\n一年来,工作虽有成绩,但仍有不足。\n"
    assert "\t" not in normalize(text).text.split("\n")[3]


def test_an_indented_line_opens_a_paragraph_in_hard_wrapped_text():
    text = ("\u3000\u3000在区教育系统教职工气排球比赛中,我校代表队获得第二名,全校教职工\n"
            "参加比赛的热情很高,活动开展得有声有色,丰富了教职工的业余生活\n— 7 —\n"
            "\u3000\u3000第四,加强师德师风建设,提升教师专业素养,开展专题讲座4场,评选\n"
            "校级师德标兵10名。")
    lines = normalize(text).text.split("\n")
    assert lines == ["在区教育系统教职工气排球比赛中,我校代表队获得第二名,全校教职工参加比赛的热情很高,活动开展得有声有色,丰富了教职工的业余生活",
                     "第四,加强师德师风建设,提升教师专业素养,开展专题讲座4场,评选校级师德标兵10名。"]


def test_indentation_says_nothing_when_every_line_is_indented():
    text = "\u3000\u3000全年新建基层工会组织三十八家,新发展会员二千一百六十人,其中农民工\n\u3000\u3000会员一千三百八十人。"
    assert normalize(text).text == "全年新建基层工会组织三十八家,新发展会员二千一百六十人,其中农民工会员一千三百八十人。"


def test_a_tabbed_table_whose_cells_hold_sentences_stays_a_table():
    text = ("序号\t重点任务\t具体目标\t牵头部门\n"
            "2\t扩大工会组织覆盖\t新建基层工会30家以上,发展会员3000人,其中新就业形态劳动者不少于800人\t组织部\n"
            "13\t深化劳动和技能竞赛\t开展县级劳动竞赛10项,设竞赛工种5个\t经济技术部\n")
    rows = normalize(text).text.rstrip("\n").split("\n")
    assert [row.count("\t") for row in rows] == [3, 3, 3]


def test_a_tables_rows_on_either_side_of_a_page_break_are_one_table():
    text = ("指标\t2021年完成\t2022年目标\n技能竞赛(项)\t22\t25\n— 5 —\n江工发〔2022〕3号 江城区总工会2022年工作计划\n"
            "户均慰问金(元)\t800\t1000\n正文继续。")
    rows = [line for line in normalize(text).text.split("\n") if "\t" in line]
    assert rows[-1] == "户均慰问金(元)\t800\t1000"


def test_a_slide_decks_lines_are_never_joined():
    text = "新建基层工会组织58家,其中非公企业工会36家、村(社区)工会14家、联合工会8家\n发展会员4,260人,新就业形态劳动者入会1,820人\n"
    assert "8家发展会员" in normalize(text).text  # in a text file the lines read as one wrapped paragraph
    assert normalize(text, text_format="pptx").text == text  # on a slide each is a paragraph


def test_a_cards_label_under_its_figure_reads_with_it():
    text = "01 组织建设\n把更多职工吸引到工会中来\n1,318\n家\n全区基层工会组织\n覆盖职工\n6.9万人\n418\n份\n工资专项集体合同\n"
    copy = normalize(text).text
    assert "1,318家全区基层工会组织" in copy  # the label under the card
    assert "覆盖职工6.9万人\n418份工资专项集体合同" in copy  # the label above, where the line below is no label


def test_character_references_and_tags_a_scraper_left_read_as_text():
    text = "&nbsp;&nbsp;（一）组织建设\n&ldquo;金秋助学&rdquo;资助32名，投入资金&nbsp;12.6万元，培训3&mdash;4期。<br>同时&#8220;书屋&rdquo;\n"
    norm = normalize(text)
    assert norm.text == "(一)组织建设\n“金秋助学”资助32名,投入资金12.6万元,培训3—4期。同时“书屋”\n"
    check_map(norm)


def test_a_forms_filled_blanks_read_as_their_figures_and_its_empty_blanks_as_nothing():
    text = "职工总数：__1,286__人，其中女职工：__352__人，劳务派遣工：______人\n入会率：__96.4__%\n"
    norm = normalize(text)
    assert norm.text == "职工总数:1,286人,其中女职工:352人,劳务派遣工:人\n入会率:96.4%\n"
    check_map(norm)
