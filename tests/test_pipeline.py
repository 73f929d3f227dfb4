"""End to end: every record's span points at what it is about, in every corpus file."""
from __future__ import annotations

import regex
import pytest

from extractor.clean import normalize
from extractor.pipeline import parse_paths, parse_text
from extractor.records import Document, FileError
from extractor.read import iter_sources

from conftest import CORPORA, DEV_CORPUS

_NUMERAL = regex.compile(r"[\d０-９〇零一二三四五六七八九十百千万亿两兩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟*xX×_＊□]")


def _corpus_sources():
    paths = [p for p in (DEV_CORPUS, CORPORA) if p.is_dir()]
    return [s for s in iter_sources(paths) if not isinstance(s, FileError)]


SOURCES = _corpus_sources()


def _squash(text: str) -> str:
    return regex.sub(r"\s+", "", normalize(text).text)


@pytest.mark.parametrize("src", SOURCES, ids=[s.source.rsplit("/", 1)[-1] for s in SOURCES])
def test_spans_show_their_records(src):
    from extractor.pipeline import parse_source

    documents = parse_source(src, use_model=False)
    assert documents, "every corpus file holds at least one document"
    text = src.text
    for doc in documents:
        assert 0 <= doc.span[0] < doc.span[1] <= len(text)
        if doc.title_span:
            assert _squash(doc.title).startswith(_squash(text[doc.title_span[0]:doc.title_span[1]])[:4])
        for section in doc.sections:
            shown = _squash(text[section.heading_span[0]:section.heading_span[1]])
            assert _squash(section.heading)[:6] in shown, (section.heading, shown)
            assert section.span[0] <= section.heading_span[0] < section.heading_span[1] <= section.span[1]
        for ind in doc.indicators:
            assert text[ind.span[0]:ind.span[1]] == ind.text
            figure = text[ind.quantity_span[0]:ind.quantity_span[1]]
            assert _NUMERAL.search(figure), (ind.text, figure)
            if ind.object:
                window = _squash(text[max(0, ind.sentence_span[0] - 300):ind.sentence_span[1] + 30])
                # (a long table's cells take their thing from its header, further up in the document)
                before = _squash(text[doc.span[0]:ind.sentence_span[1]])
                assert _squash(ind.object) in window or _squash(ind.object) in before or ind.object == ind.predicate, \
                    (ind.object, window)


def test_parse_paths_never_raises_on_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("平川县总工会2016年工作总结\n\n今年全县新建工会组织30家,发展会员2000人,签订集体合同50份。" * 3,
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    results = list(parse_paths([tmp_path], use_model=False))
    errors = sorted(r.source.rsplit("/", 1)[-1] for r in results if isinstance(r, FileError))
    documents = [r for r in results if isinstance(r, Document)]
    assert errors == ["binary.txt", "empty.txt", "scan.pdf"]
    assert len(documents) == 1 and len(documents[0].indicators) == 9


def test_parse_text_on_garbage_does_not_raise():
    for garbage in ["", "\n\n\n", "1234567890" * 1000, "\x00\x01 ☃", "、。,,::" * 50]:
        assert isinstance(parse_text(garbage, use_model=False), list)


def test_every_indicator_span_field_is_mapped_to_the_source():
    """pipeline._to_source maps an indicator's spans by name, for speed: a new span
    field must be added there too (this test then names it)."""
    from extractor.records import Indicator, _span_fields

    assert _span_fields(Indicator) == ("span", "sentence_span", "quantity_span")


def test_json_lines_read_back_as_the_records_dicts():
    import json

    from extractor.records import to_dict, to_json

    text = ("县总工会2024年工作总结\n一、主要成绩\n签订集体合同25份,投入资金25.5万元,完成任务的112%。\n"
            "投入资金99999999999999999999亿元。\n")  # an integer past 64 bits takes the slower encoder
    for doc in parse_text(text):
        line = to_json(doc)
        assert "\n" not in line
        assert json.loads(line) == to_dict(doc)


def test_files_parsed_together_equal_files_parsed_alone(monkeypatch):
    """A batch worker parses a task's files stage by stage across them: the
    records are the same, and a file that fails ends as its own error record."""
    from extractor import pipeline
    from extractor.pipeline import parse_source_safely, parse_sources_safely
    from extractor.records import SourceText

    sources = SOURCES[:6]
    alone = [parse_source_safely(src) for src in sources]
    assert parse_sources_safely(sources) == alone

    real_find = pipeline.find_indicators

    def failing(text, *args, **kwargs):
        if "坏" in text:
            raise RuntimeError("boom")
        return real_find(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "find_indicators", failing)
    bad = SourceText(source="bad.txt", text="县总工会工作总结\n坏:签订集体合同25份。\n", encoding=None, format="txt")
    empty = SourceText(source="empty.txt", text="\n\n", encoding=None, format="txt")
    found = parse_sources_safely([sources[0], bad, empty, sources[1]])
    assert found[0] == alone[0] and found[3] == alone[1]
    assert [(r.code, "boom" in r.error) for r in found[1]] == [("E900", True)]
    assert [r.code for r in found[2]] == ["E107"]


def test_parse_paths_keeps_the_listing_order_across_its_batches(tmp_path):
    names = []
    for n in range(19):  # more than two batches, with unreadable files between
        name = f"f{n:02d}.txt"
        if n % 5 == 2:
            (tmp_path / name).write_bytes(b"")
        else:
            (tmp_path / name).write_text(f"县总工会工作总结\n全年发展会员{n + 100}人。\n", encoding="utf-8")
        names.append(name)
    results = list(parse_paths([tmp_path], use_model=False))
    assert [r.source.rsplit("/", 1)[-1] for r in results] == names
    assert [isinstance(r, FileError) for r in results] == [n % 5 == 2 for n in range(19)]
    assert [r.indicators[0].value for r in results if isinstance(r, Document)] == [
        n + 100 for n in range(19) if n % 5 != 2]


def test_fill_builds_the_record_the_constructor_builds():
    import pytest

    from extractor.records import Section, fill

    state = {"id": "s1", "parent": None, "level": 1, "number": "一", "heading": "主要成绩", "span": (0, 9),
             "heading_span": (0, 6), "category": None, "confidence": None, "style": "cn"}
    made = fill(Section, dict(state))
    assert made == Section(**state) and made.__dict__ == Section(**state).__dict__
    with pytest.raises(TypeError, match="in that order"):
        fill(Section, dict(reversed(state.items())))
    with pytest.raises(TypeError):
        fill(Section, {k: v for k, v in state.items() if k != "style"})
