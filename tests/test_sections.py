"""Headings and the section tree."""
import pytest

from extractor.documents import find_documents
from extractor.sections import build_sections, number_value

TITLE = "平川县总工会2016年工作总结\n\n"
FILLER = "全县各级工会认真履行职能,工作取得明显成效,职工群众满意度不断提高,各项任务圆满完成。"


def tree(body: str):
    text = TITLE + body
    doc = find_documents(text)[0]
    return [(s.number, s.level, s.heading) for s in build_sections(text, doc)]


CASES = [
    ("standard nesting",
     f"一、主要工作\n{FILLER}\n(一)组织建设\n{FILLER}\n1.会员发展\n{FILLER}\n(1)农民工入会\n{FILLER}\n二、存在问题\n{FILLER}",
     [("一", 1, "主要工作"), ("(一)", 2, "组织建设"), ("1", 3, "会员发展"), ("(1)", 4, "农民工入会"), ("二", 1, "存在问题")]),
    ("bracketed labels under a numbered item are its sub-parts",
     f"一、主要工作\n1.织密服务网络\n【建阵地】{FILLER}\n【强队伍】{FILLER}\n2.加强宣传教育\n{FILLER}",
     [("一", 1, "主要工作"), ("1", 2, "织密服务网络"), (None, 3, "建阵地"), (None, 3, "强队伍"), ("2", 2, "加强宣传教育")]),
    ("1、 directly under 一、 is level 2",
     f"一、主要工作\n{FILLER}\n1、组建工会\n{FILLER}\n2、发展会员\n{FILLER}",
     [("一", 1, "主要工作"), ("1", 2, "组建工会"), ("2", 2, "发展会员")]),
    ("heading and body in one paragraph",
     f"一、主要工作\n1、工会组建工作。到5月底,全县新建工会20家。{FILLER}",
     [("一", 1, "主要工作"), ("1", 2, "工会组建工作")]),
    ("inline numbered items",
     "二、下半年工作\n1、完成帮扶中心建设。2、组织好职工运动会。3、做好两节慰问。",
     [("二", 1, "下半年工作"), ("1", 2, "完成帮扶中心建设"), ("2", 2, "组织好职工运动会"), ("3", 2, "做好两节慰问")]),
    ("level-1 heading running into 1、",
     f"二、发挥工会大学校作用,提高职工素质1、深化创建学习型组织活动。{FILLER}",
     [("二", 1, "发挥工会大学校作用,提高职工素质"), ("1", 2, "深化创建学习型组织活动")]),
    ("一是 is not a heading",
     f"一、主要工作\n一是加强组织建设,二是加强维权工作。{FILLER}",
     [("一", 1, "主要工作")]),
    ("a repeated number stays a heading",
     f"一、主要工作\n6、农民工培训\n{FILLER}\n6、经济技术工作\n{FILLER}",
     [("一", 1, "主要工作"), ("6", 2, "农民工培训"), ("6", 2, "经济技术工作")]),
    ("full-width and comma variants",
     f"一,主要工作\n{FILLER}\n(二)维权工作\n{FILLER}",
     [("一", 1, "主要工作"), ("(二)", 2, "维权工作")]),
    ("amounts and dates are not headings",
     f"一、主要工作\n3.5万名职工参加活动。{FILLER}\n5月11日,召开会议。{FILLER}",
     [("一", 1, "主要工作")]),
    ("an unnumbered heading with a subtitle under it",
     f"{FILLER}\n2025 工作谋划\n突出特色,统筹全局\n{FILLER}",
     [(None, 1, "2025 工作谋划")]),
    ("a signature and date at the end are not headings",
     f"{FILLER}\n平川县总工会\n二〇一七年一月五日\n{FILLER}",
     []),
    ("a first child after a space",
     f"现将情况报告如下:一、完成情况 (一)主要经济指标完成情况预计全年完成任务。{FILLER}",
     [("一", 1, "完成情况"), ("(一)", 2, "主要经济指标完成情况预计全年完成任务")]),
    ("month schedules with their items on the same line",
     f"四、各月工作安排\n二月份：开学前走访慰问困难教职工5户。\n三月份：召开教代会。\n七、八月份：组织疗休养。\n{FILLER}",
     [("四", 1, "各月工作安排"), ("二", 2, "二月份"), ("三", 2, "三月份"), ("七、八", 2, "七、八月份")]),
    ("a dash heading that opens with 在", f"{FILLER}\n——在服务大局上展现新作为\n{FILLER}",
     [(None, 1, "在服务大局上展现新作为")]),
    ("a speech's subtitle is no heading", f"——在县总工会十五届五次全委(扩大)会议上\n{FILLER}\n一、主要工作\n{FILLER}",
     [("一", 1, "主要工作")]),
    ("a later shallower style closes the deeper ones",
     f"4、重视宣传工作\n{FILLER}\n四、主要活动安排:\n一月份:\n1、庆元旦活动\n{FILLER}",
     [("4", 1, "重视宣传工作"), ("四", 1, "主要活动安排"), ("一", 2, "一月份"), ("1", 3, "庆元旦活动")]),
]


@pytest.mark.parametrize("name,body,expected", CASES, ids=[c[0] for c in CASES])
def test_section_tree(name, body, expected):
    assert tree(body) == expected


def test_parents_and_spans():
    body = f"一、主要工作\n{FILLER}\n1、组建工会\n{FILLER}\n二、下步打算\n{FILLER}"
    text = TITLE + body
    doc = find_documents(text)[0]
    sections = build_sections(text, doc)
    assert [s.parent for s in sections] == [None, "s1", None]
    assert sections[0].span[0] < sections[1].span[0] < sections[1].span[1] <= sections[0].span[1] <= sections[2].span[0]
    for s in sections:
        assert text[s.heading_span[0]:s.heading_span[1]].endswith(s.heading)


@pytest.mark.parametrize("written,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("(3)", 3), ("②", 2), ("12", 12)])
def test_number_value(written, value):
    assert number_value(written) == value


def test_a_posts_numbered_parts_triangle_items_and_a_quotes_speaker():
    body = (f"01 / 建会入会\n{FILLER}\n▶ 建会扩面\n{FILLER}\n“工会的律师陪我们跑了5趟仲裁,\n这个年总算过踏实了”\n"
            f"——建筑工人老周\n02 / 维权服务\n{FILLER}\n▶ 集体协商\n{FILLER}\n05 / 2024,接着干\n{FILLER}")
    found = tree(body)
    assert [(level, heading) for _, level, heading in found] == [
        (1, "建会入会"), (2, "建会扩面"), (1, "维权服务"), (2, "集体协商"), (1, "2024,接着干")]


def test_a_reports_parts_and_circled_items_inside_a_paragraph():
    body = (f"第一部分　2018年工作回顾\n一、夯实基层基础\n{FILLER}重点办好了以下实事:①开展“金秋助学”活动,资助子女128名;"
            f"②开展“送清凉”活动。\n第二部分　存在的问题\n{FILLER}\n第三部分　2019年工作打算\n一、扩大组织覆盖\n{FILLER}")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "2018年工作回顾"), (2, "夯实基层基础"), (1, "存在的问题"), (1, "2019年工作打算"), (2, "扩大组织覆盖")]


def test_keycap_parts_bracketed_sub_parts_and_a_keycap_list():
    body = (f"1️⃣ 组织建设\n【建会入会】\n{FILLER}\n【会员发展】\n{FILLER}\n2️⃣ 维权服务\n【集体协商】\n{FILLER}\n"
            f"3️⃣ 下半年打算\n{FILLER}\n1️⃣ 新建基层工会组织不少于30家\n2️⃣ 发展会员2000人以上\n{FILLER}")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "组织建设"), (2, "建会入会"), (2, "会员发展"), (1, "维权服务"), (2, "集体协商"), (1, "下半年打算")]


def test_a_yearbooks_bracketed_entries_share_their_paragraph():
    body = (f"【组织建设】年内新建基层工会42个,{FILLER}\n【维权维稳】深化集体协商,{FILLER}\n"
            f"【返回】\n【机构领导】主席 李某某(2015.3—)。\n")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "组织建设"), (1, "维权维稳"), (1, "机构领导")]


def test_a_speechs_spoken_points_head_their_paragraphs():
    body = (f"一、过去一年的工作\n第一,职工思想政治引领更加有力。{FILLER}\n第二,建功立业的舞台更加宽广。{FILLER}\n"
            f"首先,{FILLER}\n二、今年的任务\n第一,要在建会入会上攻坚克难。{FILLER}\n")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "过去一年的工作"), (2, "职工思想政治引领更加有力"), (2, "建功立业的舞台更加宽广"),
        (1, "今年的任务"), (2, "要在建会入会上攻坚克难")]


def test_a_table_row_after_a_bracket_is_no_heading():
    body = f"一、主要指标\n{FILLER}\n指标\t2022年\t2023年\n基层工会组织(家)\t1,208\t1,250\n会员(人)\t5,000\t5,300\n"
    assert [(level, heading) for _, level, heading in tree(body)] == [(1, "主要指标")]


def test_a_chronicles_month_lines_and_a_congress_proposals():
    body = (f"1月\n1月5日,{FILLER}\n2月\n2月上旬,{FILLER}\n"
            f"第12号提案:关于增设职工通勤班车的建议(提案人:张某等5名代表)\n办理情况:{FILLER}\n")
    assert [(level, heading[:6]) for _, level, heading in tree(body)] == [(1, "1月"), (1, "2月"), (2, "关于增设职工")]


def test_a_posts_symbol_parts_head_sections_and_their_dash_lead_ins_do_not():
    body = (f"【数说上半年】新建工会12家。\n◆ 上半年工作回顾\n● 建会入会提速扩面\n——基层组建。{FILLER}\n"
            f"——会员发展。{FILLER}\n★亮点工作★\n✅ 首家骑手之家揭牌\n◆ 存在的短板\n{FILLER}\n")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "上半年工作回顾"), (2, "建会入会提速扩面"), (2, "亮点工作"), (1, "存在的短板")]
    # with no symbol parts, dash lines head the paragraphs they open (一组成绩, each led by ——)
    assert [heading for _, _, heading in tree(f"——服务体系进一步健全。{FILLER}\n——帮扶效果显著。{FILLER}\n")] == [
        "服务体系进一步健全", "帮扶效果显著"]


def test_a_list_of_attachments_and_a_meetings_agenda_head_nothing():
    body = (f"一、会议议程\n议程如下:\n①传达学习会议精神;\n②宣读表彰决定;\n③作工作报告。\n{FILLER}\n"
            f"二、有关要求\n{FILLER}\n附件:1.参会回执\n2.颁奖顺序及座次安排\n")
    assert [heading for _, _, heading in tree(body)] == ["会议议程", "有关要求"]


def test_a_bulletins_items_are_headed_by_their_headlines_and_its_contents_list_is_chrome():
    from extractor.pipeline import parse_text
    text = ("工会工作简报\n2022年第12期(总第186期)\n本期导读\n◆高新区新建驿站15个\n◆县职工互助保障参保人数突破5万人\n"
            "━━━━━━━━━━━━\n高新区新建驿站15个\n本刊讯 今年以来,高新区工会新建户外劳动者驿站15个,服务职工3.2万人次,深受好评。\n"
            "(高新区工会)\n县职工互助保障参保人数突破5万人\n县总工会消息 截至9月15日,全县参保职工达到5.08万人,同比增长13.9%。\n")
    (doc,) = parse_text(text)
    assert doc.title == "工会工作简报"
    assert [s.heading for s in doc.sections] == ["高新区新建驿站15个", "县职工互助保障参保人数突破5万人"]
    assert 50000 in {i.value for i in doc.indicators} and len([i for i in doc.indicators if i.value == 15]) == 2


def test_numbered_items_a_sentence_lists_after_a_colon_head_nothing():
    body = f"一、主要工作\n主要做了以下工作:(1)筹集专项资金86万元;(2)发放口罩3.2万只;(3)开展招聘活动6场。{FILLER}\n"
    assert [heading for _, _, heading in tree(body)] == ["主要工作"]


def test_numbered_notes_under_a_notes_heading_head_nothing():
    body = f"一、主要工作\n全年发展会员3268人。{FILLER}\n注:\n1. 含新就业形态劳动者412人。\n2. 与2019年同口径比较。\n"
    assert [heading for _, _, heading in tree(body) if heading != "注"] == ["主要工作"]


def test_western_numbered_items_under_numbered_parts():
    body = (f"1. 2021年主要工作\n1) 组织建设\n{FILLER}\n2) 民主管理\n{FILLER}\n2. 存在的问题\n"
            f"a) 外包员工入会率偏低。{FILLER}\nb) 活动覆盖不均衡。{FILLER}\n3. 2022年工作计划\n(a) 扩大组织覆盖。{FILLER}\n")
    assert [(level, heading) for _, level, heading in tree(body)] == [
        (1, "2021年主要工作"), (2, "组织建设"), (2, "民主管理"), (1, "存在的问题"), (2, "外包员工入会率偏低"),
        (2, "活动覆盖不均衡"), (1, "2022年工作计划"), (2, "扩大组织覆盖")]


def test_a_transcripts_turns_head_nothing_and_a_titled_item_after_a_colon_heads_its_paragraph():
    from extractor.pipeline import parse_text

    text = ("某市总工会2023年工作新闻发布会实录\n第一,建会入会扎实推进。全年新建基层工会组织312家。\n"
            "【记者提问】新华网记者:新就业形态劳动者入会情况如何?\n【答】市总工会副主席:全年吸纳会员8900多人。\n"
            "(2)落实惠企政策。重点做了以下工作:\n①返还工会经费。对受疫情影响较大的小微企业,全额返还其2020年上缴的工会经费。\n"
            "大会议程如下:\n①听取和审议工作报告;\n②选举产生新一届委员会。\n")
    (doc,) = parse_text(text)
    assert [s.heading for s in doc.sections] == ["建会入会扎实推进", "落实惠企政策", "返还工会经费"]


def test_notes_that_open_on_their_line_head_nothing():
    from extractor.pipeline import parse_text

    text = ("南坪市总工会2022年度统计\n一、主要指标\n全市基层工会组织1935个。\n注:1.本表数据截至2022年12月31日。\n"
            "2.全年有196户困难职工实现解困脱困。\n3.市直工会含市级产业工会12个。\n")
    (doc,) = parse_text(text)
    assert [s.heading for s in doc.sections] == ["主要指标"]


def test_a_posts_parts_numbered_after_a_pin_and_its_figure_cards_are_no_headings():
    from extractor.pipeline import parse_text

    text = ("数说2022|清源工会这一年\n一年的辛苦与收获,都藏在这一组数字里,一起来看看吧。\n📌 01｜组织建设\n建会入会 扩面提质\n新建基层工会组织\n126家\n"
            "全区新建基层工会组织126家,推动辖区86家平台企业建立工会,把娘家建到了小哥们身边。\n📌 02｜维权服务\n"
            "深入推进集体协商要约行动,全区签订集体合同586份,覆盖职工6.8万人。\n企业职代会建制率\n91.5%\n"
            "我们把劳动争议诉调对接机制延伸到各街道,律师每周定点坐班,职工在家门口就能找到人。\n")
    (doc,) = parse_text(text)
    assert [(s.heading, s.level) for s in doc.sections] == [("组织建设", 1), ("维权服务", 1)]


def test_the_numbered_lines_under_a_sheets_filling_notes_head_nothing():
    from extractor.pipeline import parse_text

    text = ("北苑区总工会2023年工会工作统计表\n基本情况\n指标\t单位\t2022年\t2023年\n基层工会组织\t个\t612\t648\n会员\t人\t78906\t82274\n\n"
            "说明\n填表说明:\n1.全区职工入会率为92.1%,比上年提高0.8个百分点。\n2.困难职工帮扶资金203.8万元。\n")
    (doc,) = parse_text(text)
    assert not any(s.heading.startswith(("全区", "困难")) for s in doc.sections)


def test_notes_under_a_tables_rows_and_at_a_documents_end_close_the_body():
    body = (f"一、主要工作\n{FILLER}\n(一)组织建设\n{FILLER}\n注释\n[1] 含新就业形态劳动者工会12家。\n"
            "说明:\n1.入会率=会员数÷职工数×100%。\n2.全年新发展会员2100人。\n")
    assert [(n, level, h) for n, level, h in tree(body)] == [
        ("一", 1, "主要工作"), ("(一)", 2, "组织建设"), (None, 1, "注释"), (None, 1, "说明")]


def test_a_posts_bar_marks_a_sub_part_and_a_ranked_list_heads_nothing():
    body = (f"01 组织建设\n{FILLER}\n▍送温暖\n{FILLER}\n▍金秋助学\n{FILLER}\n02 比赛结果\n团体总分前八名如下:\n"
            "1.市电力公司工会 286分\n2.岭北钢铁集团工会 271分\n3.岭东区总工会 258.5分\n")
    assert [(level, h) for _, level, h in tree(body)] == [
        (1, "组织建设"), (2, "送温暖"), (2, "金秋助学"), (1, "比赛结果")]


def test_a_posts_emoji_headings_and_a_rule_of_dashes():
    body = (f"———————————\n🔥亮点一｜建会入会跑出“加速度”\n{FILLER}\n💪亮点二｜协商维权守住“基本盘”\n{FILLER}\n"
            f"———————————\n🚩2024，继续出发！\n{FILLER}\n")
    assert [(level, h) for _, level, h in tree(body)] == [
        (1, "建会入会跑出“加速度”"), (1, "协商维权守住“基本盘”"), (1, "2024，继续出发！")]
