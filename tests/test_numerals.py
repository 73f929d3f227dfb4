"""parse_number: one numeral string -> its value (tables grouped by origin)."""
import pytest

from extractor.quantities import parse_number, parse_range

# every form listed in the recogniser's brief
BRIEF = [
    ("1,234", 1234), ("1，234", 1234), ("3.14", 3.14), ("１２３", 123), ("1,234,567.5", 1234567.5),
    ("一百零五", 105), ("两千", 2000), ("十四", 14), ("一万二千", 12000), ("二〇一九", 2019),
    ("二00七", 2007), ("幺", 1), ("壹万贰仟", 12000), ("3.5万", 35000), ("1.2亿", 120000000),
    ("3万4000", 34000), ("25万6千", 256000), ("1.94亿", 194000000), ("285.2万", 2852000),
]

# Chinese numeral grammar: powers, zeros, abbreviations, decimals, signs
GRAMMAR = [
    ("零", 0), ("十", 10), ("一十一", 11), ("一千零一十", 1010), ("一千零十", 1010),
    ("十万零一", 100001), ("一千零一万零一", 10010001), ("一亿零一", 100000001),
    ("一千一百一十一亿一千一百一十一万一千一百一十一", 111111111111),
    ("三万五", 35000), ("两千六", 2600), ("一百二", 120), ("一百二十万三", 1203000), ("千一", 1100),
    ("廿二", 22), ("五百卅四", 534), ("三点五", 3.5), ("一百点一二", 100.12), ("零点零零一", 0.001),
    ("三点五万", 35000), ("负十一", -11), ("-10.1万", -101000), ("一二三", 123), ("万", 10000),
    ("百", 100), ("两", 2), ("壹佰壹拾壹", 111), ("一万两千零3十四", 12034), ("1万600", 10600),
    ("半", 0.5), ("一半", 0.5), ("100K", 100000), (".77", 0.77), ("01.10", 1.1), ("倆千", 2000),
    # vague numerals read as the round figure written (the finder keeps the marker)
    ("十多万", 100000), ("二十几万", 200000), ("500余万", 5000000), ("千余", 1000), ("25万余", 250000),
]

# rules added against the peers' test vectors (scripts/peer_vectors.py)
PEER_RULES = [
    ("五兆六十二亿四万五千二", 5006200045200),  # 兆 = 10^12 inside a numeral
    ("三万亿", 3e12), ("万万", 1e8), ("百万万", 1e10),  # large units multiply what stands below
    ("百二萬", 1200000), ("两千三点一", 2300.1), ("一千六点五", 1600.5),  # abbreviation closing a section
    ("1,100万", 11000000), ("1,100.9亿", 110090000000),  # thousands separators before a power
    ("半百", 50), ("二十幾萬", 200000), ("壹百零幾萬", 1000000), ("三十万多亿", 3e13),
    ("两万两", 22000),  # as a numeral; find_quantities reads 两万两 alone as 20000 两
    ("十几万多亿", 1e13), ("二十多万余亿", 2e13),  # a vague mark after each power (NumberRange vectors)
]

# not one numeral: None, never an exception
NOT_NUMERALS = [
    "", " ", "abc", "元", "零点", "点零", "点一", "10..1万", "十一十二", "十一五", "余", "2019年",
    "1.", "负", "3%", "x", "201*", "一二三四五六七八九十" * 10,
    "两百点两", "一点两", "一两", "二两",  # 两 is no decimal digit, nor a digit of a digit string
    "一兆",  # a numeral ending in 兆 has no sure magnitude (10^12, or the SI 10^6)
    "四十五六",  # a range: parse_range reads it
    "十多多", "十几万多",  # a vague mark must stand before a power, or last and alone
]

# spoken ranges written as one numeral: parse_range
RANGES = [
    ("三五百", (300, 500)), ("三五万", (30000, 50000)), ("五六十", (50, 60)), ("三四十亿", (3e9, 4e9)),
    ("十五六", (15, 16)), ("四十五六", (45, 46)), ("七百三四十", (730, 740)), ("十七八万", (170000, 180000)),
    ("六十三四万", (630000, 640000)), ("一万六七", (16000, 17000)), ("三万四五", (34000, 35000)),
    ("两三", (2, 3)), ("一两", (1, 2)),
]
NOT_RANGES = ["一二三", "十一五", "四十五", "两两", "3-5", "", "三十"]


@pytest.mark.parametrize("text, expected", BRIEF)
def test_brief_forms(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", GRAMMAR)
def test_chinese_grammar(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", PEER_RULES)
def test_peer_rules(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", RANGES)
def test_spoken_ranges(text, expected):
    assert parse_range(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", NOT_RANGES)
def test_not_a_range(text):
    assert parse_range(text) is None


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_not_a_numeral(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("value", [None, 12, 3.5, b"12", ["1"]])
def test_non_string_gives_none(value):
    assert parse_number(value) is None


def test_whole_values_are_int():
    assert isinstance(parse_number("一百"), int)
    assert isinstance(parse_number("3.5"), float)
