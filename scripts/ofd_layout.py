"""Lay a 公文 written as UTF-8 text out as an OFD package (开放版式文档, GB/T 33190-2016), the way a
公文 typesetter writes one: A4 (210 × 297 mm), the body in 16 pt 仿宋 (5.6 mm a character), 28
characters a line and 22 lines a page, the title centred, body lines justified to the measure
(the slack spread between the characters, in DeltaX), tables as columns of text without
ruling, a ``— N —`` page number at the foot of every page, and an optional running header
drawn on a template page that every page names.

For the OFD reader's tests and the corpus's OFD samples; not part of the toolkit (standard
library only).  Source conventions as in ``pdf_layout.py``, one line of source per paragraph:

- ``#c `` centres the line (a title), ``#r `` sets it flush right (signature, date);
- a line holding tabs is a table row: its cells go to fixed columns, in a smaller size;
- an empty line is an empty line of the page;
- any other line is a paragraph, wrapped at ``chars_per_line`` full-width characters
  (half-width ones count half); paragraphs to be indented start with two full-width spaces.

Each printed line is one TextObject by default (``run_chars``: runs of that many characters,
each its own object, as some converters write); a table row's cells are one object each
(``one_code_rows``: the whole row one TextCode whose DeltaX jumps from cell to cell).
``draw_spaces=False`` leaves spaces undrawn, as converters that drop blank glyphs do: the text
after one starts a new TextCode further on.  Several sources make a package of several
documents.

    python scripts/ofd_layout.py SOURCE.txt OUT.ofd [--chars-per-line 28] [--lines-per-page 22]
                                 [--running-header TEXT] [--column-width 39]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_layout import text_units, wrapped_lines  # noqa: E402  (a sibling script: the same printed lines as the PDF)

NAMESPACE = "http://www.ofdspec.org/2016"
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0  # A4, in millimetres (OFD's unit)
TOP_MARGIN, BODY_HEIGHT = 37.0, 225.0  # GB/T 9704: the body's area starts 37 mm down and is 225 mm high
FONTS = {"body": ("1", "仿宋"), "title": ("2", "方正小标宋简体"), "furniture": ("3", "宋体")}
_STAMP = (2024, 1, 8, 9, 0, 0)  # every member's date: the same bytes from the same source


def _width(ch: str) -> float:
    return text_units(ch)


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _delta_x(steps: list[float]) -> str:
    """A DeltaX list, runs of three or more equal advances written ``g N d``."""
    words, at = [], 0
    while at < len(steps):
        end = at
        while end < len(steps) and _number(steps[end]) == _number(steps[at]):
            end += 1
        if end - at >= 3:
            words += ["g", str(end - at), _number(steps[at])]
        else:
            words += [_number(step) for step in steps[at:end]]
        at = end
    return " ".join(words)


class _Writer:
    """Numbers the package's objects (every object of a document has an ID of its own)."""

    def __init__(self):
        self.last_id = 0

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def text_object(self, placed: list[tuple[str, float]], baseline: float, size: float, font: str,
                    draw_spaces: bool) -> str:
        """One TextObject drawing ``placed`` (each character and its x on the page) on ``baseline``."""
        runs: list[list[tuple[str, float]]] = [[]]
        for ch, x in placed:
            if ch.isspace() and not draw_spaces:
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append((ch, x))
        runs = [run for run in runs if run]
        if not runs:
            return ""
        left = runs[0][0][1]
        right = runs[-1][-1][1] + _width(runs[-1][-1][0]) * size
        codes = []
        for run in runs:
            steps = [following[1] - ch_x for (_, ch_x), following in zip(run, run[1:])]
            delta = f" DeltaX={quoteattr(_delta_x(steps))}" if steps else ""
            codes.append(f'<ofd:TextCode X="{_number(run[0][1] - left)}" Y="{_number(size)}"{delta}>'
                         f'{escape("".join(ch for ch, _ in run))}</ofd:TextCode>')
        return (f'<ofd:TextObject ID="{self.next_id()}" Boundary="{_number(left)} {_number(baseline - size)} '
                f'{_number(right - left)} {_number(size * 1.25)}" Font="{FONTS[font][0]}" Size="{_number(size)}">'
                f'<ofd:FillColor Value="0 0 0"/>{"".join(codes)}</ofd:TextObject>')


def _placed(text: str, x: float, size: float, spread: float = 0.0) -> list[tuple[str, float]]:
    """Each character of ``text`` and where it stands, from ``x`` on, ``spread`` more apart than
    their widths (a justified line)."""
    placed = []
    for ch in text:
        placed.append((ch, x))
        x += _width(ch) * size + spread
    return placed


def _chunks(placed: list, size: int) -> list[list]:
    return [placed[at:at + size] for at in range(0, len(placed), size)] if size > 0 else [placed]


def _document(source: str, writer: _Writer, *, chars_per_line: int, lines_per_page: int, font_size: float,
              running_header: str | None, column_width: float, run_chars: int, one_code_rows: bool,
              draw_spaces: bool) -> tuple[dict[str, str], str]:
    """The parts of one document (paths inside its folder -> XML) and its title."""
    left = (PAGE_WIDTH - chars_per_line * font_size) / 2
    measure = chars_per_line * font_size
    line_height = min(font_size * 1.8, BODY_HEIGHT / lines_per_page)
    items: list[tuple[str, str]] = []
    for paragraph in source.split("\n"):
        if paragraph.startswith(("#c ", "#r ")):
            items.append((paragraph[:2], paragraph[3:]))
        elif "\t" in paragraph:
            items.append(("table", paragraph))
        elif not paragraph.strip():
            items.append(("blank", ""))
        else:
            wrapped = wrapped_lines(paragraph, chars_per_line)
            items += [("full", line) for line in wrapped[:-1]] + [("last", wrapped[-1])]
    pages = [items[at:at + lines_per_page] for at in range(0, len(items), lines_per_page)] or [[]]
    title = next((text for how, text in items if how == "#c"), next((text for _, text in items if text), ""))
    parts: dict[str, str] = {}
    template_id = None
    if running_header:
        template_id = writer.next_id()
        size = font_size * 0.66  # (10.5 pt against the body's 16)
        width = text_units(running_header) * size
        header = writer.text_object(_placed(running_header, (PAGE_WIDTH - width) / 2, size), 20.0, size,
                                    "furniture", draw_spaces)
        parts["Tpls/Tpl_0/Content.xml"] = _page_xml(f'<ofd:Layer ID="{writer.next_id()}" Type="Background">'
                                                    f'{header}</ofd:Layer>')
    page_entries = []
    for number, lines in enumerate(pages, 1):
        objects = []
        baseline = TOP_MARGIN + font_size
        for how, text in lines:
            size, font, placed_runs = font_size, "body", []
            if how == "#c":
                font = "title"
                placed_runs = [_placed(text, (PAGE_WIDTH - text_units(text) * size) / 2, size)]
            elif how == "#r":
                placed_runs = [_placed(text, left + measure - text_units(text) * size, size)]
            elif how == "table":
                size = font_size * 0.75
                cells = [_placed(cell, left + column * column_width, size) for column, cell in enumerate(text.split("\t"))]
                placed_runs = [[glyph for cell in cells for glyph in cell]] if one_code_rows else cells
            elif how in ("full", "last"):
                spread = 0.0
                if how == "full" and len(text) > 1:  # justified: the line's slack spread between its characters
                    spread = max(0.0, (measure - text_units(text) * size) / (len(text) - 1))
                placed_runs = _chunks(_placed(text, left, size, spread), run_chars)
            for placed in placed_runs:
                objects.append(writer.text_object(placed, baseline, size, font, draw_spaces))
            baseline += line_height
        foot_size = font_size * 0.875  # (14 pt)
        foot = f"— {number} —"
        foot_object = writer.text_object(_placed(foot, (PAGE_WIDTH - text_units(foot) * foot_size) / 2, foot_size),
                                         PAGE_HEIGHT - 18.0, foot_size, "furniture", True)
        layer = (f'<ofd:Layer ID="{writer.next_id()}" Type="Body">{"".join(objects)}'
                 f'<ofd:PageBlock ID="{writer.next_id()}">{foot_object}</ofd:PageBlock></ofd:Layer>')
        uses = f'<ofd:Template TemplateID="{template_id}" ZOrder="Background"/>' if template_id else ""
        parts[f"Pages/Page_{number - 1}/Content.xml"] = _page_xml(layer, uses)
        page_entries.append(f'<ofd:Page ID="{writer.next_id()}" BaseLoc="Pages/Page_{number - 1}/Content.xml"/>')
    fonts = "".join(f'<ofd:Font ID="{font_id}" FontName={quoteattr(name)} FamilyName={quoteattr(name)}/>'
                    for font_id, name in FONTS.values())
    parts["PublicRes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NAMESPACE}" BaseLoc="Res">'
                              f'<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>')
    template = (f'<ofd:TemplatePage ID="{template_id}" BaseLoc="Tpls/Tpl_0/Content.xml" ZOrder="Background"/>'
                if template_id else "")
    parts["Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{NAMESPACE}">'
        f'<ofd:CommonData><ofd:MaxUnitID>{writer.last_id}</ofd:MaxUnitID>'
        f'<ofd:PageArea><ofd:PhysicalBox>0 0 {_number(PAGE_WIDTH)} {_number(PAGE_HEIGHT)}</ofd:PhysicalBox></ofd:PageArea>'
        f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{template}</ofd:CommonData>'
        f'<ofd:Pages>{"".join(page_entries)}</ofd:Pages></ofd:Document>')
    return parts, title


def _page_xml(layer: str, uses: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NAMESPACE}">{uses}'
            f'<ofd:Content>{layer}</ofd:Content></ofd:Page>')


def gongwen_ofd(source: str | list[str], *, chars_per_line: int = 28, lines_per_page: int = 22,
                font_size: float = 5.6, running_header: str | None = None, column_width: float = 39.0,
                run_chars: int = 0, one_code_rows: bool = False, draw_spaces: bool = True) -> bytes:
    """The OFD package of ``source`` (a list: one document each).  Sizes in millimetres."""
    sources = [source] if isinstance(source, str) else list(source)
    members: dict[str, str] = {}
    bodies = []
    for index, text in enumerate(sources):
        parts, title = _document(text, _Writer(), chars_per_line=chars_per_line, lines_per_page=lines_per_page,
                                 font_size=font_size, running_header=running_header, column_width=column_width,
                                 run_chars=run_chars, one_code_rows=one_code_rows, draw_spaces=draw_spaces)
        members.update({f"Doc_{index}/{name}": xml for name, xml in parts.items()})
        doc_id = hashlib.md5(text.encode()).hexdigest()
        bodies.append(f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>{doc_id}</ofd:DocID><ofd:Title>{escape(title)}</ofd:Title>'
                      f'<ofd:CreationDate>2024-01-08</ofd:CreationDate><ofd:Creator>ofd_layout</ofd:Creator>'
                      f'</ofd:DocInfo><ofd:DocRoot>Doc_{index}/Document.xml</ofd:DocRoot></ofd:DocBody>')
    entry = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{NAMESPACE}" Version="1.0" DocType="OFD">'
             f'{"".join(bodies)}</ofd:OFD>')
    return package({"OFD.xml": entry, **members})


def package(members: dict[str, str | bytes]) -> bytes:
    """A zip of ``members`` (name -> XML or bytes), in that order, dated alike."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, _STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def unpacked(data: bytes) -> dict[str, bytes]:
    """An OFD package's members (name -> bytes), to change one and ``package`` them again."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def main() -> None:
    parser = argparse.ArgumentParser(description="Lay a 公文 written as UTF-8 text out as an OFD package.")
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--chars-per-line", type=int, default=28)
    parser.add_argument("--lines-per-page", type=int, default=22)
    parser.add_argument("--running-header")
    parser.add_argument("--column-width", type=float, default=39.0, help="in millimetres")
    args = parser.parse_args()
    args.out.write_bytes(gongwen_ofd(args.source.read_text(encoding="utf-8"), chars_per_line=args.chars_per_line,
                                     lines_per_page=args.lines_per_page, running_header=args.running_header,
                                     column_width=args.column_width))


if __name__ == "__main__":
    main()
