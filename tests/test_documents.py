"""Page chrome, document splitting and metadata (title, org, type, period)."""
import pytest

from extractor.documents import find_documents, is_chrome
from extractor.pipeline import parse_text

CHROME_LINES = [
    ("公文素材库 首页", True),
    ("时间:2019-05-26 21:34:39 网站:公文素材库", True),
    ("当前位置:范文网 > 工作总结", True),
    ("来源:网络整理", True),
    ("相关阅读", True),
    ("http://m.example.net/gongwen/449275.html", True),
    ("……此处隐藏2632个字……", True),
    ("以下是小编精心整理的工会工作总结,欢迎大家借鉴与参考", True),
    ("一、主要工作情况", False),
    ("今年共签订集体合同25份,工资集体协议35份。", False),
    ("开鲁县总工会上半年工作总结", False),
]


@pytest.mark.parametrize("line,expected", CHROME_LINES)
def test_chrome_lines(line, expected):
    assert is_chrome(line) is expected


BODY = "今年以来,县总工会紧紧围绕县委中心工作,认真履行各项职能,扎实推进工会组建和职工维权工作,取得了明显成效。" * 3

PAGES = [
    # (page, number of documents, doc types)
    ("平川县总工会2016年上半年工作总结\n\n" + BODY, 1, ["summary"]),
    ("网站 首页\n\n平川县总工会2016年工作总结\n\n时间:2017-01-05 网站:范文网\n\n" + BODY
     + "\n\n扩展阅读:平川县总工会工作要点\n\n平川县总工会2017年工作要点\n\n" + BODY, 2, ["summary", "plan"]),
    ("学校工会工作计划精选3篇\n\n学校工会工作计划篇一\n\n" + BODY + "\n\n学校工会工作计划篇二\n\n" + BODY, 2, ["plan", "plan"]),
    ("本报讯 近日,平川县总工会举行送温暖慰问活动,为困难职工发放慰问金12万元。" + BODY, 1, ["report"]),
    ("平川县总工会2016年工作总结\n\n" + BODY + "\n\n平川县总工会2016年工作总结\n由互联网用户整理提供\n相关阅读\n", 1, ["summary"]),
]


@pytest.mark.parametrize("page,count,types", PAGES)
def test_documents_on_a_page(page, count, types):
    documents = find_documents(page)
    assert len(documents) == count
    assert [d.doc_type for d in documents] == types
    for doc in documents:
        assert 0 <= doc.span[0] < doc.span[1] <= len(page)


PERIODS = [
    # (title, year, year_text, masked, part)
    ("开鲁县总工会201*年上半年工作总结", None, "201*", True, "H1"),
    ("平川县总工会2016年工作总结", 2016, "2016", False, "year"),
    ("平川县总工会20xx年工作要点", None, "20xx", True, "year"),
    ("平川县总工会2017年第一季度工作汇报", 2017, "2017", False, "Q1"),
    ("平川县总工会2016年下半年工作打算", 2016, "2016", False, "H2"),
    ("平川县总工会XX年度工作总结", None, "XX", True, "year"),
]


@pytest.mark.parametrize("title,year,year_text,masked,part", PERIODS)
def test_period_from_title(title, year, year_text, masked, part):
    doc = find_documents(title + "\n\n" + BODY)[0]
    assert doc.title == title
    assert (doc.period.year, doc.period.year_text, doc.period.year_masked, doc.period.part) == (year, year_text, masked, part)


EVIDENCE = [
    ("以建国60周年为契机,", 2009),
    ("今年是建党90周年,", 2011),
    ("今年是“十二五”规划开局之年,", 2011),
]


@pytest.mark.parametrize("phrase,year", EVIDENCE)
def test_masked_year_inferred_from_evidence(phrase, year):
    doc = find_documents("平川县总工会20xx年工作总结\n\n" + phrase + BODY)[0]  # 20xx admits each year
    assert doc.period.year is None
    assert doc.period.year_inferred == year
    assert doc.period.year_evidence


def test_an_inferred_year_agrees_with_the_digits_the_mask_shows():
    # 工会十五大 (2008) cannot date a 201* document; 建党90周年 (2011) can
    doc = find_documents("平川县总工会201*年工作总结\n\n学习贯彻工会十五大精神,迎接建党90周年。" + BODY)[0]
    assert (doc.period.year_inferred, doc.period.year_evidence) == (2011, "建党90周年")
    doc = find_documents("平川县总工会201*年工作总结\n\n学习贯彻工会十五大精神。" + BODY)[0]
    assert doc.period.year_inferred is None
    doc = find_documents("平川县总工会20xx年工作总结\n\n学习贯彻工会十五大精神。" + BODY)[0]
    assert doc.period.year_inferred == 2008


ORGS = [
    ("开鲁县总工会201*年上半年工作总结", BODY, "开鲁县总工会"),
    ("县总工会半年工作总结", "半年来,嘉荫县总工会在市总工会的领导下,认真履职,工作取得新进展。" + BODY, "嘉荫县总工会"),
]


@pytest.mark.parametrize("title,body,org", ORGS)
def test_org(title, body, org):
    assert find_documents(title + "\n\n" + body)[0].org == org


def test_doc_types_from_titles():
    cases = {"平川县总工会2016年工作总结": "summary", "平川县总工会2016年工作汇报": "report",
             "平川县总工会2017年工作要点": "plan", "平川县总工会召开2016年度总结表彰大会": "report"}
    for title, doc_type in cases.items():
        assert find_documents(title + "\n\n" + BODY)[0].doc_type == doc_type, title


ORG_RULES = [
    # (page, org): the rules behind each
    ("街道工会工作总结\n\n今年以来,桂园街道总工会努力创新服务模式,重点开展了以下几项工作。" + BODY, "桂园街道总工会"),
    ("2016中学工会工作计划\n\n" + BODY, "中学工会"),
    ("梧州工会网讯 2014年1月,万秀区总工会开展春节送温暖慰问活动,为困难职工送去慰问金20万元。" + BODY, "万秀区总工会"),
    ("为了鼓励广大职工立足本职,全国总工会积极构建竞赛体系。" + BODY, "全国总工会"),
    # a masked name withholds the organisation: neither the generic title nor a superior body stands in
    ("县总工会工作总结\n\n2019年,**县总工会围绕中心工作,扎实推进各项任务。" + BODY, None),
    ("半年来,**街道总工会在区总工会的指导下,围绕中心开展工作。" + BODY, None),
    ("镇妇联工作报告\n\n各位代表:\n\n我受XX镇妇联第三届执委会委托,向大会报告工作。" + BODY, None),
    # a masked name inside a clause, not opening it, is another party
    ("工作总结\n\n今年,我们指导XX公司工会开展活动,石门县总工会发展会员200人。" + BODY, "石门县总工会"),
    # a masked superior body does not hide the document's own, named in the text
    ("县总工会工作总结\n\n今年,在**市总工会的领导下,青河县总工会认真履职。" + BODY, "青河县总工会"),
    # a year, plain or masked, before the name
    ("车间工会工作总结\n\nxx年铸造车间工会工作在公司工会的指导下稳步推进。" + BODY, "铸造车间工会"),
    # the tail of a verb is no name; the named union further on is
    ("新发展会员三千人\n\n今年以来,全市在已建工会中发展会员3000人,石门市总工会成立了工作专班。" + BODY, "石门市总工会"),
    # grassroots unions are what a headline counts, not who reports
    ("石门市基层工会超过800家\n\n截至年底,石门市总工会共有基层工会812家。" + BODY, "石门市总工会"),
    # a generic title with the named union on the line below it
    ("学校工会工作计划 篇一\n\n桃源小学工会2020年工作计划\n\n新学期,学校工会将围绕中心工作开展活动。" + BODY,
     "桃源小学工会"),
    # a place name that opens with a character that is also a preposition or function word
    ("向阳镇总工会2016年上半年工作总结\n\n" + BODY, "向阳镇总工会"),
    ("上海市总工会2019年工作要点\n\n" + BODY, "上海市总工会"),
    ("本溪市总工会2019年工作要点\n\n" + BODY, "本溪市总工会"),
    ("工作汇报\n\n今年,我们向县总工会汇报了三次工作。" + BODY, "县总工会"),  # a preposition, still
    # a body of the union named whole; an aid centre; a meeting between a company and its union
    ("南湖区总工会女职工委员会2020年工作总结\n\n" + BODY, "南湖区总工会女职工委员会"),
    ("平阳县困难职工帮扶中心2018年工作总结\n\n在县总工会的领导下,中心扎实工作。" + BODY, "平阳县困难职工帮扶中心"),
    ("宏泰钢铁集团公司第八届职工代表大会第三次会议工会工作报告\n\n各位代表:" + BODY, "宏泰钢铁集团公司工会"),
]


@pytest.mark.parametrize("page,org", ORG_RULES)
def test_org_rules(page, org):
    assert find_documents(page)[0].org == org


def test_title_and_first_sentence_on_one_line():
    doc = find_documents("上半年重点工作情况及下半年工作措施的调研报告今年以来,我镇在市委领导下扎实工作。" + BODY)[0]
    assert doc.title == "上半年重点工作情况及下半年工作措施的调研报告"
    assert doc.doc_type == "report" and doc.period.part == "H1"


def test_masked_year_of_a_report_followed_by_next_years_plan():
    page = ("平川县总工会201*年工作汇报\n\n" + BODY + "\n\n扩展阅读:\n\n平川县总工会201*年工作要点\n\n"
            "今年是建党90周年。" + BODY)
    report, plan = find_documents(page)
    assert plan.period.year_inferred == 2011
    assert report.period.year_inferred == 2010 and "2011" in report.period.year_evidence


def test_a_document_after_a_footer_marker_is_kept():
    page = ("平川县总工会2016年工作总结\n\n" + BODY + "\n相关阅读\n某某范文\n\n"
            "青山县总工会2016年工作总结\n\n" + BODY + "\n相关阅读\n最近更新\n")
    documents = find_documents(page)
    assert [d.org for d in documents] == ["平川县总工会", "青山县总工会"]
    assert not any("某某范文" in line.text for d in documents for line in d.lines)


def test_a_further_document_after_a_recommended_reading_line():
    page = ("向阳镇总工会2016年上半年工作总结\n\n" + BODY + "\n\n推荐阅读:乡镇工会下半年工作计划范文\n\n"
            "向阳镇总工会2016年下半年工作计划\n\n" + BODY)
    summary, plan = find_documents(page)
    assert plan.title == "向阳镇总工会2016年下半年工作计划" and plan.doc_type == "plan"


@pytest.mark.parametrize("sentence,year", [
    ("今年是中国共产党成立95周年,也是“十三五”规划的开局之年。", 2016),
    ("今年是红军长征胜利八十周年。", 2016),
    ("迎接新中国成立70周年。", 2019),
    ("“十四五”的开局之年。", 2021),
    ("纪念五四运动100周年。", 2019),
])
def test_a_masked_year_dated_by_an_anniversary_or_a_plan(sentence, year):
    doc = find_documents("平川县总工会20**年工作总结\n\n" + sentence + BODY)[0]
    assert doc.period.year_inferred == year


def test_a_breadcrumb_line_is_no_title():
    doc = find_documents("第一范文网 > 工作报告 > 工会工作报告\n\n东山县总工会2019年工作报告\n\n" + BODY)[0]
    assert doc.title == "东山县总工会2019年工作报告"


def test_an_event_report_covers_no_year():
    doc = find_documents("凤城区总工会2009年“两节”送温暖活动情况报告\n\n" + BODY)[0]
    assert doc.period.part is None


@pytest.mark.parametrize("title,org", [
    ("县总工会困难职工帮扶中心建设工作总结", "县总工会"),      # the centre is the topic, not the author
])
def test_a_union_body_as_topic_is_not_the_org(title, org):
    assert find_documents(title + "\n\n" + BODY)[0].org == org


@pytest.mark.parametrize("title,year", [
    ("某中学2019-2020学年度第一学期工会工作计划", 2019),      # a range of years keeps its first
    ("某县总工会工会工作规划(2018-2020)", 2018),
])
def test_a_range_of_years_is_not_a_range_of_money(title, year):
    assert find_documents(title + "\n\n" + BODY)[0].period.year == year


def test_lines_with_a_greater_than_sign_are_no_breadcrumb():
    assert not is_chrome("1.建会率>95%")
    assert is_chrome("第一范文网 > 工作报告 > 工会工作报告")


def test_a_headlines_short_name_for_the_full_one_in_the_text():
    doc = find_documents("瑞丰纺织公司工会为一线职工“充电”\n\n本网讯 近日,青潭瑞丰纺织有限公司工会举办培训班。" + BODY)[0]
    assert doc.org == "青潭瑞丰纺织有限公司工会"


@pytest.mark.parametrize("title,opening,org", [
    ("平川县医院工会开展义诊", "近日,平川县中医院工会组织医务人员义诊。", "平川县医院工会"),   # a sibling, not a full name
    ("青潭集团公司工会开展培训", "近日,青潭集团公司机关工会举办培训班。", "青潭集团公司工会"),  # a sub-body
])
def test_a_headlines_name_is_kept_when_the_text_names_another_body(title, opening, org):
    assert find_documents(title + "\n\n" + opening + BODY)[0].org == org


def test_a_body_bullet_with_figures_is_no_related_article():
    assert not is_chrome("· 开展职工读书征文活动,收到征文156篇,评选优秀作品30篇。")


def test_a_report_of_the_years_work_covers_the_year():
    doc = find_documents("长乐县总工会关于2017年工会工作情况的汇报\n\n县委:\n\n" + BODY)[0]
    assert (doc.period.year, doc.period.part) == (2017, "year")


def test_a_congress_report_on_five_years():
    page = ("团结奋进建功立业\n——在张江县工会第七次代表大会上的报告\n\n各位代表、同志们:\n"
            "现在,我代表张江县总工会第六届委员会向大会报告工作,请予审议。\n一、过去五年工作回顾\n"
            "县工会第六次代表大会以来的五年,全县各级工会团结动员广大职工建功立业。" + BODY)
    doc = find_documents(page)[0]
    assert doc.org == "张江县总工会"  # not 我代表……
    assert doc.period.part == "multi_year" and doc.period.year is None


def test_a_mastheads_document_is_titled_below_it():
    page = "张江县总工会文件\n\n张江县总工会2020年工作总结\n\n" + BODY
    assert find_documents(page)[0].title == "张江县总工会2020年工作总结"


def test_a_covering_notice_and_its_attachment_are_one_document():
    page = ("关于印发《松溪县总工会2021年工作要点》的通知\n\n各乡镇(街道)总工会:\n"
            "现将《松溪县总工会2021年工作要点》印发给你们,请认真抓好贯彻落实,并于3月20日前将本单位年度工作安排报县总工会办公室。\n"
            "松溪县总工会\n2021年2月26日\n附件:\n松溪县总工会2021年工作要点\n" + BODY)
    documents = find_documents(page)
    assert len(documents) == 1
    doc = documents[0]
    assert doc.org == "松溪县总工会" and doc.doc_type == "plan" and doc.period.year == 2021


def test_a_red_header_notice_is_by_its_masthead_not_its_addressees():
    page = ("天门市总工会文件\n\n天工发〔2019〕31号\n\n关于2019年前三季度全市工会重点工作进展情况的通报\n\n"
            "各县(区)总工会,天门经济开发区工会:\n" + BODY.replace("县总工会", "市总工会"))
    doc = find_documents(page)[0]
    assert doc.title == "关于2019年前三季度全市工会重点工作进展情况的通报"
    assert doc.org == "天门市总工会"


def test_a_reports_period_with_a_speech_subtitle():
    page = ("广和区总工会关于2021年工会经费收支决算和2022年预算(草案)的报告\n——在区总工会六届五次全委(扩大)会议上\n\n" + BODY)
    assert find_documents(page)[0].period.part == "year"


def test_a_newspaper_interview_its_masthead_headline_and_subtitles():
    from extractor.pipeline import parse_text

    filler = "赵立群:我们的想法很朴素,哪里有职工,工会组织就建到哪里,全年新建基层工会组织412家,发展会员1.86万人。"
    text = ("莲花日报　2022年12月28日　星期三　第A03版　要闻\n\n【年终访谈】把实事办到职工心坎上——访莲花市总工会党组书记、主席 赵立群\n\n"
            "本报记者　王璐\n\n" + filler + "\n\n让技能人才“有舞台”\n\n记者:听说今年的职工技能大赛规模很大?\n\n" + filler
            + "\n\n新的一年,继续当好“娘家人”\n\n记者:2023年,市总工会有哪些打算?\n\n赵立群:明年我们计划新建基层工会300家以上。\n")
    (doc,) = parse_text(text)
    assert doc.title.startswith("把实事办到职工心坎上") and doc.org == "莲花市总工会"
    assert [(s.heading, s.category) for s in doc.sections] == [
        ("让技能人才“有舞台”", "achievements"), ("新的一年,继续当好“娘家人”", "plans")]


def test_a_year_in_chinese_numerals_a_notices_title_and_a_portals_disclosure_box():
    from extractor.pipeline import parse_text

    body = "全县各级工会认真履行职能,工作取得明显成效,职工群众满意度不断提高,各项任务圆满完成。全年新建工会组织30家。\n"
    (doc,) = parse_text("宝山县总工会二〇一八年工作总结\n\n" + body)
    assert (doc.period.year, doc.period.part) == (2018, "year")
    (doc,) = parse_text("青林县总工会关于2019年“两节”送温暖资金发放情况的公示\n\n根据上级工会的部署," + body)
    assert doc.title.endswith("的公示") and doc.doc_type == "other"
    (doc,) = parse_text("索引号:\tTH-ZGH-2022-0006\t发布机构:\t桃河县总工会\n桃河县总工会2021年度工会经费收支决算情况的报告\n" + body)
    assert doc.title.startswith("桃河县总工会2021年度")


def test_an_old_portals_columns_above_a_stamped_title_and_its_links_and_comments_below():
    page = ("工会动态\n·全市新建工会组织120家\n·慰问职工2.3万人次\n通知公告\n·2020年职工书屋申报指南\n"
            "台溪市总工会2020年工作要点\n发布时间:2020-1-21 10:08:32 来源:市总工会办公室\n"
            + "全年新建基层工会组织150家,新发展会员1.5万人,签订集体合同1900份,筹集送温暖资金1500万元。" * 3 + "\n"
            "相关文章\n·台溪市总工会2019年工作总结\n网友评论\n我们厂去年也签了3份合同。\n")
    docs = parse_text(page)
    assert [d.title for d in docs] == ["台溪市总工会2020年工作要点"]
    assert {i.value for i in docs[0].indicators} == {150, 15000, 1900, 15000000}


def test_a_table_annexed_to_a_plan_is_part_of_it():
    text = ("金平县总工会2021年工作要点\n一、主要目标\n" + "全年新建基层工会组织50家,发展会员3000人。" * 3 + "\n"
            "附件:金平县总工会2021年重点工作任务分解表\n序号\t工作任务\t目标值\t责任部门\n1\t新建基层工会组织\t50家\t组织部\n")
    docs = parse_text(text)
    assert len(docs) == 1 and len(docs[0].indicators) == 7


def test_what_is_new_and_the_whole_stock_are_no_conflict():
    (doc,) = parse_text("县总工会2019年工作总结\n一、主要工作\n全年新建职工书屋15家,全县职工书屋总数达到68家。\n")
    assert not [f for f in doc.findings if f.check == "value.conflict"]


def test_a_chronicle_of_a_year_is_of_the_year_and_an_awards_year_is_not_the_documents():
    body = "\n" + "全年新建基层工会组织50家,发展会员3000人,签订集体合同200份,各项工作取得明显成效。" * 2 + "\n"
    (chronicle,) = parse_text("临江县总工会2018年大事记" + body)
    (notice,) = parse_text("金河市总工会关于推荐2023年度“五一劳动奖章”候选人的公示" + body)
    assert chronicle.period.part == "year" and notice.period.part is None


def test_a_school_terms_summary_has_no_part():
    body = "\n" + "本学期校工会组织教职工开展文体活动28场,慰问生病住院教职工86人次,各项工作取得明显成效。" * 2 + "\n"
    (doc,) = parse_text("青湖大学工会2020—2021学年第一学期工作总结" + body)
    assert doc.period.year == 2020 and doc.period.part is None


def test_a_summary_forwarded_in_an_email_keeps_its_headings_and_spans():
    text = ("发件人: 白泉县总工会办公室 <bqzgh@163.com>\n发送时间: 2019年7月8日 星期一 16:32\n主题: 转发:县总工会上半年工作总结\n"
            "-----原始邮件-----\n> 县总工会2019年上半年工作总结\n> 一、主要工作\n> 全县新建工会组织30家,发展会员2000人,签订集体合同25份。\n"
            "> 二、存在问题\n> 部分企业建会积极性不高。\n--\n王明\n")
    (doc,) = parse_text(text)
    assert doc.title == "县总工会2019年上半年工作总结" and doc.period.part == "H1"
    assert [s.heading for s in doc.sections] == ["主要工作", "存在问题"]
    assert [text[i.span[0]:i.span[1]] for i in doc.indicators] == ["新建工会组织30家", "发展会员2000人", "签订集体合同25份"]


def test_an_emails_covering_note_is_no_document():
    text = ("发件人: 白泉县总工会办公室 <bqzgh@163.com>\n主题: 转发:县总工会上半年工作总结\n\n王科长:您好!现将我县上半年工作总结发给您,"
            "请审阅。附件3个,共1.2MB。统计表里个别数字是5月底的口径,如有出入以正文为准。谢谢!\n白泉县总工会办公室 赵敏\n\n"
            "-----原始邮件-----\n发件人: 孙立新\n主题: 上半年总结\n> 赵主任:上半年总结已改好,第三部分又补了两条。\n"
            "> 白泉县总工会2019年上半年工作总结\n> 一、主要工作\n> 全县新建工会组织30家,发展会员2000人,签订集体合同25份。\n")
    docs = parse_text(text)
    assert [d.title for d in docs] == ["白泉县总工会2019年上半年工作总结"]
    assert [i.value for i in docs[0].indicators] == [30, 2000, 25]


def test_a_meetings_resolution_is_issued_by_the_meeting():
    body = "\n" + "会议听取了工会主席所作的工作报告,同意报告对过去一年工作的回顾和今年工作的部署,全年开展劳动竞赛20项。" * 2 + "\n"
    (doc,) = parse_text("信和集团公司第六届职工代表大会第二次会议关于工会工作报告的决议" + body)
    assert doc.doc_type == "other" and doc.org == "信和集团公司第六届职工代表大会第二次会议"


def test_a_years_statistics_bulletin_is_of_the_year():
    body = "\n" + "截至2021年底,全市基层工会组织3295个,工会会员38.03万人,职工入会率92.3%,各项指标稳步增长。" * 2 + "\n"
    (doc,) = parse_text("石岩市总工会2021年工会统计公报" + body)
    assert doc.period.year == 2021 and doc.period.part == "year"


def test_a_weibo_threads_page_furniture_is_chrome():
    text = ("西湖区总工会 V\n粉丝 2.6万 | 关注 318 | 全部微博(3862)\n置顶\n"
            "【2022年度回顾①】岁末盘点 2022年工作回顾来啦:全区工会会员总数达到11.6万人,全年新建基层工会组织68家。(1/8)\n"
            "收起全文d\n12-30 18:05 来自 微博 weibo.com\n转发 23 | 评论 5 | 赞 88\n")
    (doc,) = parse_text(text)
    assert sorted(i.value for i in doc.indicators) == [68, 116000]
    assert doc.doc_type == "summary" and doc.period.year == 2022


@pytest.mark.parametrize("head, title", [
    ("青石县总工会文件\n青工发〔2024〕2号\n青石县总工会\n关于2023年工作情况的总结\n",
     "青石县总工会关于2023年工作情况的总结"),
    ("白沙区总工会关于2022年度\n工会统计调查情况的报告\n", "白沙区总工会关于2022年度工会统计调查情况的报告"),
    ("兰溪镇总工会\n兰溪镇总工会\n2019年上半年工作总结\n", "兰溪镇总工会2019年上半年工作总结"),
])
def test_a_title_printed_over_two_lines_is_one_title(head, title):
    body = "今年以来,全县新建基层工会组织38家,新发展会员2160人,签订集体合同215份,覆盖职工2.3万人。\n一、主要工作\n走访慰问困难职工386户。\n"
    (doc,) = parse_text(head + body)
    assert doc.title == title and doc.org == title[:title.index("工会") + 2]


def test_a_compilations_cover_and_contents_are_no_document():
    text = ("桥东区基层工会工作交流材料汇编\n桥东区总工会编印\n二〇二二年一月\n目录\n"
            "东风街道总工会2021年工作总结……………3\n华宇公司工会2021年工作报告……………5\n"
            "东风街道总工会2021年工作总结\n"
            "2021年,街道总工会团结动员辖区广大职工建功立业,较好地完成了全年各项目标任务,全年新建基层工会组织18家,新发展会员1260人。\n"
            "一、主要工作\n走访慰问困难职工426户,发放慰问金38.6万元,为困难职工子女发放助学金,每人2000元,在辖区商圈新建户外劳动者服务站点5个。\n"
            "华宇公司工会2021年工作报告\n"
            "2021年,公司工会在公司党委的领导下,围绕生产经营中心工作,组织开展劳动竞赛12项,参赛职工1500人次,职工入会率98.6%。\n"
            "一、主要工作\n举办技能比武8项,评选技术能手20名,征集合理化建议356条,采纳212条,创造经济效益约260万元,职工满意度明显提升。\n")
    documents = parse_text(text)
    assert [(d.title, d.org, d.doc_type) for d in documents] == [
        ("东风街道总工会2021年工作总结", "东风街道总工会", "summary"), ("华宇公司工会2021年工作报告", "华宇公司工会", "report")]


@pytest.mark.parametrize("title, doc_type", [
    ("松河市总工会关于印发《关于开展2022年全市职工职业技能竞赛的实施方案》的通知", "plan"),
    ("怀远县总工会2020年工作总结暨2021年工作计划", "summary"),
    ("县总工会关于开展“金秋助学”活动的总结", "summary"),
    ("县总工会召开2023年工作总结暨表彰大会", "report"),
    ("白杨县总工会2022年重点工作任务分解表", "plan"),
    ("数说2023 区总工会这一年", "summary"),
])
def test_a_title_ending_in_its_kind_of_document_and_a_notice_issuing_one(title, doc_type):
    from extractor.documents.metadata import doc_type_of

    assert doc_type_of(title, "") == doc_type


def test_a_union_federation_and_a_bulletins_editor_name_the_issuer_and_twelve_months_a_year():
    (doc,) = parse_text("朝阳社区工会联合会主席2022年述职报告\n各位会员代表:\n一年来,社区工会联合会新发展会员136人。\n")
    assert doc.org == "朝阳社区工会联合会"
    text = ("工会工作简报\n2022年第12期(总第186期)\n云溪市总工会办公室编  2022年9月26日\n"
            "市总工会开展“金秋助学”活动\n本刊讯 8月中旬至9月上旬,市总工会开展2022年“金秋助学”活动,资助困难职工子女326名,"
            "发放助学金125.4万元,其中资助本科新生138名,每人5000元,在读大学生112名,每人3000元。\n")
    assert parse_text(text)[0].org == "云溪市总工会"
    (monthly,) = parse_text("晓山区总工会2019年1-12月工会工作统计月报汇总\n全年新建工会组织62家,发展会员4630人。\n")
    assert (monthly.period.year, monthly.period.part) == (2019, "year")


def test_a_county_named_with_a_character_that_also_means_and_keeps_it():
    from extractor.documents.metadata import doc_type_of, org_of

    title = "和坪县总工会2023年“两节”送温暖资金发放明细表"
    assert (org_of(title, ""), doc_type_of(title, "")) == ("和坪县总工会", "other")


def test_an_issuer_over_its_document_number_is_a_masthead_and_a_year_summary_table_is_of_the_year():
    text = ("汝阳市总工会\n汝工发〔2024〕6号\n汝阳市总工会关于印发《汝阳市总工会2024年\n职工技能提升行动实施方案》的通知\n"
            "各县(市、区)总工会:\n现将方案印发给你们,请认真抓好落实。全年计划培训职工4万人次以上,确保各项任务落到实处。\n")
    (doc,) = parse_text(text)
    assert doc.title == "汝阳市总工会关于印发《汝阳市总工会2024年职工技能提升行动实施方案》的通知"
    assert doc.doc_type == "plan"
    (table,) = parse_text("白杨县总工会2023年困难职工帮扶资金使用情况汇总表\n乡镇\t户数\t金额(元)\n城关镇\t42\t102000\n河口镇\t40\t98000\n")
    assert table.period.year == 2023 and table.period.part == "year"


def test_a_posts_byline_and_follow_prompt_are_chrome():
    assert is_chrome("原创 宣教部 林晓岚 清源工会 2023-01-12 17:45")
    assert is_chrome("👆 点击上方蓝字 关注清源工会")
    assert not is_chrome("清源区总工会团结带领全区各级工会")


def test_a_bulletins_masthead_gives_way_to_its_issues_title_and_a_months_title_is_of_the_month():
    text = ("安和市总工会12351职工服务热线\n运行情况通报\n2023年第11期(总第35期)\n安和市总工会权益保障部　　2023年12月5日\n"
            "安和市总工会12351职工服务热线2023年11月运行情况通报\n各县(市、区)总工会:\n"
            "11月,热线共呼入来电2132个,人工接听1987个,接通率93.20%,各项运行指标总体平稳。\n")
    (doc,) = parse_text(text)
    assert doc.title == "安和市总工会12351职工服务热线2023年11月运行情况通报"
    assert (doc.period.year, doc.period.part) == (2023, "month")


def test_a_formal_title_under_a_portals_name_and_a_headline():
    page = ("临水市人民政府\n市总工会：全市38.6万名会员实现实名入库\n"
            "发布时间：2024-01-22 10:26 来源：临水市总工会 浏览次数：2146\n"
            "临水市总工会关于2023年会员实名制和普惠服务工作情况的报告\n"
            "2023年，市总工会坚持以职工为中心，全市实名入库会员386215人，累计发放会员服务卡241860张，"
            "全年开展普惠活动326场。现将有关情况报告如下。\n")
    (doc,) = parse_text(page)
    assert doc.title == "临水市总工会关于2023年会员实名制和普惠服务工作情况的报告"
    assert (doc.period.year, doc.period.part) == (2023, "year")
    # the headline's figure is the document's; the site's name is no part of it
    assert [i.value for i in doc.indicators][:1] == [386000]


def test_an_election_report_is_about_no_period_and_not_the_year_the_old_term_began():
    page = ("金源化工有限公司工会关于第五次会员代表大会选举结果的报告\n"
            "公司第四届工会委员会于2018年7月经第四次会员代表大会选举产生,现已任期届满。经公司党委研究同意,"
            "公司工会于2023年6月28日召开第五次会员代表大会,选举产生了第五届工会委员会。现将选举结果报告如下:\n"
            "大会应到会员代表156名,实到148名。\n")
    (doc,) = parse_text(page)
    assert (doc.period.year, doc.period.part) == (2023, None)


def test_a_posts_title_names_its_union_after_the_bar():
    (doc,) = parse_text("数说2023丨清河区总工会这一年\n全年新建基层工会52家,新发展会员3126人,会员总数达到16.8万人。\n")
    assert doc.org == "清河区总工会"


def test_a_forms_number_over_its_title_and_a_survey_tables_year():
    page = ("表3　临浦县总工会制表\n\n香山机械有限公司工会2023年“职工之家”建设情况调查表\n"
            "填报单位（盖章）：香山机械有限公司工会　统计时段：2023年1月1日—2023年12月31日\n\n一、单位基本情况\n"
            "职工总数：1,286人，其中女职工：352人。\n")
    (doc,) = parse_text(page)
    assert doc.title == "香山机械有限公司工会2023年“职工之家”建设情况调查表"
    assert (doc.org, doc.period.year, doc.period.part) == ("香山机械有限公司工会", 2023, "year")
