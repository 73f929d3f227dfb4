"""Write a document given as UTF-8 text as a Word 97-2003 ``.doc``, as an office saves it:
python-docx builds the document (one paragraph per source line; a line holding tabs is a
table row, consecutive rows one table; a cell written ``<<`` is merged into the cell on its
left), and LibreOffice (``soffice --headless``) saves it as "Word 97-2003".

For the corpus's .doc samples (``scripts/make_corpora.py``) and fixtures; not part of the
toolkit, and it needs LibreOffice (Debian: ``apt-get install libreoffice-writer-nogui``).

    python scripts/doc_layout.py SOURCE.txt TARGET.doc
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MERGE_LEFT = "<<"


def write_docx(source: str, target: Path) -> None:
    import docx

    document = docx.Document()
    lines = source.rstrip("\n").split("\n")
    k = 0
    while k < len(lines):
        if "\t" not in lines[k]:
            document.add_paragraph(lines[k])
            k += 1
            continue
        rows = []
        while k < len(lines) and "\t" in lines[k]:
            rows.append(lines[k].split("\t"))
            k += 1
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell != MERGE_LEFT:
                    table.cell(r, c).text = cell
            for c, cell in enumerate(row):
                if cell == MERGE_LEFT and c > 0:
                    start = c - 1
                    while start > 0 and row[start] == MERGE_LEFT:
                        start -= 1
                    table.cell(r, start).merge(table.cell(r, c))
    document.save(str(target))


def saved_by_libreoffice(modern: Path, target: Path, export_filter: str) -> None:
    """Save ``modern`` (a .docx or .xlsx) as ``target`` in an old format, as LibreOffice does
    with ``export_filter`` ("doc:MS Word 97", "xls:MS Excel 97")."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(f"LibreOffice (soffice) is needed to write {target.suffix} files")
    subprocess.run([soffice, "--headless", "--convert-to", export_filter, "--outdir", str(modern.parent), str(modern)],
                   check=True, capture_output=True, timeout=180)
    shutil.copyfile(modern.with_suffix(target.suffix), target)


def write_doc(source: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        docx_path = Path(folder) / (target.stem + ".docx")
        write_docx(source, docx_path)
        saved_by_libreoffice(docx_path, target, "doc:MS Word 97")


if __name__ == "__main__":
    write_doc(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]))
