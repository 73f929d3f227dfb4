"""Builds corpora/anping_company_2021_summary_tracked_changes.docx: 安平机械有限公司工会2021年工作总结,
a Word file saved with its TRACKED CHANGES and COMMENTS still in it (written by a helper session).

The revisions are 张敏's, made while checking the figures: numbers replaced (w:del + w:ins), one digit of a
number replaced inside it, a whole sentence deleted, a clause inserted, a paragraph mark deleted (two
paragraphs joined), one formatting change (w:rPrChange); 王立军's two comments (word/comments.xml) carry
figures of their own that are no part of the document text. Typed headings 一、/（一）.

Standard library only; byte-reproducible: run it from anywhere with .venv/bin/python (an optional argument
gives another output path) and compare with the file in corpora/.

Paragraph markup used below:
  [-text-]   deleted text (w:del / w:delText)        {+text+}  inserted text (w:ins / w:t)
  <cN> </cN> range of comment N (commentRangeStart / commentRangeEnd + commentReference run)
  |          a run boundary only (Word splits runs where it likes)
  ^text^     a run made bold with the change tracked (w:rPrChange)
"""
import itertools
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else str(
    Path(__file__).resolve().parents[2] / "corpora" / "anping_company_2021_summary_tracked_changes.docx")
STAMP = (2022, 1, 11, 17, 45, 0)

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')

EDITOR = "张敏"
REVIEWER, REVIEWER_INITIALS = "王立军", "王"
# one date per revision, in the order the revisions appear (張敏 went through the draft on 10 January)
REV_DATES = iter([
    "2022-01-10T14:02:00Z", "2022-01-10T14:02:00Z", "2022-01-10T14:03:00Z", "2022-01-10T14:03:00Z",
    "2022-01-10T14:05:00Z", "2022-01-10T14:07:00Z", "2022-01-10T14:07:00Z", "2022-01-10T14:11:00Z",
    "2022-01-10T14:11:00Z", "2022-01-10T14:16:00Z", "2022-01-10T14:16:00Z", "2022-01-10T14:24:00Z",
    "2022-01-10T14:24:00Z", "2022-01-10T14:29:00Z", "2022-01-10T14:29:00Z", "2022-01-10T14:33:00Z",
    "2022-01-10T14:35:00Z", "2022-01-10T14:38:00Z", "2022-01-10T14:41:00Z", "2022-01-10T14:41:00Z",
    "2022-01-10T14:44:00Z", "2022-01-10T14:44:00Z", "2022-01-10T14:46:00Z", "2022-01-10T14:46:00Z",
])
_rev_id = iter(range(101, 200))

COMMENTS = [
    ("2022-01-11T09:20:00Z", "请核实：是否为92人？会务组签到表记为92人，初稿的86人是会前报名数。"),
    ("2022-01-11T09:26:00Z", "已与财务部核对：38.2万元中含县总工会下拨专项资金6万元，其余32.2万元由公司工会经费列支。"),
]

RSIDS = ["00A41C6E", "00A41C6E", "00B35F21", "00D2E7A4"]
_rsid = itertools.cycle(RSIDS)

def rpr(bold=False, font=None, size=None):
    out = ""
    if font:
        out += f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="{font}"/>'
    if bold:
        out += "<w:b/><w:bCs/>"
    if size:
        out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{out}</w:rPr>" if out else ""


def t(text):
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text, **kw):
    return f'<w:r w:rsidRPr="{next(_rsid)}">{rpr(**kw)}{t(text)}</w:r>'


def rev_attrs():
    return f'w:id="{next(_rev_id)}" w:author="{EDITOR}" w:date="{next(REV_DATES)}"'


def deleted(text, **kw):
    return (f"<w:del {rev_attrs()}><w:r w:rsidDel=\"00D2E7A4\">{rpr(**kw)}"
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def inserted(text, **kw):
    return f"<w:ins {rev_attrs()}><w:r w:rsidR=\"00D2E7A4\">{rpr(**kw)}{t(text)}</w:r></w:ins>"


def bold_changed(text):
    return (f'<w:r w:rsidRPr="00D2E7A4"><w:rPr><w:b/><w:bCs/>'
            f'<w:rPrChange {rev_attrs()}><w:rPr/></w:rPrChange></w:rPr>{t(text)}</w:r>')


def comment_start(n):
    return f'<w:commentRangeStart w:id="{n}"/>'


def comment_end(n):
    return (f'<w:commentRangeEnd w:id="{n}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{n}"/></w:r>')


TOKEN = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}|<c(\d)>|</c(\d)>|\^(.*?)\^|\|")


def runs(marked, **kw):
    out, pos = [], 0
    for m in TOKEN.finditer(marked):
        if m.start() > pos:
            out.append(run(marked[pos:m.start()], **kw))
        if m.group(1) is not None:
            out.append(deleted(m.group(1), **kw))
        elif m.group(2) is not None:
            out.append(inserted(m.group(2), **kw))
        elif m.group(3) is not None:
            out.append(comment_start(int(m.group(3))))
        elif m.group(4) is not None:
            out.append(comment_end(int(m.group(4))))
        elif m.group(5) is not None:
            out.append(bold_changed(m.group(5)))
        pos = m.end()
    if pos < len(marked):
        out.append(run(marked[pos:], **kw))
    return "".join(out)


def para(marked, align=None, indent=True, mark_deleted=False, extra="", **kw):
    ppr = ""
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if indent:
        ppr += '<w:ind w:firstLine="640"/>'
    if mark_deleted:  # the paragraph mark itself is a tracked deletion: accepted, it joins the next paragraph
        ppr += f"<w:rPr><w:del {rev_attrs()}/></w:rPr>"
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p w:rsidR="{next(_rsid)}" w:rsidRDefault="00A41C6E">{ppr}{extra}{runs(marked, **kw)}</w:p>'


def h1(text):
    return para(text, font="黑体")


def h2(text):
    return para(text, font="楷体_GB2312", bold=True)


P = []
P.append(para("安平机械有限公司工会2021年工作总结", align="center", indent=False,
              font="方正小标宋简体", size=44))
P.append(para("", indent=False))
P.append(para(
    "2021年，公司工会在公司党委和县总工会的正确领导下，紧紧围绕公司“稳订单、强管理、增效益”的年度目标，"
    "团结带领全体职工克服原材料价格上涨、疫情多点散发等不利因素，在组织建设、民主管理、劳动竞赛、帮扶救助和"
    "职工文化建设等方面做了大量扎实有效的工作，较好地完成了公司二届四次职代会确定的各项任务，为公司全年实现"
    "销售收入和利润“双增长”作出了积极贡献。现将全年工作总结如下。"))

P.append(h1("一、2021年主要工作完成情况"))

P.append(h2("（一）抓好组织建设，会员队伍稳步壮大"))
P.append(para(
    "截至2021年12月底，公司共有在岗职工1480人，下设分工会7个、工会小组46个，现有会员14[-3-]{+5+}6人，"
    "职工入会率[-97.0-]{+98.4+}%。公司工会坚持新员工“入职即入会”，在新员工入职培训中专门安排工会知识课，"
    "全年新发展会员132人{+，其中新入职大学生37人+}。针对劳务派遣职工流动性大、入会意愿不强的情况，"
    "公司工会会同人力资源部逐个班组宣传入会的权利和义务，劳务派遣职工入会工作取得新进展。年内指导5个分工会按期完成换届选举，新选举产生分工会委员"
    "23名，分工会班子结构进一步优化。"))
P.append(para(
    "加强工会干部队伍建设，举办工会干部培训班[-3场-]{+2期+}，培训分工会主席、委员和工会小组长84人次，"
    "重点学习《工会法》修改内容和基层工会经费管理规定，工会干部依法履职、服务职工的能力有所提升。同时完善会员"
    "实名制信息，做到会员底数清、情况明。"))

P.append(h2("（二）深化民主管理，职工合法权益得到有效维护"))
P.append(para(
    "3月召开公司二届四次职代会，应到职工代表98名，实到<c0>[-86-]{+92+}</c0>名，会议听取和审议了总经理工作报告，"
    "审议通过了《职工带薪年休假实施办法》等制度。会前共征集代表提案35件，经提案审查委员会审查立案21件，"
    "至年底已办结20件，办结率95.2%，未办结的提案已列入2022年计划推进。坚持厂务公开，全年通过公开栏、"
    "企业微信群公开涉及职工切身利益的事项64项。职代会闭会期间，组织职工代表围绕食堂管理、通勤班车等职工"
    "关心的问题开展专题巡视，提出整改建议11条，督促相关部门逐项落实。"))
P.append(para(
    "公司工会代表职工与公司行政开展工资集体协商，续签集体合同1份、工资专项集体合同1份，并首次签订女职工权益"
    "保护专项集体合同1份。经协商，职工年人均工资由6.8万元提高到7.3万元，增长7.4%；一线岗位高温津贴由每人"
    "每月200元提高到260元。工会还积极参与公司劳动用工、薪酬分配等规章制度的修订，从源头上维护职工权益。"))

P.append(h2("（三）开展劳动竞赛，助力企业提质增效"))
P.append(para(
    "围绕“降本增效保交付”主题开展全员劳动竞赛，全公司38个班组全部参赛，参赛职工[-860-]{+910+}人。7月举办"
    "第五届职工技能比武，设数控车工、焊工、装配钳工、电工、叉车司机5个工种，评选出技术能手15名，一批青年职工"
    "脱颖而出。比武成绩与岗位技能等级评定和评先评优挂钩，进一步激发了职工学技术、练本领、当工匠的热情。"))
P.append(para(
    "深入开展合理化建议和“五小”创新活动，全年收集合理化建议3|17条，采纳实施158条，创造经济效益约260万元。"
    "以市级劳模李建国同志命名的劳模创新工作室发挥引领作用，完成技术攻关项目6个，带动班组解决了一批生产"
    "难题。组织开展“安康杯”竞赛和群众安全监督活动，在各班组设立群众安全监督岗，发动职工查找身边的安全隐患，"
    "做到隐患早发现、早整改，公司全年安全生产形势保持稳定。"))

P.append(h2("（四）做实帮扶救助，职工生活更有保障"))
P.append(para(
    "完善困难职工动态档案，年底在档困难职工12户，实行“一户一策”精准帮扶。“两节”期间，公司领导和工会干部"
    "走访慰问困难职工、生病住院职工、退休老职工和一线职工共318人次，发放慰问金<c1>[-36.5-]{+38.2+}万元</c1>。"
    "开展“金秋助学”活动，资助考入大学的职工子女17名，每人2000元。继续组织全员参加职工医疗互助保障，年内为"
    "63名患病职工办理理赔，理赔金额11.6万元。对患大病、遭遇突发变故的"
    "职工，工会做到第一时间上门探望、第一时间启动救助。"))
P.append(para(
    "推动公司投入资金[-45-]{+52.6+}万元，改造职工食堂和倒班宿舍，为生产车间购置空调和直饮水机，夏季开展"
    "“送清凉”活动。组织职工健康体检，参检职工^1380人^；为216名女职工开展“两癌”筛查。深化女职工关爱行动，在二号厂区建成“爱心"
    "妈咪小屋”，“三八”节期间组织女职工开展健康知识讲座和插花、烘焙等活动，女职工的获得感进一步增强。"))

P.append(h2("（五）丰富文体生活，企业凝聚力不断增强"))
P.append(para(
    "以庆祝建党100周年为主线，举办职工迎新春联欢会、“永远跟党走”歌咏比赛和第六届职工运动会，参与职工26|00余"
    "人次。[-全年组织职工外出参观学习3批次，参加职工156人次。-]", mark_deleted=True))
P.append(para(
    "职工书屋新增图书800册，全年借阅近1900人次。新成立篮球、摄影、书法等职工兴趣协会，各协会利用业余时间定期开展活动，丰富了"
    "职工八小时以外的生活。组织劳模和先进职工分批"
    "疗休养，共64人。公司工会被县总工会命名为“模范职工之家”。"))

P.append(h1("二、存在的问题和不足"))
P.append(para(
    "回顾全年工作，还存在一些不足：一是各分工会工作开展不平衡，个别分工会全年组织活动不足3次；二是劳务派遣"
    "职工入会工作还有差距，年底仍有24名劳务派遣职工未入会；三是职工书屋利用率不高，青年职工参与文体活动的"
    "积极性有待提高；四是工会干部均为兼职，服务职工的能力和精力还需加强。对此，公司工会将认真研究，在新的一年里采取有效措施加以"
    "改进。"))

P.append(h1("三、2022年工作打算"))
P.append(para("2022年，公司工会将在公司党委的领导下，围绕公司年度生产经营目标，重点抓好以下工作，推动工会工作再上新台阶："))
P.append(para("（一）夯实组织基础。力争新发展会员[-100-]{+120+}人以上，职工入会率达到99%以上，劳务派遣职工做到"
              "应入尽入。"))
P.append(para("（二）深化民主管理。按期召开职代会，提案办结率达到100%，做好集体合同到期续签工作。"))
P.append(para("（三）深化劳动竞赛。职工技能比武不少于6个工种，收集合理化建议350条以上。"))
P.append(para("（四）做实服务职工。困难职工帮扶覆盖率保持100%，安排职工疗休养80人左右，职工书屋新增图书"
              "不少于500册。"))
P.append(para("（五）加强自身建设。深入开展“强素质、优作风”活动，完善工会经费管理和会务公开制度，推进“智慧工会”"
              "建设，提升服务职工的精准度和实效性。"))
P.append(para(  # Word leaves the _GoBack bookmark where the cursor was last
    "新的一年，公司工会将以习近平新时代中国特色社会主义思想为指导，坚持以职工为中心，"
    "进一步履行维护职工合法权益、竭诚服务职工群众的基本职责，团结动员全体职工为公司"
    "高质量发展贡献力量。", extra='<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'))
P.append(para("", indent=False))
P.append(para("安平机械有限公司工会", align="right", indent=False))
P.append(para("2022年1月12日", align="right", indent=False))

SECT = ('<w:sectPr w:rsidR="00A41C6E"><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" '
        'w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>')

BODY = "".join(P)

DOCUMENT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:document {NS}><w:body>{BODY}{SECT}</w:body></w:document>")


def comment_xml(n, date, text):
    return (f'<w:comment w:id="{n}" w:author="{REVIEWER}" w:date="{date}" w:initials="{REVIEWER_INITIALS}">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
            f"<w:r>{t(text)}</w:r></w:p></w:comment>")


COMMENTS_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f"<w:comments {NS}>" + "".join(comment_xml(n, d, x) for n, (d, x) in enumerate(COMMENTS))
                + "</w:comments>")

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
          'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
          '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>'
          '</w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
          '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
          '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
          '<w:basedOn w:val="DefaultParagraphFont"/><w:semiHidden/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/>'
          '</w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
          '<w:basedOn w:val="Normal"/><w:semiHidden/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
          '<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
          '</w:styles>')

SETTINGS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="420"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/>'
            '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
            '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '</w:compat>'
            '<w:rsids><w:rsidRoot w:val="00A41C6E"/>'
            + "".join(f'<w:rsid w:val="{r}"/>' for r in sorted(set(RSIDS))) +
            '</w:rsids><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>')

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                 '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
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
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
            '</Relationships>')

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<dc:title></dc:title><dc:creator>公司工会办公室</dc:creator><cp:lastModifiedBy>王立军</cp:lastModifiedBy>'
        '<cp:revision>7</cp:revision>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-06T08:40:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-01-11T09:45:00Z</dcterms:modified>'
        '</cp:coreProperties>')

APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Template>Normal.dotm</Template><Application>Microsoft Office Word</Application>'
       '<DocSecurity>0</DocSecurity><Company>安平机械有限公司</Company></Properties>')

PARTS = [
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", RELS),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOC_RELS),
    ("word/styles.xml", STYLES),
    ("word/settings.xml", SETTINGS),
    ("word/comments.xml", COMMENTS_XML),
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
