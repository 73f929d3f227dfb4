"""What ``extractor show`` prints: a readable terminal tree of a document (rich),
or an HTML page of its text with every figure and heading marked (displaCy)."""
from __future__ import annotations

import html
from bisect import bisect_left
from string import Template
from typing import Sequence

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from .records import Document
from .resources import load_text

_CATEGORY_STYLE = {"achievements": "green", "plans": "cyan", "problems": "red", "other": "white"}


def _figure(ind) -> str:
    value = "?" if ind.masked or ind.value is None else f"{ind.value:.12g}"
    marks = " ".join(x for x in (ind.approx, ind.bound and f"bound:{ind.bound}", ind.per and f"per:{ind.per}") if x)
    concept = escape(f" [{ind.concept}]") if ind.concept else ""
    return f"{escape(ind.text)}  →  {ind.predicate or ''}/{ind.object or '?'} = {value} {ind.unit} {marks} ({ind.status}){concept}"


def print_tree(document: Document, console: Console | None = None) -> None:
    console = console or Console()
    period = document.period
    year = period.year or (f"{period.year_text} (~{period.year_inferred})" if period.year_inferred else period.year_text)
    root = Tree(f"[bold]{escape(document.title or '(untitled)')}[/bold]  {document.doc_type} · {document.org or '?'} · "
                f"{year or '?'} {period.part or ''}  ({document.source}#{document.doc_index})")
    nodes = {None: root}
    by_section = {}
    for ind in document.indicators:
        by_section.setdefault(ind.section, []).append(ind)
    for ind in by_section.get(None, []):
        root.add(_figure(ind))
    for section in document.sections:
        parent = nodes.get(section.parent, root)
        style = _CATEGORY_STYLE.get(section.category or "other", "white")
        label = f"[{style}]{escape(section.number or '')} {escape(section.heading)}[/{style}]  [dim]{section.category} {section.confidence or ''}[/dim]"
        node = parent.add(label)
        nodes[section.id] = node
        for ind in by_section.get(section.id, []):
            node.add(_figure(ind))
    for finding in document.findings:
        root.add(f"[yellow]{finding.severity}[/yellow] {finding.check}: {escape(finding.message)}")
    console.print(root)


# colours of the marks: figures by status, section headings by category
_HTML_COLOURS = {"actual": "#9fe0a8", "target": "#a9d4f5", "achievements": "#e4f5e6", "plans": "#e3f0fb",
                 "problems": "#f9dcdc", "other": "#eeeeee", "section": "#eeeeee"}


def _without_overlaps(marks: list) -> list:
    """``marks`` ((start, end), label) in order, each that overlaps an earlier one dropped."""
    kept, end = [], -1
    for (start, stop), label in sorted(marks):
        if start >= end and stop > start:
            kept.append(((start, stop), label))
            end = stop
    return kept


def _marks(documents: Sequence[Document]) -> list[dict]:
    """displaCy entities of a file's figures and headings, in order, none overlapping
    (a figure inside a heading is marked, the heading then is not)."""
    figures = _without_overlaps([(ind.span, f"{ind.concept or ind.kind} · {ind.status}")
                                 for doc in documents for ind in doc.indicators])
    figure_starts = [start for (start, _), _ in figures]

    def clear_of_figures(start: int, stop: int) -> bool:  # the figures are in order, none overlapping
        before = bisect_left(figure_starts, stop)  # figures[:before] start before the heading ends
        return before == 0 or figures[before - 1][0][1] <= start

    headings = [mark for mark in _without_overlaps(
                    [(s.heading_span, s.category or "section") for doc in documents for s in doc.sections
                     if s.heading_span])
                if clear_of_figures(*mark[0])]
    return [{"start": start, "end": stop, "label": label} for (start, stop), label in sorted(figures + headings)]


def _colour_of(label: str) -> str:
    return _HTML_COLOURS.get(label.rsplit(" · ", 1)[-1], "#dddddd")


def _period_text(document: Document) -> str:
    period = document.period
    year = period.year or period.year_text or ""
    if period.year is None and period.year_inferred:
        year = f"{year} (~{period.year_inferred})"
    return " ".join(str(part) for part in (year, period.part) if part)


def _file_header(source: str, documents: Sequence[Document]) -> str:
    """A file's name, a table of its documents and the list of what the audit found."""
    rows = "".join(
        f"<tr><td>{html.escape(doc.title or '(untitled)')}</td><td>{html.escape(doc.org or '')}</td>"
        f"<td>{doc.doc_type}</td><td>{html.escape(_period_text(doc))}</td>"
        f"<td>{len(doc.sections)}</td><td>{len(doc.indicators)}</td></tr>" for doc in documents)
    findings = "".join(
        f'<li class="{finding.severity}"><b>{html.escape(finding.check)}</b> {html.escape(finding.message)}</li>'
        for doc in documents for finding in doc.findings)
    return (f"<h2>{html.escape(source)}</h2>"
            "<table class=\"documents\"><tr><th>title</th><th>organisation</th><th>type</th><th>period</th>"
            f"<th>sections</th><th>figures</th></tr>{rows}</table>"
            + (f'<ul class="findings">{findings}</ul>' if findings else ""))


def html_page(files: Sequence[tuple[str, str, Sequence[Document]]], title: str = "extractor show") -> str:
    """A standalone HTML page of files given as (source, text, documents): for each
    file its documents (title, organisation, type, period), what the audit found, and
    its text with every figure and section heading marked where it stands
    (displaCy's entity view; a figure's label is its concept, or its kind, and
    its status; a heading's is its category)."""
    from spacy import displacy

    parsed = [{"text": text, "ents": _marks(documents)} for _, text, documents in files]
    labels = {mark["label"] for file in parsed for mark in file["ents"]}
    options = {"colors": {label: _colour_of(label) for label in labels}}
    body = "\n".join(
        f'<section class="file">{_file_header(source, documents)}'
        f'{displacy.render(part, style="ent", manual=True, minify=True, options=options)}</section>'
        for (source, _, documents), part in zip(files, parsed))
    documents = sum(len(documents) for _, _, documents in files)
    figures = sum(len(doc.indicators) for _, _, docs in files for doc in docs)
    findings = sum(len(doc.findings) for _, _, docs in files for doc in docs)
    legend = "".join(f'<span style="background: {_HTML_COLOURS[name]}">{name}</span>'
                     for name in ("actual", "target", "achievements", "plans", "problems", "other"))
    return Template(load_text("show_page.html")).substitute(
        title=html.escape(title), body=body, legend=legend,
        summary=f"{len(files)} file(s), {documents} document(s), {figures} figure(s), {findings} finding(s)")
