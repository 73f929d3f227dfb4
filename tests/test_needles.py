"""Quick tests read off patterns (extractor/needles.py) never rule out a text the patterns match.

A needle test that misses would silently drop findings or concepts, so each one is
checked against its pattern: on random texts built from the patterns' own
characters, the characters that fold into them and any others.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from extractor.checks import breakdown, rates, within
from extractor.checks.common import patterns
from extractor.needles import PatternSet, _preimages, needle_characters, needles
from extractor.clean import fold


def _alphabet(*sources: str) -> list[str]:
    """Every non-ASCII-syntax character of the patterns, what folds into them, digits."""
    chars = {c for source in sources for c in source if not c.isascii() or c.isalnum()}
    unfolded = {u for c in chars for u in _preimages().get(c, "")}
    return sorted(chars | unfolded | set("0123456789、.,余多年人元 "))


def _texts(*sources: str):
    return st.text(alphabet=st.one_of(st.sampled_from(_alphabet(*sources)), st.characters()), max_size=40)


PROBED = [
    pytest.param(breakdown._TOTAL_WORDS.pattern, id="total words"),
    pytest.param(f"{rates._RATE_CUES.pattern}|{rates._COMPLETION.pattern}", id="rate cues"),
]


@pytest.mark.parametrize("source", PROBED)
def test_needle_characters_cover_every_match(source):
    chars = needle_characters(source)
    assert chars, "these patterns have needles: without them every clause is cut and searched"
    compiled, probe = re.compile(source), re.compile(f"[{chars}]")

    @settings(max_examples=400, deadline=None)
    @given(_texts(source))
    def check(text):
        if compiled.search(fold(text)):
            assert probe.search(text), text

    check()


def test_corruption_needles_cover_every_match():
    scanners = (within._DECIMAL_COMMA, within._YEAR_APPROX)
    finder = within._CORRUPTION_NEEDLES
    assert finder is not None

    @settings(max_examples=400, deadline=None)
    @given(_texts(*(s.pattern for s in scanners)))
    def check(text):
        if any(s.search(fold(text)) for s in scanners):
            assert finder.search(text), text

    check()


def test_pattern_set_finds_what_each_pattern_finds():
    compiled = patterns("conflict", "time_patterns")
    chosen = PatternSet(compiled)

    @settings(max_examples=400, deadline=None)
    @given(_texts(*(p.pattern for p in compiled)))
    def check(text):
        text = fold(text)
        assert chosen.matches(text) == {m.group(0) for p in compiled for m in p.finditer(text)}

    check()


@pytest.mark.parametrize("source, expected", [
    ("(合计|总计|共)", {"合计", "总计", "共"}),
    (r"([0-9]{3,})、([0-9]{2})", None),  # digits everywhere: 、 is the telling needle
    ("(?i)abc", None),  # case-blind: unreadable, so the pattern always runs
])
def test_needles_read_off_simple_patterns(source, expected):
    found = needles(source)
    if expected is None and source.startswith("(?i)"):
        assert found is None
    elif expected is None:
        assert found and any(frozenset("、") in needle for needle in found)
    else:
        assert {"".join(next(iter(p)) for p in needle) for needle in found} == expected


def test_concept_index_picks_what_the_plain_scan_picks():
    """concept_for skips the concepts whose object needs a character the object
    lacks: it must still name the first concept whose rules fit."""
    from extractor.concepts import concept_for, concepts

    lexicon = concepts()
    sources = [c.object_pattern.pattern for c in lexicon]
    units = sorted({u for c in lexicon for u in c.units}) + [None, "人"]
    kinds = sorted({k for c in lexicon for k in c.kinds}) + ["count"]

    @settings(max_examples=600, deadline=None)
    @given(st.text(alphabet=st.sampled_from(_alphabet(*sources)), min_size=1, max_size=8),
           st.sampled_from(["签订", "发放", "培训", None]), st.sampled_from(units), st.sampled_from(kinds))
    def check(obj, predicate, unit, kind):
        plain = next((c.id for c in lexicon if c.matches(obj, predicate, unit, kind)), None)
        assert concept_for(obj, predicate, unit, kind) == plain

    check()


def test_numbering_markers_start_with_their_first_characters():
    """sections.py tries a numbering style only where its marker can start."""
    from extractor.needles import first_characters, first_characters_class
    from extractor.sections import _config

    styles = [s for s in _config()[0] if s.marker is not None]
    assert sum(s.first_chars is not None for s in styles) >= len(styles) // 2, "most styles have a quick test"
    inline_starts = first_characters_class([s.marker.pattern for s in styles if s.inline])
    starts = re.compile(f"[{inline_starts}]" if inline_starts else r"[\s\S]")

    @settings(max_examples=400, deadline=None)
    @given(_texts(*(s.marker.pattern for s in styles)))
    def check(text):
        for style in styles:
            for at in range(len(text)):
                if style.marker.match(text, at):
                    if style.first_chars is not None:
                        assert text[at] in style.first_chars, (style.key, text[at:])
                    if style.inline:
                        assert starts.match(text, at), (style.key, text[at:])

    check()
    assert first_characters("(?i)abc") is None and first_characters(r"\d+、") is None
    assert first_characters("[一二三]{1,3}、") == frozenset("一二三")
