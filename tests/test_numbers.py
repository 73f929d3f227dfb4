"""find_numbers: every bare number of a text, unit or not (tables by origin).

Each case is (text, expected) with expected the (text, value) of every number
found, in order; a third item is the spoken range.  Sentences written by the
team."""
import pytest

from extractor.quantities import find_numbers


def readings(text):
    out = []
    for number in find_numbers(text):
        assert text[number.span[0]:number.span[1]] == number.text
        out.append((number.text, pytest.approx(number.value), *([number.range] if number.range else [])))
    return out


# one run, one number
WHOLE = [
    ("共二百三十三，五百七十七，一千六点五。", [("二百三十三", 233), ("五百七十七", 577), ("一千六点五", 1600.5)]),
    ("1,100万", [("1,100万", 11000000)]),
    ("三十万多亿", [("三十万多亿", 3e13)]),
    ("电话零零三，二〇〇二年", [("零零三", 3), ("二〇〇二", 2002)]),
    ("半百", [("半百", 50)]),
]

# a run that is not one numeral: the longest numeral first, then the rest
SPLIT = [
    ("两百点两", [("两百", 200), ("两", 2)]),  # 两 is no decimal digit
    ("一点两小时", [("一", 1), ("两", 2)]),
    ("五十千", [("五十", 50)]),  # a lone 千 is no number
    ("2222.2222.22222", [("2222", 2222), ("2222", 2222), ("22222", 22222)]),  # two points: a list
    ("一兆韦德", [("一", 1)]),  # 兆 alone has no sure magnitude
]

# spoken ranges: the low end, with the range
RANGES = [
    ("四十五六", [("四十五六", 45, (45, 46))]),
    ("三五百人", [("三五百", 300, (300, 500))]),
    ("一万六七", [("一万六七", 16000, (16000, 17000))]),
]

# fractions and signs
FRACTIONS_AND_SIGNS = [
    ("五分之一", [("五分之一", 0.2)]),
    ("负３分之负一百五十七", [("负３分之负一百五十七", 157 / 3)]),
    ("３／５", [("３／５", 0.6)]),
    ("1 3/5", [("1 3/5", 1.6)]),
    ("六十/一百二十", [("六十/一百二十", 0.5)]),
    ("百分之5负千分之15", [("百分之5", 0.05), ("负千分之15", -0.015)]),
    ("-3/2", [("-3/2", -1.5)]),
    ("负的百分之二十", [("负的百分之二十", -0.2)]),
    ("－－9", [("9", 9)]),  # two minus signs are no sign
    ("A-3", [("3", 3)]),  # a hyphen
    ("...9", [("9", 9)]),  # an ellipsis is no decimal point
    ("-.5", [("-.5", -0.5)]),
]

# spaces inside a figure
SPACED = [
    ("7 万5 千4 百", [("7 万5 千4 百", 75400)]),
    ("十 余 万", [("十 余 万", 100000)]),
    ("二分 之一", [("二分 之一", 0.5)]),
    ("1 2", [("1", 1), ("2", 2)]),  # two plain digits stay apart
]


@pytest.mark.parametrize("text, expected", WHOLE + SPLIT)
def test_runs(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", RANGES)
def test_spoken_ranges(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", FRACTIONS_AND_SIGNS)
def test_fractions_and_signs(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text, expected", SPACED)
def test_spaces_inside_a_figure(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("value", [None, "", 12, b"12"])
def test_odd_input(value):
    assert find_numbers(value) == []
