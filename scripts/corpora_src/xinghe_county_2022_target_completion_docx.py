"""Builds corpora/xinghe_county_2022_target_completion_docx.docx: 星河县总工会2022年目标任务完成情况报告,
a Word file with typed headings 一、/（一）/1. and one real Word table (w:tbl) of targets against results
(written by a helper session). Standard library only; byte-reproducible: run it from anywhere with
.venv/bin/python (an optional argument gives another output path) and compare with the file in corpora/."""
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else str(
    Path(__file__).resolve().parents[2] / "corpora" / "xinghe_county_2022_target_completion_docx.docx")
STAMP = (2023, 1, 6, 16, 30, 0)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, bold=False, font=None, size=None):
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>'
    if bold:
        rpr += "<w:b/><w:bCs/>"
    if size:
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*parts, align=None, indent=True, font=None, size=None, bold=False):
    """parts: str, or (str, 'b') for a bold run"""
    ppr = ""
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if indent:
        ppr += '<w:ind w:firstLine="640"/>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    runs = ""
    for p in parts:
        if isinstance(p, tuple):
            runs += run(p[0], bold=True, font=font, size=size)
        else:
            runs += run(p, bold=bold, font=font, size=size)
    return f"<w:p>{ppr}{runs}</w:p>"


def h1(text):
    return para(text, font="黑体")


def h2(text):
    return para(text, font="楷体_GB2312", bold=True)


def item(title, body):
    """a 1. item: its title bold and its body in the same paragraph"""
    return ("<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr>"
            + run(title, bold=True) + "".join(run(b[0], bold=True) if isinstance(b, tuple) else run(b)
                                              for b in (body if isinstance(body, list) else [body]))
            + "</w:p>")


WIDTHS = [700, 2500, 800, 1000, 1100, 1200, 2300]


def table(rows):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in WIDTHS)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9600" w:type="dxa"/>'
           '<w:jc w:val="center"/><w:tblLook w:val="04A0"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for i, row in enumerate(rows):
        out.append("<w:tr>" + ('<w:trPr><w:tblHeader/></w:trPr>' if i == 0 else ""))
        for j, cell in enumerate(row):
            jc = "left" if (j in (1, 6) and i > 0) else "center"
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{WIDTHS[j]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                       f'<w:p><w:pPr><w:jc w:val="{jc}"/></w:pPr>'
                       + (run(cell, bold=(i == 0 or row[0] == "合计"), size=21) if cell else "")
                       + "</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


ROWS = [
    ["序号", "目标任务", "单位", "目标值", "完成值", "完成率(%)", "备注"],
    ["1", "新建基层工会组织", "家", "60", "68", "113.3", "含联合工会9家"],
    ["2", "新发展工会会员", "人", "5000", "4718", "94.4", "含新就业形态劳动者312人"],
    ["3", "新签和续签工资集体协议", "份", "110", "126", "114.5", ""],
    ["4", "建会企业职代会建制率", "%", "90", "92.6", "102.9", ""],
    ["5", "困难职工帮扶资金", "万元", "180", "186.5", "103.6", ""],
    ["6", "金秋助学资金", "万元", "40", "42.8", "107.0", "资助困难职工子女214名"],
    ["7", "两节送温暖资金", "万元", "260", "268.4", "103.2", ""],
    ["8", "职工技能培训", "人次", "3000", "2650", "88.3", "受疫情影响未完成"],
    ["9", "新建职工书屋", "个", "15", "18", "120.0", ""],
    ["10", "乡镇（街道）工会驿站建设", "个", "—", "全覆盖", "—", "14个乡镇（街道）全部建成"],
    ["合计", "合计（资金类）", "万元", "480", "497.7", "103.7", "第5至7项之和"],
]

B = []
B.append(para("星河县总工会文件", align="center", indent=False, font="方正小标宋简体", size=56))
B.append(para("星工发〔2023〕2号", align="center", indent=False))
B.append(para("星河县总工会2022年目标任务完成情况报告", align="center", indent=False,
              font="方正小标宋简体", size=44))
B.append(para("县委、县政府：", indent=False))
B.append(para("2022年，县总工会在县委的坚强领导和市总工会的精心指导下，认真贯彻落实县委十五届三次全会精神，"
              "紧扣年初与县委县政府签订的目标责任书，克服疫情多点散发、部分企业生产经营困难等不利因素，"
              "团结动员全县广大职工建功新时代、奋进新征程，各项目标任务总体完成良好。目标责任书确定的"
              "10项量化指标中，完成或超额完成8项，未完成2项；县委县政府交办的专项工作均已按期办结。"
              "现将有关情况报告如下："))

B.append(h1("一、目标任务完成情况"))
B.append(h2("（一）组织建设目标任务"))
B.append(item("1.新建基层工会组织。", [
    "以非公有制企业、社会组织和新业态领域为重点，深入开展建会入会集中攻坚行动，县总工会班子成员"
    "分片包乡镇、包园区，逐家上门宣传动员，对符合条件的企业做到应建尽建。全年新建基层工会组织",
    ("68", "b"), "家，完成目标任务60家的113.3%，其中非公有制企业工会47家、社会组织工会12家、"
    "联合工会9家。对新建工会普遍开展“回头看”，帮助理顺组织关系、健全工作制度，防止建而不管。"]))
B.append(item("2.发展工会会员。", [
    "坚持“哪里有职工，哪里就要建工会”，针对快递、外卖、网约车等行业从业人员流动性强的特点，"
    "推行“扫码入会”“集中入会”等便捷方式，在县城快递分拨中心和商圈设立入会服务点。全年新发展会员"
    "4718人，其中新就业形态劳动者312人。截至年底，全县会员总数达到5.63万人。受多种因素影响，"
    "发展会员目标任务未能全面完成。同时，推动会员实名制数据与“智慧工会”平台同步更新，会员信息的准确性和完整性明显提高。"]))
B.append(h2("（二）维权服务目标任务"))
B.append(item("1.集体协商和民主管理。", [
    "深入推进集体协商“提质增效”行动，指导企业围绕工资调整、劳动定额、休息休假等职工关心的事项"
    "开展协商。全年新签和续签工资集体协议126份，协议文本全部经县人社局审查备案。在县工业园区和餐饮、商贸等行业推行区域性、行业性集体协商，小微企业职工的工资增长有了制度保障。督促指导建会企业"
    "依法建立职工代表大会制度，建会企业职代会建制率达到92.6%，较上年提高2.1个百分点。"]))
B.append(item("2.困难职工帮扶。", [
    "完善困难职工档案动态管理机制，坚持“一户一策”精准帮扶，全年发放困难职工帮扶资金186.5万元，"
    "做到应帮尽帮。深入开展“金秋助学”活动，为214名困难职工子女发放助学金共计42.8万元。"
    "“两节”期间，县乡两级工会领导干部深入企业、社区和田间地头走访慰问困难职工、劳动模范和一线职工，"
    "发放慰问金和慰问物资折款268.4万元，把党和政府的温暖及时送到职工心坎上。"]))
B.append(item("3.职工法律服务。", [
    "发挥县职工法律援助工作站和劳动争议调解组织作用，开展“法律服务进企业”活动，及时化解劳动关系"
    "矛盾，全年未发生因劳动争议引发的群体性事件。针对新就业形态劳动者权益保障问题，联合县人社局、市场监管局与主要平台企业在县运营机构开展座谈协商，推动解决劳动报酬、休息休假和职业伤害保障等突出问题。"]))
B.append(h2("（三）建功立业目标任务"))
B.append(item("1.职工技能培训。", [
    "依托县职工培训中心和企业实训基地，围绕电子信息、农产品加工、家政服务等县域主导产业开展订单式、"
    "定向式培训，全年组织职工技能培训2650人次，完成目标任务的88.3%。"]))
B.append(item("2.劳动和技能竞赛。", [
    "围绕县重点项目建设和工业稳增长，组织开展劳动竞赛和职业技能竞赛，参赛职工4200余人次，"
    "一批技术能手在竞赛中脱颖而出。注重把竞赛成果转化为生产力，推动企业对竞赛中涌现的技术革新、合理化建议进行评审奖励，引导职工立足岗位比学赶超。"]))
B.append(h2("（四）阵地建设目标任务"))
B.append(item("1.工会驿站建设。", [
    "按照“建管用”一体化要求，推动工会驿站向乡镇（街道）延伸，全县14个乡镇（街道）均建成标准化"
    "工会驿站，实现乡镇（街道）全覆盖，全年为环卫工人、快递员等户外劳动者提供服务近3万人次。"]))
B.append(item("2.职工书屋建设。", [
    "新建职工书屋18个，为基层工会配送图书1.2万册，职工书屋的使用管理进一步规范。同时，加强县职工服务中心建设，困难职工帮扶、法律援助、就业服务等窗口实现“一站式”办理。"]))
B.append(para("各项量化指标完成情况见下表。"))
B.append(para("表1　2022年目标任务完成情况统计表", align="center", indent=False, font="黑体"))
B.append(table(ROWS))
B.append(para("注：完成率＝完成值÷目标值×100%，保留一位小数；资金类指标以万元计。", indent=False, size=21))

B.append(h1("二、未完成目标任务的原因"))
B.append(para("新发展会员和职工技能培训指标未达到年度目标，主要原因：一是受疫情影响，全县有21家规模以上企业"
              "阶段性停产减产，建筑、物流等行业用工流动性大，新入职职工集中入会难以组织，全年新发展会员"
              "比目标少282人；二是按照疫情防控要求，县职工培训中心多次暂停线下集中培训，原计划举办的"
              "8期线下培训班实际只举办了5期，线上培训虽及时跟进，但焊工、电工等工种的实操环节无法在线上"
              "完成，培训人次缺口较大；三是我会对新就业形态劳动者入会后的服务跟进不够，部分新入会人员"
              "流动后会员关系转移接续不畅，统计中未能及时计入。"))

B.append(h1("三、2023年目标任务安排"))
B.append(para("2023年，县总工会将认真学习贯彻党的二十大精神，坚持目标导向和问题导向，初步安排主要目标任务"
              "如下：新建基层工会组织55家以上；新发展会员5200人，其中新就业形态劳动者不少于350人；"
              "新签和续签工资集体协议130份；建会企业职代会建制率稳定在93%以上；筹集困难职工帮扶资金"
              "200万元；组织职工技能培训3200人次；新建职工书屋12个。对今年未完成的发展会员和技能培训"
              "任务，将纳入2023年重点工作，实行月调度、季通报，确保按期完成。"))
B.append(para("为确保上述目标任务落到实处，县总工会将重点做好以下工作：一是把目标任务分解到各乡镇（街道）工会和产业工会，层层签订责任书，明确责任人和完成时限；二是把新就业形态劳动者入会和服务作为重中之重，探索“党建带工建”“行业带企业”的建会新路径；三是加强与人社、教育等部门协作，线上线下相结合开展职工技能培训，补齐实操培训短板；四是健全目标任务督查考核机制，对进度滞后的单位及时提醒督促，确保全年目标任务全面完成。"))
B.append(para("特此报告。"))
B.append(para("星河县总工会", align="right", indent=False))
B.append(para("2023年1月6日", align="right", indent=False))
B.append(para("（联系人：胡晓梅，电话：0837-6223974）", indent=False, size=21))

SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
        'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
DOCUMENT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {W}><w:body>{''.join(B)}{SECT}</w:body></w:document>")

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
          'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
          '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>'
          '</w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
          '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
          '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
          '</w:tblCellMar></w:tblPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
          '<w:pPr><w:spacing w:line="360" w:lineRule="exact"/></w:pPr>'
          '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
          '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
          '</w:styles>')

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                 '</Types>')

RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')

DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title></dc:title><dc:creator>县总工会办公室</dc:creator><cp:lastModifiedBy>县总工会办公室</cp:lastModifiedBy>'
        '<cp:revision>4</cp:revision>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-05T09:12:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2023-01-06T08:30:00Z</dcterms:modified>'
        '</cp:coreProperties>')

APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity></Properties>')

PARTS = [
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", RELS),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOC_RELS),
    ("word/styles.xml", STYLES),
    ("docProps/core.xml", CORE),
    ("docProps/app.xml", APP),
]

with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in PARTS:
        zi = zipfile.ZipInfo(name, date_time=STAMP)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        z.writestr(zi, data.encode("utf-8"))
print("wrote", OUT)
