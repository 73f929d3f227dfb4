"""The spine: read → clean → documents → sections → classify → indicators → audit.

Every stage works on the normalised copy of the text; the last step maps
every span back to the source text, so a record's ``span`` always points at
what the user's file says.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from pathlib import Path
from typing import Generator, Iterable, Iterator, Optional, Sequence, Union

from .clean import NormalizedText, normalize
from .documents import DocumentBlock, find_documents
from .errors import INTERNAL_ERROR_CODE, InputError, internal_error_reason
from .indicators import find_indicators
from .quantities import find_quantities
from .records import Document, FileError, Quantity, Section, SourceText, evolve, fill, map_spans
from .sections import build_sections

ParseResult = Union[Document, FileError]


def parse_text(text: str, source: str = "<text>", *, use_model: bool = True) -> list[Document]:
    """Documents in a string (spans point into ``text``)."""
    return parse_source(SourceText(source=source, text=text, encoding=None, format="txt"), use_model=use_model)


def parse_source(src: SourceText, *, use_model: bool = True, audit: bool = True) -> list[Document]:
    """Documents in one file's text."""
    return _run_to_end(_stages(src, use_model=use_model, audit=audit))


def _run_to_end(stages: Iterator[None]) -> list[Document]:
    while True:
        try:
            next(stages)
        except StopIteration as finished:
            return finished.value


def _stages(src: SourceText, *, use_model: bool, audit: bool) -> Generator[None, None, list[Document]]:
    """``parse_source``, pausing after each stage (see ``parse_sources_safely``);
    the documents are the generator's return value."""
    norm = normalize(src.text, src.markup, src.format)
    yield
    quantities = find_quantities(norm.text)  # one scan per page, shared by its documents
    yield
    blocks = list(find_documents(norm.text))
    yield
    styled = [(norm.to_norm_pos(start), level) for start, _, level in src.heading_lines]  # (docx heading styles)
    sections = [build_sections(norm.text, block, styled) for block in blocks]
    yield
    sections = [_classified(norm.text, block, found, use_model) for block, found in zip(blocks, sections)]
    yield
    quantity_starts = [q.span[0] for q in quantities]  # (in order: a document's share is a slice)
    indicators = [find_indicators(norm.text, block.span, found, _reading_type(block),
                                  quantities=_on_content_lines(quantities, block, quantity_starts),
                                  doc_year=_year_of(block.period))
                  for block, found in zip(blocks, sections)]
    yield
    documents = [_to_source(Document(
        source=src.source, doc_index=index, span=block.span, title=block.title, org=block.org,
        doc_type=block.doc_type, period=block.period, sections=tuple(found), indicators=tuple(figures),
        title_span=block.title_span, encoding=src.encoding, format=src.format, sha256=src.sha256,
    ), norm, src.text) for index, (block, found, figures) in enumerate(zip(blocks, sections, indicators))]
    if audit:
        yield
        from .checks import audit_document

        documents = [replace(document, findings=tuple(audit_document(document, src.text)))
                     for document in documents]
    return documents


def _reading_type(block: DocumentBlock) -> str:
    """The document type its figures are read as: a notice of an event to come (关于召开……会议的
    通知) is of type other, but what it says of the event is planned, as a plan's figures are."""
    from .documents.rules import document_rules

    if block.doc_type == "other" and block.title and document_rules().forward_looking_titles.search(block.title):
        return "plan"
    return block.doc_type


def _year_of(period) -> Optional[int]:
    """The year a document is about, for telling its facts from its plans: its year, the one
    inferred for a masked year, or the first of a span it covers (三年行动计划(2023—2025年):
    2022's figures in it are facts)."""
    if period.year or period.year_inferred:
        return period.year or period.year_inferred
    if period.part == "multi_year" and period.year_text and period.year_text.isdigit():
        return int(period.year_text)
    return None


def _on_content_lines(quantities: Sequence[Quantity], block: DocumentBlock,
                      quantity_starts: Sequence[int]) -> list[Quantity]:
    """The figures of a document's own lines: none from the site chrome between them
    (a "浏览:2386次" stamp under the title is no indicator).  ``quantity_starts``: where the
    quantities start, in order, so a page of many documents is not read once per document."""
    starts = [line.span[0] for line in block.lines]
    kept = []
    for q in quantities[bisect_left(quantity_starts, block.span[0]):bisect_right(quantity_starts, block.span[1])]:
        at = bisect_right(starts, q.span[0]) - 1
        if at >= 0 and q.span[1] <= block.lines[at].span[1]:
            kept.append(q)
    return kept


def _classified(text: str, block: DocumentBlock, sections: Sequence[Section], use_model: bool) -> list[Section]:
    from .classify import SectionSample, classify_tree

    index_of = {s.id: i for i, s in enumerate(sections)}
    siblings: dict[Optional[str], int] = {}  # parent -> number of its children
    position_of: dict[tuple[Optional[str], str], int] = {}  # (parent, id) -> first place among the children
    for s in sections:
        count = siblings.get(s.parent, 0)
        position_of.setdefault((s.parent, s.id), count)
        siblings[s.parent] = count + 1
    samples = []
    for n, s in enumerate(sections):
        position = position_of[s.parent, s.id]
        # the section's own text: up to the next heading, whatever its level
        own_end = sections[n + 1].span[0] if n + 1 < len(sections) else s.span[1]
        body_end = min(s.span[1], own_end, s.heading_span[1] + 300)
        samples.append(fill(SectionSample, {  # every field in order; the tree walk fills in the categories
            "heading": s.heading, "number": s.number, "level": s.level,
            "body": text[s.heading_span[1]:body_end].lstrip("。:;. "),
            "doc_type": block.doc_type, "doc_title": block.title, "parent_heading": None,
            "parent_category": None, "position": position / max(1, siblings[s.parent]),
            "sibling_index": position, "prev_sibling_category": None,
        }))
    parents = [index_of.get(s.parent) if s.parent else None for s in sections]
    results = classify_tree(samples, parents, use_model=use_model) if samples else []
    return [evolve(s, category=cat, confidence=round(float(conf), 4)) for s, (cat, conf) in zip(sections, results)]


def _to_source(document: Document, norm: NormalizedText, source_text: str) -> Document:
    """Map every span of a document from the normalised copy back to the source."""
    if len(norm.text) == len(source_text):
        # nothing was deleted, so every offset is its own source offset (cleaning never
        # inserts): only the quoted text changes where characters were folded
        return replace(document, indicators=tuple(
            ind if ind.text == source_text[ind.span[0]:ind.span[1]]
            else evolve(ind, text=source_text[ind.span[0]:ind.span[1]])
            for ind in document.indicators))
    mapper = norm.to_source
    sections = tuple(map_spans(s, mapper) for s in document.sections)
    indicators = []
    for ind in document.indicators:  # map_spans and evolve in one copy: figures come by the hundred
        span = mapper(ind.span)
        quantity_span = ind.quantity_span
        indicators.append(evolve(ind, span=span, sentence_span=mapper(ind.sentence_span),
                                 quantity_span=quantity_span and mapper(quantity_span),
                                 text=source_text[span[0]:span[1]]))
    return replace(map_spans(document, mapper), sections=sections, indicators=tuple(indicators))


_SAMPLE = "县总工会2024年工作总结\n一、主要成绩\n全年发展会员2000人,签订集体合同25份,投入资金25万余元。\n" \
          "二、存在问题\n少数企业建会率不高。\n三、明年计划\n力争新建工会组织30家。\n"
_prepared = False


def prepare_process() -> None:
    """Load every lexicon, rule table, decoding table and the model now, then hide them from the
    garbage collector (``gc.freeze``): a process that parses many files no
    longer re-scans those millions of long-lived objects at every full
    collection (about 8% of the time).  For worker processes and the command
    line; a library caller's own objects are frozen too, so parse_* never
    call it themselves."""
    global _prepared
    if _prepared:
        return
    import gc

    from .read import read_bytes

    for encoding in ("utf-8", "gb18030"):  # the decoders' tables, as the first file of each kind would load them
        read_bytes(_SAMPLE.encode(encoding), "sample.txt")
    parse_text(_SAMPLE)
    gc.freeze()
    _prepared = True


def parse_paths(paths: Iterable[Union[str, Path]], *, use_model: bool = True) -> Iterator[ParseResult]:
    """Documents of every file under ``paths``; a file that fails yields a FileError."""
    from .read import iter_sources
    from .store.units import FILES_PER_TASK

    waiting: list[SourceText] = []  # parsed together, a few at a time (see parse_sources_safely)
    for item in iter_sources(paths):
        if isinstance(item, SourceText):
            waiting.append(item)
            if len(waiting) < FILES_PER_TASK:
                continue
        for results in parse_sources_safely(waiting, use_model=use_model):  # the files before, in order
            yield from results
        waiting = []
        if isinstance(item, FileError):
            yield item
    for results in parse_sources_safely(waiting, use_model=use_model):
        yield from results


def parse_source_safely(src: SourceText, *, use_model: bool = True) -> list[ParseResult]:
    """Like ``parse_source`` but a failure becomes a FileError record."""
    return parse_sources_safely([src], use_model=use_model)[0]


def parse_sources_safely(sources: Sequence[SourceText], *, use_model: bool = True) -> list[list[ParseResult]]:
    """``parse_source_safely`` of each source, run stage by stage across them.

    Every text is normalised, then every text's quantities found, and so on:
    a stage's code and tables (regex programs, lexicons, the model) stay in
    the processor's caches from one file to the next instead of being pushed
    out by the other stages of the same file, which on small files makes a
    batch worker about a tenth faster.  A failure ends only its own file.
    """
    running = {n: _stages(src, use_model=use_model, audit=True) for n, src in enumerate(sources)}
    results: list[list[ParseResult]] = [[] for _ in sources]
    while running:
        for n in list(running):
            try:
                next(running[n])
                continue
            except StopIteration as finished:
                results[n] = _found_or_error(sources[n], finished.value)
            except InputError as exc:
                results[n] = [FileError(source=sources[n].source, error=exc.reason, code=exc.code,
                                        sha256=sources[n].sha256)]
            except Exception as exc:  # a bug must not stop a batch; the record names it
                results[n] = [FileError(source=sources[n].source, error=internal_error_reason(exc),
                                        code=INTERNAL_ERROR_CODE, sha256=sources[n].sha256)]
            del running[n]
    return results


def _found_or_error(src: SourceText, documents: list[Document]) -> list[ParseResult]:
    if not documents:
        return [FileError(source=src.source, error="no document text found (only site chrome or blank lines)",
                          code="E107", sha256=src.sha256)]
    return list(documents)


def parse_file(path: Union[str, Path], *, use_model: bool = True) -> list[Document]:
    """Documents of one file; raises ``InputError`` when it cannot be read."""
    from .read import read_bytes

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror or exc}") from exc
    return parse_source(read_bytes(data, str(path)), use_model=use_model)
