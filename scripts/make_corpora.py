"""Write the encoded and binary sample files of ``corpora/`` from their UTF-8 sources.

The team writes every sample document as UTF-8 text; the ones that must reach
the toolkit as GBK, UTF-16, Big5, ``.docx``, ``.doc``, ``.rtf``, ``.xlsx``, ``.xls``, ``.pdf``, ``.ofd``
or ``.mht`` keep their source under
``scripts/corpora_src/`` and this script produces the committed file next to the
others.  Gold quotes (``corpora/NAME.gold.json``) quote the decoded text, which
equals the source text (the docx joins its paragraphs with ``\\n``).

Run from the project root after editing a source:

    .venv/bin/python scripts/make_corpora.py
"""
from __future__ import annotations

import argparse
import datetime
import io
import shutil
import sys
import zipfile
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# source under scripts/corpora_src  ->  (file written in corpora/, how it is written)
ENCODED_FILES = {
    "tongjiang_2016_report.txt": ("tongjiang_2016_report_gbk.txt", "gbk"),
    "jiangbei_2017_plan.txt": ("jiangbei_2017_plan_utf16.txt", "utf-16-bom-crlf"),
    "hexi_school_2018.txt": ("hexi_school_2018_big5.txt", "big5"),
}
FIXED_TIME = datetime.datetime(2020, 1, 8, 9, 0, 0)  # the report's date; keeps the docx reproducible
DOCX_FILES = {
    "huaxin_chairman_report.txt": "huaxin_chairman_report.docx",
}
# Word 97-2003 files written by scripts/doc_layout.py (needs LibreOffice): source -> file written
DOC97_FILES = {
    "jiangyuan_county_2018_union_report_word97_doc.txt": "jiangyuan_county_2018_union_report_word97.doc",
    "quanfeng_county_2017_summary_trad_word97_doc.txt": "quanfeng_county_2017_summary_trad_word97.doc",
    "liangshan_town_2020_union_work_ledger_word97_doc.txt": "liangshan_town_2020_union_work_ledger_word97.doc",
}
# Workbooks written by scripts/xlsx_layout.py: source -> file written
XLSX_FILES = {
    "qinghe_county_2022_union_statistics_workbook_xlsx.txt": "qinghe_county_2022_union_statistics_workbook.xlsx",
    "hexi_city_2023_union_target_assessment_workbook_xlsx.txt": "hexi_city_2023_union_target_assessment_workbook.xlsx",
    "heping_county_2023_aid_payment_list_sheet1_xlsx.txt": "heping_county_2023_aid_payment_list_sheet1.xlsx",
}
# RTF files written as WordPad does by scripts/rtf_layout.py: source -> file written (GBK escapes)
RTF_FILES = {
    "meixi_town_2021_plan_wordpad_rtf_rtf.txt": "meixi_town_2021_plan_wordpad_rtf.rtf",
}
# RTF files written as Word does, Unicode escapes over a Big5 code page: source -> file written
RTF_UNICODE_FILES = {
    "taoyuan_city_2019_plan_unicode_rtf_trad_rtf.txt": "taoyuan_city_2019_plan_unicode_rtf_trad.rtf",
}
# PDFs laid out as printed 公文 by scripts/pdf_layout.py: source -> (file written, layout options)
PDF_FILES = {
    "qingshi_county_2023_summary_pdf.txt": ("qingshi_county_2023_summary_pdf.pdf", {}),
    "hongling_city_2024_key_points_pdf.txt": (
        "hongling_city_2024_key_points_pdf.pdf",
        {"lines_per_page": 24, "running_header": "红岭市总工会2024年工作要点", "column_width": 125}),
    "baisha_district_2022_union_stats_report_pdf.txt": (
        "baisha_district_2022_union_stats_report_pdf.pdf", {"chars_per_line": 30, "lines_per_page": 26, "font_size": 14}),
    "qiaodong_district_2021_grassroots_reports_compilation_pdf.txt": (
        "qiaodong_district_2021_grassroots_reports_compilation_pdf.pdf", {}),
    "taiyuan_city_2020_union_summary_trad_pdf.txt": (
        "taiyuan_city_2020_union_summary_trad_pdf.pdf", {"chars_per_line": 26, "lines_per_page": 20}),
    "lanxi_town_2019_h1_summary_narrow_pdf.txt": (
        "lanxi_town_2019_h1_summary_narrow_pdf.pdf",
        {"chars_per_line": 18, "lines_per_page": 18, "font_size": 15, "running_header": "兰溪镇总工会"}),
    "nanping_city_2022_union_stats_table_print_pdf.txt": (
        "nanping_city_2022_union_stats_table_print_pdf.pdf",
        {"chars_per_line": 34, "lines_per_page": 30, "font_size": 12, "column_width": 78}),
    "jiangcheng_district_2022_plan_pdf_page_x_of_y_pdf.txt": (
        "jiangcheng_district_2022_plan_pdf_page_x_of_y.pdf",
        {"running_header": "江工发〔2022〕3号　江城区总工会2022年工作计划", "column_width": 125}),
    "qingping_county_2020_report_with_cover_and_toc_pdf_pdf.txt": ("qingping_county_2020_report_with_cover_and_toc_pdf.pdf", {}),
}
# OFD packages laid out as printed 公文 by scripts/ofd_layout.py: source -> (file written, layout options)
OFD_FILES: dict[str, tuple[str, dict]] = {
    "shuangjing_county_2023_union_report_redhead_ofd_ofd.txt": ("shuangjing_county_2023_union_report_redhead_ofd.ofd", {}),
    "ruyang_city_2024_notice_issuing_plan_ofd_ofd.txt": ("ruyang_city_2024_notice_issuing_plan_ofd.ofd", {"column_width": 30}),
}
# Excel 97-2003 workbooks written by scripts/xls_layout.py (needs LibreOffice): source -> file written
XLS_FILES: dict[str, str] = {
    "dongpo_town_2022_union_quarterly_stats_xls_xls.txt": "dongpo_town_2022_union_quarterly_stats_xls.xls",
}
# Web archives saved as by a browser, by scripts/mht_layout.py: page source -> (file written, options)
MHT_FILES: dict[str, tuple[str, dict]] = {
    "linhe_city_2021_union_h1_summary_saved_mht_mht.html": (
        "linhe_city_2021_union_h1_summary_saved_mht.mht",
        {"charset": "gb2312", "url": "http://www.lhgh.gov.cn/art/2021/7/16/art_109_2376.html"}),
    "qingyuan_district_2022_union_year_review_wechat_mhtml_mht.html": (
        "qingyuan_district_2022_union_year_review_wechat_mhtml.mhtml",
        {"charset": "utf-8", "url": "https://mp.weixin.qq.com/s/Qy7kL2mVx9aTe3RfGh1NwA"}),
}
# (baiyang_county_2023_aid_funds_summary_merged_xls.xls was written by its helper's own openpyxl script, to
# merge cells, and saved as Excel 97 by LibreOffice; its rows are kept in corpora_src/ as a record)
# (yuqiao_town_2022_stats_numbers_as_text_xlsx.xlsx was written by its helper's own openpyxl script, to
# store numbers as text cells; its rows are kept in corpora_src/ as a record, not rebuilt here)


def encode_text(text: str, how: str) -> bytes:
    """Bytes of ``text`` as a user's editor would have saved it."""
    if how == "utf-16-bom-crlf":
        # Windows Notepad "Unicode": little-endian with BOM and CRLF line ends
        return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
    # strict: a character the legacy code page lacks is a bug in the source
    return text.encode(how)


def write_docx(text: str, target: Path) -> None:
    """One docx paragraph per source line; the first line is the title."""
    import docx  # python-docx, only needed here

    document = docx.Document()
    lines = text.rstrip("\n").split("\n")
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "extractor team"
    properties.title = lines[0]
    properties.created = properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_with_fixed_timestamps(buffer.getvalue()))


def _with_fixed_timestamps(archive: bytes) -> bytes:
    """The same zip with every member dated FIXED_TIME, so a rebuild changes no byte."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


def _source_text(source: str) -> str:
    """A sample's UTF-8 source under scripts/corpora_src/."""
    return (Path(__file__).resolve().parent / "corpora_src" / source).read_text(encoding="utf-8")


def build(corpora: Path = CORPORA) -> list[Path]:
    """Write every derived file; return the paths written."""
    written = []
    for source, (name, how) in ENCODED_FILES.items():
        text = _source_text(source)
        target = corpora / name
        target.write_bytes(encode_text(text, how))
        written.append(target)
    for source, name in DOCX_FILES.items():
        text = _source_text(source)
        target = corpora / name
        write_docx(text, target)
        written.append(target)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rtf_layout import wordpad_rtf

    for source, name in RTF_FILES.items():
        text = _source_text(source)
        target = corpora / name
        target.write_bytes(wordpad_rtf(text))
        written.append(target)
    for source, name in RTF_UNICODE_FILES.items():
        text = _source_text(source)
        target = corpora / name
        target.write_bytes(wordpad_rtf(text, encoding="big5", unicode_escapes=True))
        written.append(target)
    from xlsx_layout import workbook

    for source, name in XLSX_FILES.items():
        text = _source_text(source)
        target = corpora / name
        target.write_bytes(workbook(text))  # (openpyxl stamps the time: a rebuild differs in bytes, not text)
        written.append(target)
    if DOC97_FILES and (shutil.which("soffice") or shutil.which("libreoffice")):
        from doc_layout import write_doc  # (LibreOffice stamps the time: a rebuild differs in bytes, not text)

        for source, name in DOC97_FILES.items():
            text = _source_text(source)
            target = corpora / name
            write_doc(text, target)
            written.append(target)
    if PDF_FILES:
        from pdf_layout import gongwen_pdf  # (reportlab, a dev dependency)

        for source, (name, layout) in PDF_FILES.items():
            text = _source_text(source)
            target = corpora / name
            target.write_bytes(gongwen_pdf(text, **layout))
            written.append(target)
    for source, (name, layout) in OFD_FILES.items():
        from ofd_layout import gongwen_ofd

        text = _source_text(source)
        target = corpora / name
        target.write_bytes(gongwen_ofd(text, **layout))
        written.append(target)
    if XLS_FILES and (shutil.which("soffice") or shutil.which("libreoffice")):
        from xls_layout import write_xls  # (LibreOffice stamps the time: a rebuild differs in bytes, not text)

        for source, name in XLS_FILES.items():
            text = _source_text(source)
            target = corpora / name
            write_xls(text, target)
            written.append(target)
    for source, (name, options) in MHT_FILES.items():
        from mht_layout import web_archive

        page = _source_text(source)
        target = corpora / name
        target.write_bytes(web_archive(page, **options))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="corpora folder (default: the project's)")
    args = parser.parse_args(argv)
    for path in build(args.corpora):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
