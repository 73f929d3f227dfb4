"""The ``audit`` and ``compare`` commands (registered on the ``extractor``
group in ``cli.py`` with ``cli.add_command``).

Both take files, folders and archives (parsed by
``extractor.pipeline.parse_paths``) or one store (``.duckdb`` file or
``.parquet`` directory, read with ``extractor.store.load_documents``).
Files that cannot be parsed are reported on stderr and make the exit code 1.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Optional, Sequence

import click

from .records import SEVERITIES, Document, FileError, Finding

STORE_SUFFIXES = (".duckdb", ".parquet")
QUOTE_CHARS = 40  # longest quote shown in the terminal
WIDE_OUTPUT = 200  # columns of the table when output is not a terminal
FINDING_COLUMNS = ["source", "doc_index", "title", "check", "severity", "message", "quote", "location",
                   "start", "end", "indicators"]


def _is_store(paths: Sequence[str]) -> bool:
    return len(paths) == 1 and Path(paths[0]).suffix.lower() in STORE_SUFFIXES


def load_inputs(paths: Sequence[str]) -> tuple[list[Document], list[FileError]]:
    """Documents from a store or from parsing ``paths``, and the files that failed."""
    if _is_store(paths):
        from .store import load_documents

        return list(load_documents(paths[0])), []
    from .pipeline import parse_paths

    docs, errors = [], []
    for record in parse_paths(list(paths)):
        (errors if isinstance(record, FileError) else docs).append(record)
    return docs, errors


def _report_errors(errors: Iterable[FileError]) -> int:
    count = 0
    for error in errors:
        click.echo(f"{error.source}: {error.error} [{error.code}]", err=True)
        count += 1
    return count


def source_texts(docs: Sequence[Document]) -> dict[str, str]:
    """Source text of every document's file (archive members included),
    read again so spans can be shown as line:column and quoted.  Files that
    are gone (a store moved elsewhere) are simply missing."""
    from .read import iter_sources

    wanted = {doc.source for doc in docs}
    files = sorted({source.split("!", 1)[0] for source in wanted})
    texts = {}
    for record in iter_sources([f for f in files if Path(f).exists()]):
        if not isinstance(record, FileError) and record.source in wanted:
            texts[record.source] = record.text
    return texts


def _location(text: Optional[str], span) -> str:
    if span is None:
        return ""
    if text is None:
        return f"@{span[0]}"
    line = text.count("\n", 0, span[0]) + 1
    column = span[0] - (text.rfind("\n", 0, span[0]) + 1) + 1
    return f"{line}:{column}"


def _quoted(text: Optional[str], span, doc: Optional[Document], finding: Finding) -> str:
    if text is not None and span is not None:
        snippet = text[span[0]:span[1]].replace("\n", " ")
        return snippet if len(snippet) <= QUOTE_CHARS else snippet[:QUOTE_CHARS - 1] + "…"
    if doc is not None:
        known = {ind.id: ind.text for ind in doc.indicators}
        return " / ".join(known[i] for i in finding.indicators if i in known)
    return ""


def _merge(*groups: Iterable[Finding]) -> list[Finding]:
    seen, merged = set(), []
    for finding in (f for group in groups for f in group):
        key = (finding.check, finding.span, finding.indicators, finding.source, finding.doc_index)
        if key not in seen:
            seen.add(key)
            merged.append(finding)
    return merged


def collect_findings(docs: Sequence[Document],
                     texts: dict[str, str]) -> list[tuple[Optional[Document], Finding]]:
    """(document or None, finding) for every finding, documents first."""
    from .checks import audit_corpus, audit_document

    rows = []
    index = {(doc.source, doc.doc_index): doc for doc in docs}
    for doc in docs:
        for finding in _merge(doc.findings, audit_document(doc, texts.get(doc.source))):
            rows.append((doc, finding))
    for finding in audit_corpus(docs, texts):
        rows.append((index.get((finding.source, finding.doc_index)), finding))
    return rows


def finding_rows(found, texts: dict[str, str], minimum: str) -> list[dict]:
    """Plain rows (for the terminal, CSV and Excel) at ``minimum`` severity or above."""
    floor = SEVERITIES.index(minimum)
    rows = []
    for doc, finding in found:
        if SEVERITIES.index(finding.severity) < floor:
            continue
        source = finding.source or (doc.source if doc else None)
        text = texts.get(source) if source else None
        rows.append({
            "source": source or "(corpus)",
            "doc_index": doc.doc_index if doc else finding.doc_index,
            "title": doc.title if doc else None,
            "check": finding.check, "severity": finding.severity, "message": finding.message,
            "quote": _quoted(text, finding.span, doc, finding),
            "location": _location(text, finding.span),
            "start": finding.span[0] if finding.span else None,
            "end": finding.span[1] if finding.span else None,
            "indicators": " ".join(finding.indicators),
        })
    return rows


OWN_TABLE_SHEET = "extractor_table"


def write_table(frame, out: str) -> None:
    """Write a pandas frame as .csv or .xlsx, chosen by the extension."""
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        frame.to_csv(out, encoding="utf-8-sig")  # the BOM lets Excel read the Chinese text
    elif suffix == ".xlsx":
        frame.to_excel(out, sheet_name=OWN_TABLE_SHEET)  # (the reader knows the toolkit's own workbooks by it)
    else:
        raise click.BadParameter(f"{out}: write .csv or .xlsx", param_hint="--out")


def _console():
    from rich.console import Console

    console = Console()
    if not console.is_terminal:  # piped or captured: do not fold at 80 columns
        console = Console(width=WIDE_OUTPUT)
    return console


def _print_findings(rows: list[dict]) -> None:
    from rich.table import Table

    console = _console()
    if not rows:
        console.print("no findings")
        return
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault((row["source"], row["doc_index"], row["title"]), []).append(row)
    for (source, doc_index, title), members in groups.items():
        heading = source if doc_index is None else f"{source}#{doc_index}"
        table = Table(title=f"{heading}  {title or ''}".strip(), title_justify="left", show_lines=False)
        for column in ("check", "severity", "message", "quote", "location"):
            table.add_column(column, overflow="fold")
        for row in members:
            table.add_row(row["check"], row["severity"], row["message"], row["quote"], row["location"])
        console.print(table)


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="Show findings of this severity and above.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Also write the findings to a .csv or .xlsx file.")
def audit_command(paths: tuple[str, ...], severity: str, out: Optional[str]) -> None:
    """Check the numbers of PATHS (files, folders, archives, or one .duckdb store)."""
    import pandas as pd

    docs, errors = load_inputs(paths)
    failed = _report_errors(errors)
    texts = source_texts(docs)
    rows = finding_rows(collect_findings(docs, texts), texts, severity)
    _print_findings(rows)
    if out:
        write_table(pd.DataFrame(rows, columns=FINDING_COLUMNS).set_index("source"), out)
        click.echo(f"wrote {len(rows)} findings to {out}", err=True)
    sys.exit(1 if failed else 0)


def _print_table(table) -> None:
    from rich.table import Table

    console = _console()
    if table.empty:
        console.print("no comparable figures")
        return
    values = [c for c in table.columns if c[2] == "value"]
    shown = Table(show_lines=False)
    for name in ("concept", "unit", "status"):
        shown.add_column(name)
    for org, period, _ in values:
        shown.add_column(f"{org}\n{period}", justify="right")
    for row_key, row in table.iterrows():
        cells = [_cell(row[(org, period, "value")], row[(org, period, "change_pct")])
                 for org, period, _ in values]
        shown.add_row(*map(str, row_key), *cells)
    console.print(shown)


def _cell(value, change_pct) -> str:
    from .checks.common import fmt

    if value != value:  # NaN: no figure for this period
        return ""
    shown = fmt(round(float(value), 4))
    return shown if change_pct != change_pct else f"{shown} ({change_pct:+.0f}%)"


@click.command("compare")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--concept", help="Only this concept id (or object).")
@click.option("--org", help="Only organisations whose name contains this.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the table to a .csv or .xlsx file.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Chart the --concept as a PNG file.")
def compare_command(paths: tuple[str, ...], concept: Optional[str], org: Optional[str],
                    out: Optional[str], plot: Optional[str]) -> None:
    """Line the indicators of PATHS up by concept, organisation and period."""
    from .comparison import compare_table, plot_concept

    if plot and not concept:
        raise click.UsageError("--plot needs --concept")
    docs, errors = load_inputs(paths)
    failed = _report_errors(errors)
    table = compare_table(docs, concept=concept, org=org)
    _print_table(table)
    if out:
        write_table(table, out)
        click.echo(f"wrote {len(table)} rows to {out}", err=True)
    if plot:
        if table.empty:
            raise click.ClickException(f"no figures for concept {concept!r}: nothing to plot")
        plot_concept([d for d in docs if _org_matches(d, org)], concept, plot)
        click.echo(f"wrote {plot}", err=True)
    sys.exit(1 if failed else 0)


def _org_matches(doc: Document, org: Optional[str]) -> bool:
    from .checks.keys import org_key

    wanted = org_key(org)
    return not wanted or wanted in (org_key(doc.org) or "")


__all__ = ["audit_command", "compare_command", "load_inputs", "collect_findings", "finding_rows"]
