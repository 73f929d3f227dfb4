"""Robustness: find_quantities and parse_number never raise, and every span
shows its quantity's text."""
import time

from hypothesis import given, settings, strategies as st

from extractor.quantities import find_numbers, find_quantities, parse_number, parse_range
from extractor.records import KINDS

# characters the recogniser reacts to, mixed with ordinary text
INTERESTING = list("0123456789０１２３零〇一二两三四五六七八九十百千万亿壹贰.,，点%％‰*xX_-~至到从由每约近余多几数上第年月日个人元万亿分之/:“”《》()\n 、兆半币负两斤成米　")
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(INTERESTING), st.characters()), max_size=80)


def assert_well_formed(text):
    for quantity in find_quantities(text):
        assert text[quantity.span[0]:quantity.span[1]] == quantity.text
        start, end = quantity.number_span
        assert quantity.span[0] <= start < end <= quantity.span[1]
        assert quantity.kind in KINDS
        assert quantity.masked or quantity.value is not None or quantity.approx in ("数", "几")
    for number in find_numbers(text):
        assert text[number.span[0]:number.span[1]] == number.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_random_text(text):
    assert_well_formed(text)
    parse_number(text)
    parse_range(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=120))
def test_random_bytes(raw):
    text = raw.decode("utf-8", errors="replace")
    assert_well_formed(text)
    assert_well_formed(raw.decode("gb18030", errors="replace"))
    parse_number(text)


def test_empty_and_odd_input():
    assert find_quantities("") == []
    assert find_quantities(None) == []
    assert parse_number("") is None


def test_a_megabyte_of_digits_is_fast():
    for text in ("7" * 1_000_000, "7" * 999_999 + "个", "一" * 200_000 + "个", "1," * 300_000 + "人"):
        began = time.perf_counter()
        find_quantities(text)
        find_numbers(text)
        assert time.perf_counter() - began < 5
