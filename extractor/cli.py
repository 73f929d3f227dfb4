"""The ``extractor`` command line: thin over the package's verbs."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .errors import ExtractorError
from .records import FileError, to_json


def _error_line(error: FileError) -> None:
    click.echo(f"extractor: {error.source}: {error.error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="extractor")
def cli() -> None:
    """Quantified indicators, section trees and number audits from Chinese official documents."""


@cli.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="Output on stdout: SPEC JSON Lines, one line per document (json and jsonl are the same).")
@click.option("--out", type=click.Path(), help="Write tables to TARGET (.duckdb, .parquet dir, .csv, .xlsx, .jsonl) instead of stdout.")
@click.option("--jobs", type=int, default=None, help="Worker processes for --out (default: all cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (without it a LocalCluster is started).")
@click.option("--force", is_flag=True, help="Re-parse files already stored.")
@click.option("--retry-errors", is_flag=True, help="Retry files that failed in an earlier run.")
@click.option("--no-model", is_flag=True, help="Classify sections with the rules alone.")
def parse_command(paths, fmt, out, jobs, engine, scheduler, force, retry_errors, no_model) -> None:
    """Parse documents (files, folders, .zip archives) into SPEC records."""
    if out:
        from .batch import run_batch

        if jobs == 1 and engine == "local":  # parsed in this process
            from .pipeline import prepare_process

            prepare_process()
        try:
            summary = run_batch(list(paths), out, jobs=jobs, engine=engine, scheduler=scheduler, force=force,
                                retry_errors=retry_errors, argv=sys.argv[1:], use_model=not no_model)
        except ExtractorError as exc:  # a store that cannot be opened, a bad option: no traceback
            click.echo(f"extractor: {exc}", err=True)
            sys.exit(2)
        for failure in summary.failures:
            _error_line(failure)
        click.echo(f"{summary.files_parsed} files parsed, {summary.files_skipped} skipped, "
                   f"{summary.files_failed} failed: {summary.documents} documents, "
                   f"{summary.indicators} indicators -> {out}", err=True)
        sys.exit(1 if summary.files_failed else 0)
    from .pipeline import parse_paths, prepare_process

    prepare_process()
    failed = 0
    for record in parse_paths(paths, use_model=not no_model):
        click.echo(to_json(record))
        if isinstance(record, FileError):
            failed += 1
            _error_line(record)
    sys.exit(1 if failed else 0)


@cli.command("show")
@click.argument("path", type=click.Path())
@click.option("--no-model", is_flag=True, help="Classify sections with the rules alone.")
@click.option("--html", "page", type=click.Path(dir_okay=False, writable=True),
              help="Write an HTML page of the text instead, every figure and heading marked (displaCy).")
def show_command(path: str, no_model: bool, page: Optional[str]) -> None:
    """Print a readable tree of the documents, sections and indicators of a file
    (of each file of a folder or archive), or write them as an HTML page."""
    from .pipeline import parse_source_safely
    from .read import iter_sources
    from .render import html_page, print_tree

    failed = False
    marked = []  # (source, text, documents) of each file, for the page
    for item in iter_sources([path]):
        results = [item] if isinstance(item, FileError) else parse_source_safely(item, use_model=not no_model)
        documents = [record for record in results if not isinstance(record, FileError)]
        for record in results:
            if isinstance(record, FileError):
                _error_line(record)
                failed = True
            elif page is None:
                print_tree(record)
        if page is not None and documents:
            marked.append((item.source, item.text, documents))
    if page is not None and marked:
        Path(page).write_text(html_page(marked, title=f"extractor show {path}"), encoding="utf-8")
        click.echo(f"wrote {page}: {len(marked)} file(s)", err=True)
    elif page is not None:
        click.echo(f"extractor: no document in {path}; {page} not written", err=True)
    sys.exit(1 if failed else 0)


@cli.command("concepts")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--top", type=int, default=40, show_default=True)
def concepts_command(paths, top: int) -> None:
    """List the most frequent indicator objects that have no concept yet."""
    from .concepts import unmapped_objects
    from .pipeline import parse_paths

    indicators = []
    for record in parse_paths(paths):
        if isinstance(record, FileError):
            _error_line(record)
        else:
            indicators.extend(record.indicators)
    for obj, count in unmapped_objects(indicators, top):
        click.echo(f"{count}\t{obj}")


def _register_optional_commands() -> None:
    from .commands import audit_command, compare_command

    cli.add_command(audit_command)
    cli.add_command(compare_command)


_register_optional_commands()


def main(argv: Optional[list[str]] = None) -> None:
    cli.main(args=argv, prog_name="extractor")
