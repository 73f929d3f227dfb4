"""A readable terminal tree of a document (rich), for ``extractor show``."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from .records import Document

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
