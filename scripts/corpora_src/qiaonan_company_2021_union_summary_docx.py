"""Builds corpora/qiaonan_company_2021_union_summary.docx: a Word file with heading styles,
Word's automatic numbering, figures split across runs and a table (written by a helper
session; run from the project root with .venv/bin/python to rebuild it byte for byte)."""
from pathlib import Path
import datetime, zipfile, io
from docx import Document
from docx.shared import Pt, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

OUT = str(Path(__file__).resolve().parents[2] / "corpora" / "qiaonan_company_2021_union_summary.docx")
doc = Document()

def set_font(obj, east, size=None, bold=None):
    obj.font.name = "Times New Roman"
    rpr = obj.element.get_or_add_rPr() if hasattr(obj.element, "get_or_add_rPr") else obj._element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.insert(0, rf)
    rf.set(qn("w:eastAsia"), east)
    if size: obj.font.size = Pt(size)
    if bold is not None: obj.font.bold = bold

st = doc.styles
set_font(st["Normal"], "仿宋_GB2312", 16)
for name, east, size in (("Heading 1", "黑体", 16), ("Heading 2", "楷体_GB2312", 16)):
    s = st[name]; set_font(s, east, size, bold=False if name == "Heading 1" else True)
    s.font.color.rgb = RGBColor(0, 0, 0)
    s.paragraph_format.space_before = Pt(6); s.paragraph_format.space_after = Pt(6)
    s.paragraph_format.first_line_indent = Pt(32)

# Word automatic numbering for the styled headings (lost when text is extracted)
numbering = doc.part.numbering_part.element
def add_abstract(aid, fmt, text, start):
    a = OxmlElement("w:abstractNum"); a.set(qn("w:abstractNumId"), str(aid))
    lvl = OxmlElement("w:lvl"); lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
        e = OxmlElement(tag); e.set(qn("w:val"), val); lvl.append(e)
    a.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None: first_num.addprevious(a)
    else: numbering.append(a)
    n = OxmlElement("w:num"); n.set(qn("w:numId"), str(aid + 1))
    ref = OxmlElement("w:abstractNumId"); ref.set(qn("w:val"), str(aid)); n.append(ref)
    numbering.append(n)
    return aid + 1
NUM_H1 = add_abstract(90, "chineseCountingThousand", "%1、", 2)
NUM_H2 = add_abstract(91, "chineseCountingThousand", "（%1）", 1)

def numpr(p, num_id):
    ppr = p._p.get_or_add_pPr()
    np_ = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl"); il.set(qn("w:val"), "0"); np_.append(il)
    ni = OxmlElement("w:numId"); ni.set(qn("w:val"), str(num_id)); np_.append(ni)
    ppr.append(np_)

def body(*parts):
    """parts: str or (str, 'b') for bold runs"""
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    for part in parts:
        if isinstance(part, tuple):
            r = p.add_run(part[0]); r.bold = True
        else:
            p.add_run(part)
    return p

def h1(text):
    p = doc.add_paragraph(text, style="Heading 1"); numpr(p, NUM_H1); return p
def h2(text):
    p = doc.add_paragraph(text, style="Heading 2"); numpr(p, NUM_H2); return p
def typed_heading(text):
    p = doc.add_paragraph(); p.paragraph_format.first_line_indent = Pt(32)
    r = p.add_run(text); r.bold = True; set_font(r, "黑体"); return p

t = doc.add_paragraph(); t.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = t.add_run("桥南汽车零部件有限公司工会委员会2021年工作总结"); r.bold = True; set_font(r, "方正小标宋简体", 22)
s = doc.add_paragraph(); s.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = s.add_run("（2022年1月10日公司工会三届六次全委会议通过）"); set_font(r, "楷体_GB2312", 16)

body("2021年，公司工会在公司党委和市机械冶金工会的领导下，围绕公司“保交付、降成本、稳增长”的年度目标，团结动员全体职工克服疫情反复和芯片短缺带来的困难，职工队伍保持稳定，工会各项工作取得了新的进展。现将全年工作总结如下：")

typed_heading("一、2021年主要工作情况")

h2("组织建设和会员发展")
body("截至12月底，公司现有在岗职工4682人，有会员4597人，职工入会率98.2%。随着电池托盘项目投产，年内新组建分工会2个，各厂区、各子公司工会组织实现全覆盖。坚持新员工入职即入会，全年新发展会员",
     ("21", "b"), ("5人", "b"),
     "，其中一线操作工人168人、大学毕业生31人、其他岗位人员16人。分两批开展工会干部轮训，参训的分工会主席、委员和工会小组长130余人次。")

h2("民主管理和集体协商")
body("3月召开公司三届五次职代会，137名职工代表出席会议，审议通过了《职工绩效考核办法（修订稿）》。会前共征集代表提案41件，经提案审查委员会审查立案26件，至年底已全部办结，其余作为意见建议转相关部门研究落实。公司通过厂务公开栏和企业微信群，及时公开涉及职工切身利益的事项，接受职工监督。")
body("坚持和完善集体协商制度，公司本部和各子公司共签订", "集体合同", ("1", "b"), ("2份", "b"),
     "，合同文本均报市人社局审查备案。经协商，一线岗位夜班津贴由每班25元提高到每班30元，职工得到了实实在在的好处。")

h2("职工之家建设")
body("公司投入资金约47万元，对老厂区职工之家进行提档升级，新建职工书屋3个，配备图书2800余册，在物流中心新设母婴室和职工休息室。年内公司工会被命名为市级模范职工之家。")

h2("帮扶救助和关爱服务")
body("完善困难职工动态档案，全年帮扶困难职工46户，其中因病致困的29户。“两节”期间，公司领导和工会干部走访慰问困难职工、一线职工和退休老党员，共发放帮扶资金和慰问金",
     ("38.", "b"), ("6万元", "b"),
     "。继续为全体会员办理职工医疗互助保障，全年理赔金额近21万元。职工患病住院，工会干部做到第一时间上门探望。")

h2("技能提升和劳动竞赛")
body("以“比技能、降成本、保交付”为主题开展劳动竞赛，参赛职工1900多人。全年组织职工技能培训1682人次，完成年度计划的112.1%，一批青年职工在比武中脱颖而出。深入开展合理化建议活动，全年收到职工建议352条，采纳后在降本增效方面见到了实效。")

h2("职工文体活动")
body("组织职工趣味运动会、篮球赛、歌咏比赛等文体活动，参与职工3200余人次。组织劳模和一线骨干分批疗休养，全年疗休养职工312人。新成立摄影、羽毛球等职工兴趣协会，让职工在工作之余有地方去、有事情做。")

cap = doc.add_paragraph(); cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
r = cap.add_run("表1　2021年主要工作指标完成情况"); r.bold = True; set_font(r, "黑体", 14)

rows = [
    ["项目", "年度目标", "完成", "完成率"],
    ["新发展会员", "200人", "215人", "107.5%"],
    ["签订集体合同", "12份", "12份", "100%"],
    ["职工书屋", "2个", "3个", "150%"],
    ["困难职工帮扶", "40户", "46户", "115%"],
    ["职工疗休养", "300人", ["312人", "含上年结转36人"], "104%"],
]
tbl = doc.add_table(rows=len(rows), cols=4); tbl.style = "Table Grid"
for i, row in enumerate(rows):
    for j, val in enumerate(row):
        cell = tbl.cell(i, j)
        paras = val if isinstance(val, list) else [val]
        cell.paragraphs[0].text = paras[0]
        for extra in paras[1:]:
            cell.add_paragraph(extra)
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in p.runs:
                r.font.size = Pt(12)
                if i == 0: r.bold = True

h1("存在的不足")
body("回顾全年工作，还存在一些不足：一是部分劳务派遣人员入会不够及时，年底仍有85名劳务派遣人员未入会；二是各分工会工作开展不平衡，个别分工会全年活动偏少；三是职工书屋利用率不高，全年人均借阅不足2册；四是工会干部多为兼职，服务职工的能力有待提高。")

h1("2022年工作打算")
body("2022年，公司工会将重点抓好以下工作：")
body("（一）巩固组织基础。力争新发展会员180人以上，职工入会率保持在98%以上，劳务派遣人员做到应入尽入。")
body("（二）深化民主管理。按期召开职代会，做好集体合同到期续签工作，进一步规范厂务公开，推动民主管理向班组延伸。")
body("（三）做实关爱服务。帮扶困难职工不少于45户，安排职工疗休养不少于320人。")
body("（四）提升职工素质。组织职工技能培训1800人次左右，开展技能比武3至5场。")
body("新的一年，公司工会将在公司党委的坚强领导下，进一步履行好维护职工合法权益、竭诚服务职工群众的基本职责，为公司高质量发展作出新的贡献。")

fn = doc.add_paragraph()
r = fn.add_run("注：本总结数据统计截至2021年12月25日；帮扶资金和慰问金中含市总工会下拨专项资金8.5万元。"); r.font.size = Pt(10.5)

fixed = datetime.datetime(2022, 1, 10, 9, 0, 0)
cp = doc.core_properties
cp.created = fixed; cp.modified = fixed; cp.last_printed = fixed
cp.author = "公司工会办公室"; cp.last_modified_by = "公司工会办公室"; cp.revision = 3
cp.title = ""; cp.comments = ""

buf = io.BytesIO(); doc.save(buf)
zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        zi = zipfile.ZipInfo(info.filename, date_time=(2022, 1, 10, 9, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED; zi.external_attr = 0o644 << 16
        zout.writestr(zi, zin.read(info.filename))
print("wrote", OUT)
