"""Builds corpora/shuiyuan_company_2020_union_summary_wordlists.docx: headings and items numbered
only by Word's automatic numbering (a multilevel list 一、/（一）/1. and the built-in "List Number"
style), some headings styled Heading 1/Heading 2, some only bold text; one table (written by a
helper with the document; byte-reproducible: run it and compare with the file in corpora/)."""
import datetime, zipfile, io, sys
from pathlib import Path
from docx import Document
from docx.shared import Pt, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

OUT = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "corpora" / "shuiyuan_company_2020_union_summary_wordlists.docx")
doc = Document()

def set_font(obj, east, size=None, bold=None):
    obj.font.name = "Times New Roman"
    el = obj.element if hasattr(obj, "element") else obj._element
    rpr = el.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.insert(0, rf)
    rf.set(qn("w:eastAsia"), east)
    if size: obj.font.size = Pt(size)
    if bold is not None: obj.font.bold = bold

st = doc.styles
set_font(st["Normal"], "仿宋_GB2312", 16)
for name, east, bold in (("Heading 1", "黑体", False), ("Heading 2", "楷体_GB2312", True)):
    s = st[name]; set_font(s, east, 16, bold=bold)
    s.font.color.rgb = RGBColor(0, 0, 0)
    s.paragraph_format.space_before = Pt(6); s.paragraph_format.space_after = Pt(6)
    s.paragraph_format.first_line_indent = Pt(32)

numbering = doc.part.numbering_part.element

def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn("w:" + k), v)
    return e

# one multilevel outline list: 一、 / （一） / 1.
absn = el("w:abstractNum", abstractNumId="20")
absn.append(el("w:nsid", val="5A3C19E2"))
absn.append(el("w:multiLevelType", val="multilevel"))
for ilvl, fmt, text, ind in ((0, "chineseCounting", "%1、", 0), (1, "chineseCounting", "（%2）", 0), (2, "decimal", "%3.", 0)):
    lvl = el("w:lvl", ilvl=str(ilvl))
    lvl.append(el("w:start", val="1"))
    lvl.append(el("w:numFmt", val=fmt))
    lvl.append(el("w:lvlText", val=text))
    lvl.append(el("w:lvlJc", val="left"))
    ppr = el("w:pPr"); ppr.append(el("w:ind", left="0", firstLine="640")); lvl.append(ppr)
    absn.append(lvl)
numbering.find(qn("w:num")).addprevious(absn)
n = el("w:num", numId="21"); n.append(el("w:abstractNumId", val="20")); numbering.append(n)
OUTLINE = 21

# "List Number" style uses numId 5 (abstractNum 7); a second list restarted at 1, as Word does
n = el("w:num", numId="22"); n.append(el("w:abstractNumId", val="7"))
ov = el("w:lvlOverride", ilvl="0"); ov.append(el("w:startOverride", val="1")); n.append(ov)
numbering.append(n)
LISTNUM_RESTART = 22

def numpr(p, num_id, ilvl):
    ppr = p._p.get_or_add_pPr()
    np_ = OxmlElement("w:numPr")
    np_.append(el("w:ilvl", val=str(ilvl)))
    np_.append(el("w:numId", val=str(num_id)))
    ppr.append(np_)

def body(*parts):
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    for part in parts:
        if isinstance(part, tuple):
            r = p.add_run(part[0]); r.bold = True
        else:
            p.add_run(part)
    return p

def styled_heading(text, style, ilvl):
    p = doc.add_paragraph(text, style=style); numpr(p, OUTLINE, ilvl); return p

def bold_heading(text, ilvl):
    p = doc.add_paragraph(); numpr(p, OUTLINE, ilvl)
    r = p.add_run(text); r.bold = True; set_font(r, "黑体" if ilvl == 0 else "楷体_GB2312")
    return p

def outline_item(title, rest):
    p = doc.add_paragraph(); numpr(p, OUTLINE, 2)
    r = p.add_run(title); r.bold = True
    p.add_run(rest); return p

def list_number_item(title, rest, restart=False):
    p = doc.add_paragraph(style="List Number")
    if restart:
        numpr(p, LISTNUM_RESTART, 0)
    r = p.add_run(title); r.bold = True
    p.add_run(rest); return p

t = doc.add_paragraph(); t.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = t.add_run("水源电力有限公司工会2020年工作总结"); r.bold = True; set_font(r, "方正小标宋简体", 22)

body("2020年，公司工会在公司党委和市能源化工工会的领导下，紧扣“保安全、保供电、保民生”的全年任务，一手抓疫情防控中的职工关爱，一手抓劳动竞赛和民主管理，较好地完成了公司二届五次职代会确定的各项任务。现将一年来的主要工作总结如下。")

styled_heading("2020年主要工作完成情况", "Heading 1", 0)
body("截至12月底，公司共有在册职工2316人，下设基层分会14个，有会员2298人，职工入会率99.2%。")

styled_heading("坚持抗疫保供两手抓，职工队伍保持稳定", "Heading 2", 1)
body("疫情发生后，公司工会第一时间为一线运维、调度和营业窗口人员采购发放口罩", ("3.6万只", ),
     "，把生活物资送到坚守岗位的职工手中。组建“保供电”职工突击队11支、队员186人，承担了市定点医院和各隔离点的供电保障任务，保障期间未发生一起停电事件。工会筹集专项慰问资金21.5万元，慰问抗疫一线职工及家属630人次。")

bold_heading("组织建设和会员发展", 1)
outline_item("基层组织建设。", "结合新能源业务扩张，在新投产的鹰嘴岭风电场和沙河滩光伏电站新建基层分会2个，各基层分会均按期完成换届。")
outline_item("会员发展。", "坚持新职工入职即入会，全年新发展会员142人，其中高校毕业生87人、劳务派遣人员41人、退役军人14人。")
outline_item("工会干部培训。", "采取线上线下结合的方式举办工会干部培训班2期，培训分会主席、委员和工会小组长160人次。")

styled_heading("民主管理和集体协商", "Heading 2", 1)
body("受疫情影响，公司二届五次职代会推迟到6月以现场加视频的方式召开，应到职工代表158名，实到152名。会前共征集代表提案63件，经审查立案45件，年内办结43件，办结率95.6%。")
body("公司工会代表职工与公司行政开展集体协商，续签了集体合同和工资专项集体合同。经协商，全年职工人均工资增长4.5%，一线运维人员高温津贴由每月200元提高到每月260元。")

bold_heading("劳动竞赛和技术创新", 1)
body("围绕迎峰度夏保供电和城区配网改造等重点任务，广泛开展劳动竞赛和技术创新活动。")
list_number_item("开展专项竞赛。", "全年组织“安全生产百日赛”等专项劳动竞赛9项，参赛职工1800余人次，发放竞赛奖励46.8万元。")
list_number_item("职工技能比武。", "举办继电保护、配电线路、变电运维等5个工种的技能比武，参赛职工312名，评出“技术能手”15名。")
list_number_item("群众性技术创新。", "全年收集合理化建议418条，采纳实施196条，采纳率46.9%；劳模创新工作室攻克了一批生产难题，创造经济效益约650万元。")

styled_heading("帮扶救助和普惠服务", "Heading 2", 1)
body("对困难职工实行建档管理和动态调整，年末在档困难职工28户，比上年减少6户。“两节”期间，公司领导和工会干部走访慰问职工286人次。全年共投入帮扶救助资金78.4万元，具体使用情况见表1。")

cap = doc.add_paragraph(); cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = cap.add_run("表1　2020年帮扶救助资金使用情况"); r.bold = True; set_font(r, "黑体", 14)
rows = [
    ["项目", "受助职工（人次）", "金额（万元）"],
    ["两节送温暖", "286", "34.3"],
    ["困难职工帮扶", "42", "30.6"],
    ["金秋助学", "18", "13.5"],
    ["合计", "346", "78.4"],
]
tbl = doc.add_table(rows=len(rows), cols=3); tbl.style = "Table Grid"
for i, row in enumerate(rows):
    for j, val in enumerate(row):
        cell = tbl.cell(i, j)
        cell.paragraphs[0].text = val
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for rr in p.runs:
                rr.font.size = Pt(12)
                if i == 0 or row[0] == "合计": rr.bold = True

styled_heading("职工文化和职工之家建设", "Heading 2", 1)
body("投入资金56万元，对鹰嘴岭风电场等偏远站点的职工小家进行提档改造，配齐了健身、阅读和休息设施。举办职工篮球赛、“云上”读书分享会等文体活动12场，参与职工约2600人次。公司工会被省总工会命名为“模范职工之家”。")

bold_heading("存在的问题", 0)
body("一是新能源场站点多面广，职工分散，仍有5个场站未建立工会小组；二是劳务派遣人员入会率偏低，年底仅为86.5%；三是部分职工小家使用率不高，存在重建设、轻管理的现象；四是工会干部以兼职为主，服务职工的能力与职工期望还有差距。")

styled_heading("2021年工作打算", "Heading 1", 0)
body("2021年是“十四五”开局之年，公司工会将围绕公司建设一流清洁能源企业的目标，重点做好以下工作：")
list_number_item("扩大组织覆盖。", "年内实现新能源场站工会小组全覆盖，新发展会员120人以上，劳务派遣人员入会率提高到95%以上。", restart=True)
list_number_item("深化民主管理。", "按期召开职代会，代表提案办结率保持在95%以上，推动集体合同履约检查常态化。", restart=True)
list_number_item("持续开展劳动竞赛。", "组织专项劳动竞赛8至10项，力争全年收集合理化建议450条。", restart=True)
list_number_item("精准做好帮扶救助。", "安排帮扶救助资金80万元左右，做到困难职工应帮尽帮。", restart=True)
list_number_item("加强职工之家建设。", "新建或改造职工小家6个，实现偏远站点职工小家全覆盖。", restart=True)

body("新的一年，公司工会将在公司党委的领导下，团结动员全体职工立足岗位、建功立业，为公司高质量发展贡献力量。")
for line in ("水源电力有限公司工会", "2021年1月12日"):
    p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT; p.add_run(line)

fixed = datetime.datetime(2021, 1, 12, 9, 0, 0)
cp = doc.core_properties
cp.created = fixed; cp.modified = fixed; cp.last_printed = fixed
cp.author = "公司工会办公室"; cp.last_modified_by = "公司工会办公室"; cp.revision = 2
cp.title = ""; cp.comments = ""

buf = io.BytesIO(); doc.save(buf)
zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2021, 1, 12, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
        zout.writestr(zi, zin.read(info.filename))
print("wrote", OUT)
