"""Write a workbook given as UTF-8 text as an Excel 97-2003 ``.xls``, as an office still saves
one: ``xlsx_layout.workbook`` builds it (``## 名称`` starts a sheet, TAB-parted cells, numbers
stored as numbers with their formats), and LibreOffice (``soffice --headless``) saves it as
"Excel 97-2003".

For the corpus's .xls samples (``scripts/make_corpora.py``) and fixtures; not part of the
toolkit, and it needs LibreOffice (Debian: ``apt-get install libreoffice-calc-nogui``).

    python scripts/xls_layout.py SOURCE.txt TARGET.xls
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_layout import saved_by_libreoffice  # noqa: E402  (sibling scripts, not a package)
from xlsx_layout import workbook  # noqa: E402


def write_xls(source: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        xlsx_path = Path(folder) / (target.stem + ".xlsx")
        xlsx_path.write_bytes(workbook(source))
        saved_by_libreoffice(xlsx_path, target, "xls:MS Excel 97")


if __name__ == "__main__":
    write_xls(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]))
