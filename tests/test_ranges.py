"""find_number_ranges: comparisons and intervals stated about numbers
(tables by origin).

Each case is (text, expected) with expected the (text, low, high,
low_inclusive, high_inclusive, form) of every record, in order; None for an
unbounded end.  Sentences written by the team."""
import pytest

from extractor.quantities import find_number_ranges, find_quantities


def readings(text):
    out = []
    for r in find_number_ranges(text):
        assert text[r.span[0]:r.span[1]] == r.text
        low = None if r.low is None else pytest.approx(r.low)
        high = None if r.high is None else pytest.approx(r.high)
        out.append((r.text, low, high, r.low_inclusive, r.high_inclusive, r.form))
    return out


# a comparison word before the number; a filler word may stand between
BEFORE = [
    ("参赛队伍大于二十支", [("大于二十", 20, None, False, False, "comparison")]),
    ("预算不超过五十万", [("不超过五十万", None, 500000, False, True, "comparison")]),
    ("年龄不小于十八岁", [("不小于十八", 18, None, True, False, "comparison")]),
    ("每班至少有12名学员", [("至少有12", 12, None, True, False, "comparison")]),
    ("出勤率超过了九成", [("超过了九成", 90, None, False, False, "comparison")]),
    ("时长最多为3小时", [("最多为3", None, 3, False, True, "comparison")]),
    ("得分 小于 或 等于 60", [("小于 或 等于 60", None, 60, False, True, "comparison")]),
    ("取值≥0.5", [("≥0.5", 0.5, None, True, False, "comparison")]),
    ("占比不到百分之五", [("不到百分之五", None, 5, False, False, "comparison")]),
    ("合计等于一千", [("等于一千", 1000, 1000, True, True, "equal")]),
]

# a comparison word after the number; 以上 / 以下 / 以内 closed as the law reads them
AFTER = [
    ("三十以上", [("三十以上", 30, None, True, False, "legal")]),
    ("五十以内", [("五十以内", None, 50, False, True, "legal")]),
    ("票数在 200 之下", [("200 之下", None, 200, False, True, "legal")]),
    ("八十或者以上", [("八十或者以上", 80, None, True, False, "comparison")]),
    ("一百二或更多", [("一百二或更多", 120, None, True, False, "comparison")]),
    ("比四十大一点", [("比四十大", 40, None, False, False, "than")]),
    ("比 2.5 低", [("比 2.5 低", None, 2.5, False, False, "than")]),
    ("二百多", [("二百多", 200, None, False, False, "vague")]),
    ("十几万", [("十几万", 100000, None, False, False, "vague")]),
    ("四十万多亿", [("四十万多亿", 4e13, None, False, False, "vague")]),
]

# two numbers: a span or a between interval, both ends included
PAIRS = [
    ("从二十到三十", [("从二十到三十", 20, 30, True, True, "span")]),
    ("20-30", [("20-30", 20, 30, True, True, "span")]),
    ("规模为 15 ~ 40", [("15 ~ 40", 15, 40, True, True, "span")]),
    ("5%至10%", [("5%至10%", 5, 10, True, True, "span")]),
    ("三至五成", [("三至五成", 30, 50, True, True, "span")]),
    ("人数位于40和60之间", [("位于40和60之间", 40, 60, True, True, "between")]),
    ("-5与5间", [("-5与5间", -5, 5, True, True, "between")]),
    # ranks: 之间 makes an interval of ordinals (the peer vectors read it so)
    ("名次在第三和第八之间", [("在第三和第八之间", 3, 8, True, True, "between")]),
]

# a lower and an upper bound joined, or kept apart
JOINED = [
    ("大于十二的同时小于等于四十", [("大于十二的同时小于等于四十", 12, 40, False, True, "comparison")]),
    ("大于等于1并且小于9", [("大于等于1并且小于9", 1, 9, True, False, "comparison")]),
    ("最多80最少30", [("最多80最少30", 30, 80, True, True, "comparison")]),
    ("比二分之一大， 比四分之三小", [("比二分之一大， 比四分之三小", 0.5, 0.75, False, False, "than")]),
    ("200以上，600以下", [("200以上，600以下", 200, 600, True, True, "legal")]),
    # lower end above the upper one: two statements
    ("大于70小于15", [("大于70", 70, None, False, False, "comparison"), ("小于15", None, 15, False, False, "comparison")]),
    # another subject between them: two statements
    ("甲大于3且乙小于9", [("大于3", 3, None, False, False, "comparison"), ("小于9", None, 9, False, False, "comparison")]),
]

# no number range here
NEGATIVE = [
    ("5月11日至13日", []),  # a date span
    ("2019年至2020年", []),  # years
    ("上午八时至十时", []),  # clock times
    ("第十和第十五", []),  # two ordinals, no 之间: a list
    ("第十至第十五条", []),  # articles of a law, not a quantity
    ("通过20项决议", []),  # 过 inside 通过
    ("经过3年努力", []),
    ("编号2020-10", []),  # a code: falling ends
    ("共有一千二百三十四人", []),
    ("", []),
]

GAPS = [
    # a measure word between the number and 以上: find_quantities reads these
    pytest.param("三十岁以上", [("三十岁以上", 30, None, True, False, "legal")],
                 marks=pytest.mark.xfail(strict=True, reason="no unit between a number and its comparison word")),
]


@pytest.mark.parametrize("text, expected", BEFORE + AFTER + PAIRS + JOINED + NEGATIVE + GAPS)
def test_find_number_ranges(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("value", [None, 3, b"\xe5", ["大于5"]])
def test_not_a_string(value):
    assert find_number_ranges(value) == []


@pytest.mark.parametrize("text", ["超过300人", "3至5家", "不少于20场"])
def test_find_quantities_unchanged(text):
    """Figures with units stay find_quantities' job; both read the same number."""
    quantity, = find_quantities(text)
    number_range, = find_number_ranges(text)
    assert quantity.span[0] == number_range.span[0]
