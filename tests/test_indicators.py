"""Indicator records from text: SPEC section 3's examples and the rules behind them."""
import pytest

from extractor.pipeline import parse_text

TITLE = "平川县总工会2016年工作总结\n\n一、主要工作\n"


def indicators(sentence: str, title: str = TITLE):
    docs = parse_text(title + sentence, use_model=False)
    return [i for d in docs for i in d.indicators]


def find(sentence: str, value, title: str = TITLE):
    found = [i for i in indicators(sentence, title) if i.value == value or (value is None and i.masked)]
    assert found, f"no indicator with value {value} in {sentence!r}"
    return found[0]


# SPEC section 3, "Include": (sentence, value, unit, object contained in ours, extra expectations)
INCLUDE = [
    ("今年建立基层工会委员会20家。", 20, "家", "基层工会委员会", {}),
    ("全县组成六个代表队参赛。", 6, "个", "代表队", {}),
    ("共有18名选手参加决赛。", 18, "名", "选手", {}),
    ("县总工会组成三个调研组开展调研。", 3, "个", "调研组", {}),
    ("深入50家规模以上企业开展调研。", 50, "家", "企业", {}),
    ("邀请近百名历届劳模参加座谈。", 100, "名", "劳模", {"approx": "近"}),
    ("全市参加活动的职工达7万余人。", 70000, "人", "职工", {"approx": "余"}),
    ("县政府每亩补助400元。", 400, "元", "补助", {"per": "亩"}),
    ("创造和节约价值223万元,完成任务的112%。", 112, "%", "任务", {}),
    ("职代会建制率力争达到建会企业的90%以上。", 90, "%", "职代会建制率", {"bound": "lower", "status": "target"}),
    ("已完成组建三分之一村级工会。", 0.3333, "fraction", "村级工会", {"kind": "fraction"}),
    ("培训人员已经达到201*余人次。", None, "人次", "人员", {"masked": True, "approx": "余"}),
    ("已投入救助资金25万余元。", 250000, "元", "救助资金", {"approx": "余", "kind": "money", "concept": "aid_funds"}),
    ("全年签订集体合同25份。", 25, "份", "集体合同", {"predicate": "签订", "concept": "collective_contracts"}),
]


@pytest.mark.parametrize("sentence,value,unit,obj,extra", INCLUDE, ids=[c[0][:12] for c in INCLUDE])
def test_spec_include(sentence, value, unit, obj, extra):
    ind = find(sentence, value)
    assert ind.unit == unit
    assert obj in ind.object or ind.object in obj
    for field, expected in extra.items():
        assert getattr(ind, field) == expected, field


# SPEC section 3, "Exclude": nothing in these phrases is an indicator.
EXCLUDE = [
    "到5月底完成任务。", "5月11日召开会议。", "201*年工作顺利开展。", "9月份举办活动。",
    "组织好第二届职工运动会。", "召开第十二届四次全委会议。", "评选五一劳动奖章获得者。", "落实十一五规划和十二五规划。",
    "创建六好工会。", "开展五小竞赛。", "做好两节慰问。", "庆祝三八妇女节。", "履行四大职能。", "实施五大工程和五项工程。",
    "开展三创活动。", "庆祝建国60周年和建党90周年。", "咨询电话0475-6221234。", "网址http://www.example.com/12345。",
]


@pytest.mark.parametrize("sentence", EXCLUDE)
def test_spec_exclude(sentence):
    assert indicators(sentence) == []


def test_enumeration_shares_its_verb():
    found = indicators("共签订集体合同25份,工资集体协议35份,女职工劳动保护协议60份。")
    assert [(i.value, i.object, i.predicate) for i in found] == [
        (25, "集体合同", "签订"), (35, "工资集体协议", "签订"), (60, "女职工劳动保护协议", "签订")]


def test_two_counts_in_one_phrase():
    found = indicators("组织了4个企业300名职工参加培训。")
    assert [(i.value, i.unit, i.object) for i in found] == [(4, "个", "企业"), (300, "名", "职工")]


def test_a_part_needs_its_total_in_reach():
    # the marker opens its sentence: the total may close the sentence before
    found = indicators("共筹集帮扶资金86万元;其中市总工会下拨30万元。")
    assert found[1].part_of == found[0].id
    for text in ("全县现有会员52000人。(其中农民工会员18000人)", "全县共有会员52000人。这其中,农民工会员18000人。"):
        found = indicators(text)
        assert found[1].part_of == found[0].id, text
    # a clause of other words before the marker: the figure before it is no total
    found = indicators("其中本科资助5000元,专科资助4000元;另一部分对困难职工子女实施资助,其中本科资助3000元。")
    assert found[2].part_of is None


def test_part_of_links_to_the_total():
    total, part = indicators("发展会员5005人,其中农牧民工3500人。")
    assert (total.value, part.value) == (5005, 3500)
    assert part.part_of == total.id and total.part_of is None


def test_elided_noun_comes_from_the_clause_before():
    target, actual = indicators("县总工会的招商引资目标是120万元,现已完成128万元。")
    assert (target.status, actual.status) == ("target", "actual")
    assert target.object == actual.object == "招商引资"


STATUS = [
    ("今年的培训目标是2400人。", 2400, "target"),
    ("计划新建工会组织30家。", 30, "target"),
    ("力争发展会员2000人。", 2000, "target"),
    ("全年发展会员2100人。", 2100, "actual"),
    ("县总工会将特困职工标准从700元提高到900元。", 900, "actual"),
    ("围绕“安全生产”目标,在36个重点项目开展劳动竞赛。", 36, "actual"),  # a named goal is a noun
    ("围绕全年目标,力争在36个重点项目开展劳动竞赛。", 36, "target"),
]


@pytest.mark.parametrize("sentence,value,status", STATUS)
def test_status(sentence, value, status):
    assert find(sentence, value).status == status


FRAMED = "预计1-9月份,完成工业产值8.6亿元,同比增长12%;财政收入2300万元,同比增长9%。去年财政收入2100万元。"


def test_a_target_cue_that_opens_a_sentence_frames_its_parts():
    found = [(i.value, i.status) for i in indicators(FRAMED)]
    assert found == [(860000000, "target"), (12, "target"), (23000000, "target"), (9, "target"),
                     (21000000, "actual")]  # a new sentence, and its own cue


def test_gong_inside_a_word_is_no_sign_of_a_fact():
    # 共 (in all) reports a fact; 公共 (public) does not, so the framing cue holds
    found = [i.status for i in indicators("预计全年,完成产值9亿元;公共财政收入2500万元。")]
    assert found == ["target", "target"]


def test_a_cue_inside_a_part_does_not_frame_the_next():
    found = [(i.value, i.status) for i in indicators("完成工业产值8.6亿元,力争增长12%;财政收入2300万元。")]
    assert found == [(860000000, "actual"), (12, "target"), (23000000, "actual")]


def test_plan_document_figures_are_targets():
    ind = find("开展职工培训20期。", 20, title="平川县总工会2017年工作要点\n\n一、主要任务\n")
    assert ind.status == "target"


def test_change_gives_two_linked_figures():
    found = indicators("困难职工救助标准由每人400元提高到700元。")
    assert [(i.value, i.change) for i in found] == [(400, "from"), (700, "to")]
    assert found[0].object == found[1].object


def test_spans_show_the_source_text():
    text = TITLE + "全年簽訂集體合同２５份，投入救助資金25萬餘元。"
    for ind in parse_text(text, use_model=False)[0].indicators:
        assert text[ind.span[0]:ind.span[1]] == ind.text
        assert ind.span[0] <= ind.quantity_span[0] < ind.quantity_span[1] <= ind.span[1]
    values = [i.value for i in parse_text(text, use_model=False)[0].indicators]
    assert values == [25, 250000]


def test_normalised_fields_are_simplified():
    ind = parse_text(TITLE + "全年簽訂集體合同25份。", use_model=False)[0].indicators[0]
    assert ind.object == "集体合同" and ind.predicate == "签订" and ind.text == "簽訂集體合同25份"


RESPECTIVELY = [
    ("全县新建职工书屋、职工之家和妇女之家分别为12家、8家、5家。", [(12, "职工书屋"), (8, "职工之家"), (5, "妇女之家")]),
    ("基层工会和女职工组织分别达到412家、186个。", [(412, "基层工会"), (186, "女职工组织")]),
]


@pytest.mark.parametrize("sentence,expected", RESPECTIVELY)
def test_respectively_hands_values_to_listed_objects(sentence, expected):
    assert [(i.value, i.object) for i in indicators(sentence)] == expected


def test_a_line_break_ends_a_clause():
    found = indicators("基本情况\n全镇8.2万人,48个村。")
    assert [(i.value, i.object) for i in found] == [(82000, "全镇"), (48, "村")]


NOT_INDICATORS = [
    "组织教职工学习《新时代中小学教师职业行为十项准则》。",  # a count inside a title
    "对获得前三名的选手给予奖励。",                          # a rank
    "做到不漏一户、不落一人。",                              # a slogan
    "开通热线,全年24小时受理职工求助。",                     # service hours
    "区四套班子领导带队走访慰问。",                          # a name
    "个别单位连续两年未参保。",                              # a run of years, not a count
    "2019年12月二十一起,全面开展职工走访。",                 # a date: from the 21st
]


@pytest.mark.parametrize("sentence", NOT_INDICATORS)
def test_phrases_that_are_not_indicators(sentence):
    assert indicators(sentence) == []


def test_site_chrome_under_the_title_gives_no_indicator():
    text = "平川县总工会送温暖工作总结\n时间:2012-05-17 10:21 网站:范文网 来源:网络整理 浏览:2386次\n" \
           "今年全县共慰问困难职工1520户,发放慰问金86万元。"
    found = [i for d in parse_text(text, use_model=False) for i in d.indicators]
    assert [i.value for i in found] == [1520, 860000]


OBJECT_RULES = [
    ("全年培训职工760人次,其中农民工技能培训310人次。", 310, "农民工技能培训"),
    ("共筹集资金286万元,其中区总工会自筹96万元、企业和社会捐助58万元。", 580000, "企业和社会捐助"),
    ("资助考入本科院校的学生每人4000元。", 4000, "资助"),
    ("确保完成全年发展会员2000人的任务。", 2000, "会员"),
    ("新建职工书屋2家,另有3家正在筹建之中。", 3, "职工书屋"),
    ("督促7家企业补签劳动合同380份。", 380, "劳动合同"),
]


@pytest.mark.parametrize("sentence,value,obj", OBJECT_RULES)
def test_object_rules(sentence, value, obj):
    assert find(sentence, value).object == obj


@pytest.mark.parametrize("sentence,value,status", [
    ("为包联村争取项目资金30万元。", 300000, "actual"),
    ("争取举办职工运动会2场。", 2, "target"),
])
def test_zhengqu_is_a_plan_only_before_a_verb(sentence, value, status):
    assert find(sentence, value).status == status


MORE_OBJECT_RULES = [
    ("市总工会公布了11件2020年服务职工的实事项目。", 11, "实事项目"),      # a year between the figure and its noun
    ("学校工会用于奖励发放的金额达800多元。", 800, "金额"),                 # the head noun after 的
    ("共签订五项集体合同177份。", 177, "集体合同"),                         # kinds, then the count
    ("新建百人以上企业工会组织4家。", 4, "企业工会组织"),                   # 组织 used as a noun
    ("全省98个县(市、区)工会建立了法律援助站。", 98, "县(市、区)工会"),      # a list of units in brackets
    ("组织6个乡(镇、街道)工会开展劳动竞赛。", 6, "乡(镇、街道)工会"),
    ("新建职工之家(站)14个。", 14, "职工之家(站)"),                        # its closing bracket kept
    ("举办讲座6场,800余人参加了法律知识讲座。", 800, "法律知识讲座"),       # people, by what they joined
]


@pytest.mark.parametrize("sentence,objects", [
    ("在去年45家的基础上,今年又增加5家,累计签订工资集体协议50家。", ["工资集体协议"] * 3),
    ("今年新建3家,累计建成职工书屋20家。", ["职工书屋", "职工书屋"]),
    # another unit, another sentence, or no running total: nothing is borrowed
    ("今年新建3个,累计建成职工书屋20家。", ["新建", "职工书屋"]),
    ("今年新建3家。累计建成职工书屋20家。", ["新建", "职工书屋"]),
])
def test_figures_before_a_running_total_count_what_it_counts(sentence, objects):
    assert [i.object for i in indicators(sentence)] == objects


@pytest.mark.parametrize("sentence,value,obj", [
    ("这样的职工驿站,全区今年将建成35个。", 35, "职工驿站"),   # a topic named before, then only a verb
    ("此类活动,全年共举办12场。", 12, "活动"),
    ("职工驿站条件较好,全区今年建成35个。", 35, "建成"),       # no demonstrative: no topic
])
def test_a_topic_named_in_the_clause_before(sentence, value, obj):
    assert find(sentence, value).object == obj


@pytest.mark.parametrize("sentence,value,predicate,obj", [
    ("今年,机关花了近3万元新建了职工篮球场。", 30000, "花", "职工篮球场"),  # what the money bought
    ("投入资金30万元用于职工书屋建设。", 300000, "投入", "资金"),          # a noun before the sum comes first
    ("出资5万元购置健身器材20套。", 20, "购置", "健身器材"),              # the next figure keeps its words
])
def test_money_spent_counts_what_it_bought(sentence, value, predicate, obj):
    ind = find(sentence, value)
    assert (ind.predicate, ind.object) == (predicate, obj)


@pytest.mark.parametrize("sentence,value,predicate,obj", [
    ("15个村(社区)工会完成换届。", 15, None, "村(社区)工会"),                 # one unit in brackets
    ("组织“安康杯”知识竞赛3次。", 3, "组织", "“安康杯”知识竞赛"),          # a quoted name keeps both marks
    ("有4家企业工会半年以上未开展活动。", 4, "有", "企业工会"),               # a span of time ends the phrase
    ("二是经费收缴率只有85%。", 85, None, "经费收缴率"),                       # a rate term kept whole
    ("计划筹集慰问资金18万元。", 180000, "筹集", "慰问资金"),                 # 慰问 qualifies the money
    ("走访慰问困难职工96户。", 96, "慰问", "困难职工"),                       # ...but is the verb here
    ("调处劳动争议14起。", 14, "调处", "劳动争议"),
    ("收集合理化建议1260条。", 1260, "收集", "合理化建议"),
    ("培育“南岭工匠”20名。", 20, "培育", "南岭工匠"),
    ("为户外劳动者送去“暖心包”1万份。", 10000, "送去", "暖心包"),
    ("职工健身房面积扩大到300平方米。", 300, "扩大", "职工健身房面积"),   # the thing before the verb
    ("审议通过《职工培训管理办法》等制度5项。", 5, "审议", "《职工培训管理办法》等制度"),
    ("收取互助金3540万元。", 35400000, "收取", "互助金"),
    ("2023年全市参保人数力争达到25万人次。", 250000, "达到", "参保人数"),   # no year, no 力争 in the object
])
def test_more_objects_and_predicates(sentence, value, predicate, obj):
    ind = find(sentence, value)
    assert (ind.predicate, ind.object) == (predicate, obj)


@pytest.mark.parametrize("sentence,value,concept", [
    ("发展快递员、外卖送餐员等新就业形态劳动者入会120人。", 120, "new_form_workers_joined"),
    ("受理职工来访26件。", 26, "legal_aid_cases"),
    ("集体合同签订率达到92%。", 92, "collective_contract_rate"),
    ("职工入会率达到98%。", 98, "membership_rate"),
    ("征集职工代表提案27件。", 27, "congress_proposals"),
    ("职工年人均工资增长6.5%。", 6.5, "wages"),
    ("工资集体协商覆盖率达到85%。", 85, None),   # bargaining, not wages
    ("拖欠工资总额12.6万元。", 126000, None),   # arrears, not wages
    ("为三百多名农民工讨回工资五十万元。", 300, None),   # migrant workers helped, not joined
    ("发展会员856人,其中外卖送餐员等新就业形态劳动者213人。", 213, "new_form_workers_joined"),
    ("建会率达到百分之九十二点五。", 92.5, "unionisation_rate"),
    ("调解劳动纠纷十三起。", 13, "legal_aid_cases"),            # a count in Chinese numerals with 起
    ("评选模范职工小家15个。", 15, "workers_homes"),
])
def test_more_concepts(sentence, value, concept):
    assert find(sentence, value).concept == concept


def test_the_sentence_before_names_what_a_bare_verb_counts():
    found = indicators("全区今年将建成职工驿站20个。目前已建成14个。")
    assert [(i.predicate, i.object) for i in found] == [("建成", "职工驿站")] * 2
    # a clause that names a thing of its own keeps it
    found = indicators("其中本科资助5000元,专科资助4000元。其中本科资助3000元。")
    assert found[2].object == "资助"


@pytest.mark.parametrize("sentence,value,obj", [
    ("今年培训120人次,累计慰问困难职工3000人次。", 120, "培训"),    # another verb: another thing
    ("上述活动中,全镇共慰问困难职工300人。", 300, "困难职工"),        # a place is no topic
    ("这些年来,全镇共建成35个。", 35, "建成"),                         # nor a time
    ("共有50名参赛选手参加比赛。", 50, "参赛选手"),                     # a word that starts like 参赛
])
def test_borrowing_rules_keep_to_their_cases(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_cue_with_a_figure_of_its_own_frames_nothing():
    found = indicators("今年全镇计划建成职工之家10个,目前已建成8个;新发展会员200人;开展培训3次。")
    assert [i.status for i in found] == ["target", "actual", "actual", "actual"]


def test_people_who_took_part_are_read_through_the_verb():
    ind = find("举办讲座6场,800余人参加了法律知识讲座。", 800)
    assert (ind.predicate, ind.text) == ("参加", "800余人参加了法律知识讲座")
    assert find("组织300余名职工参加培训。", 300).object == "职工"  # the noun after the unit comes first


@pytest.mark.parametrize("sentence,value,obj", MORE_OBJECT_RULES)
def test_more_object_rules(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_company_name_is_not_money():
    assert indicators("团县委携手北京三元集团开展扶贫活动。") == []


def test_a_time_phrase_is_not_an_object():
    ind = find("在去年45家的基础上,今年又增加5家。", 45)
    assert ind.object is None or "去年" not in ind.object


def test_a_size_class_is_not_a_count():
    assert [(i.value, i.object) for i in indicators("新建百人以上企业工会组织4家。")] == [(4, "企业工会组织")]
    assert [i.value for i in indicators("百人以上已建会企业集体合同签订率保持在95%以上。")] == [95]


def test_an_amount_each_counts_what_the_total_counts():
    total, each = indicators("为困难职工子女发放助学金共计6.4万元,每人2000元。")[-2:]
    assert (total.predicate, total.object) == ("发放", "助学金")  # 共计 is no verb of its own
    assert (each.text, each.object, each.per) == ("每人2000元", "助学金", "人")


def test_an_amount_per_head_is_no_part_of_a_total():
    total, household, model = indicators("市总工会安排资金450万元,其中为每户特困职工家庭发放慰问金2000元,"
                                         "为每名困难劳模发放慰问金3000元。")
    assert (household.per, model.per) == ("户", "名")  # 每户 stands 13 characters before the number
    assert household.part_of is None and model.part_of is None


def test_the_base_of_a_comparison_counts_the_same_thing():
    now, base = indicators("帮扶资金投入达到1.05亿元,比2019年的5200万元增加了一倍多。")[:2]
    assert (base.value, base.predicate, base.object) == (52000000, now.predicate, now.object)
    # 与 without a time is no comparison
    assert find("全县新建工会组织50家,与20家企业签订了工资集体协议。", 20).object == "企业"


@pytest.mark.parametrize("sentence,value", [
    ("建立了每季度通报制度并累计通报问题企业56家。", 56),    # not across a running total
    ("坚持每月召开例会解决职工反映问题86个。", 86),            # a 每 of time far back tells how often
])
def test_a_far_or_crossed_per_phrase_is_not_per_unit(sentence, value):
    assert find(sentence, value).per is None


def test_a_leading_time_leaves_no_stub():
    assert find("2019年底全县会员总数达到5.2万人。", 52000).object == "会员"


def test_an_average_opens_the_span_of_its_figure():
    assert find("发放慰问金共计三十万余元,户均一千五百元。", 1500).text == "户均一千五百元"


def test_a_growth_rate_is_not_per_person():
    assert find("职工年人均工资增长6.8%。", 6.8).per is None
    assert find("人均体检费用333元。", 333).per == "人"


def test_new_forms_of_employment_stay_one_term():
    (total, part) = indicators("力争发展新就业形态劳动者会员1万人,其中网约配送员3000人。")
    assert (total.object, part.object) == ("新就业形态劳动者会员", "网约配送员")
    assert total.concept == part.concept == "new_form_workers_joined"


@pytest.mark.parametrize("sentence,value,status", [
    ("参保人数达到了1793人,超额完成区总下达的1500人参保任务。", 1500, "target"),
    ("参保人数达到了1793人,超额完成区总下达的1500人参保任务。", 1793, "actual"),
    ("通过修旧利废活动促进企业目标达成,节约成本12万元。", 120000, "actual"),
])
def test_goal_words_and_their_traps(sentence, value, status):
    assert find(sentence, value).status == status


def test_segmentation_route_is_jiebas():
    """The one-pass route finder gives jieba's own dictionary route (get_DAG + calc)."""
    import random
    from math import log

    from extractor.segment import _best_word_ends, _tokenizer

    tokenizer, _ = _tokenizer()
    rng = random.Random(11)
    runs = ["签订集体合同", "发展会员", "全县新建工会组织", "困难职工帮扶中心", "职工代表大会建制率"]
    runs += ["".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    for han in runs:
        route: dict = {}
        tokenizer.calc(han, tokenizer.get_DAG(han), route)
        assert _best_word_ends(han, tokenizer.FREQ, log(tokenizer.total)) == [route[i][1] for i in range(len(han))]


def test_fast_record_construction_equals_init():
    """records.fill skips the frozen __init__ but gives an equal record with the
    same field order (the JSON key order follows it)."""
    from extractor.records import Indicator, Quantity, fill, to_dict

    values = dict(id="i1", section="s1", span=(3, 9), quantity_span=(5, 9), sentence_span=(0, 12),
                  text="合同25份", predicate="签订", object="集体合同", concept=None, value=25, unit="份",
                  kind="count", status="actual", confidence=0.9)
    slow = Indicator(**values)
    fast = fill(Indicator, dict(slow.__dict__))
    assert fast == slow and hash(fast) == hash(slow)
    assert list(to_dict(fast)) == list(to_dict(slow)) and to_dict(fast) == to_dict(slow)
    quantity = Quantity(span=(0, 3), text="25份", value=25, unit="份", kind="count")
    assert fill(Quantity, dict(quantity.__dict__)) == quantity


@pytest.mark.parametrize("sentence,value,obj,per", [
    ("发放金秋助学金每生2000—5000元不等。", 2000, "金秋助学金", "生"),   # 每X between the object and its number
    ("发放助学金每名学生3000元。", 3000, "助学金", "学生"),              # the noun after the measure word
    ("全年受理欠薪投诉42件,办结40件,为86名农民工追回工资127.5万元,人均追回近1.5万元。",
     15000, "工资", "人"),                                                  # a bare verb each: the total's thing
    ("拿出20万元资金,每户借款1万元。", 10000, "借款", "户"),               # a nominal verb names the money
])
def test_per_phrases_around_the_object(sentence, value, obj, per):
    ind = find(sentence, value)
    assert (ind.object, ind.per) == (obj, per)


@pytest.mark.parametrize("sentence,value,obj", [
    ("选派12名优秀职工赴外地疗休养。", 12, "优秀职工"),                  # a verb of going ends the noun phrase
    ("约有三成基层工会经费不足5万元。", 30, "基层工会经费"),              # a share in 成 names its whole after it
    ("新建职工书屋28家,其中全国级2家、省级5家、市级21家。", 2, "全国级"),  # a scope word naming a level
    ("全年受理欠薪投诉42件,办结40件。", 40, "欠薪投诉"),                  # 办结: the cases of the clause before
    ("为23名因工受伤的农民工发放救助金6.9万元。", 23, "农民工"),          # a relative clause before the noun
])
def test_noun_phrases_and_their_edges(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_units_and_exclusions_of_service_work():
    found = indicators("受理职工来访来电93件次,对通过12351职工服务热线反映的问题及时回复,继续实行一户一档、动态管理。")
    assert [(i.value, i.unit) for i in found] == [(93, "件次")]


def test_a_clause_stating_a_whole_again_ends_the_parts():
    found = indicators("全年新建基层工会二十三家,其中非公企业工会十七家、社会组织工会六家,全县基层工会总数达到436家。")
    total, first, second, whole = found
    assert first.part_of == second.part_of == total.id
    assert whole.part_of is None


def test_a_range_of_money_is_not_a_year():
    docs = parse_text("发放金秋助学金每生2000—5000元不等。", use_model=False)
    assert docs[0].period.year is None
    docs = parse_text("平安县总工会2019-2020年工作总结\n\n全年发展会员300人。", use_model=False)
    assert (docs[0].period.year_text, docs[0].period.part) == ("2019", "multi_year")


@pytest.mark.parametrize("sentence,value,obj", [
    ("审查立案45件,立案率66.2%;截至年底已办结41件。", 41, "立案"),            # not the rate's thing
    ("全院共有1132名职工参与捐款,合计23.7万元。", 237000, "捐款"),               # the money named before, not the people
    ("加大工会经费收缴力度,全年力争收缴85万元。", 850000, "工会经费"),          # the verb said of it before
    ("7-9月对高温作业一线职工开展慰问,计划慰问2800人次。", 2800, "高温作业一线职工"),
    ("举办经审委员培训班2期,培训120人次。", 120, "经审委员"),                   # the class names its trainees
    ("组织监督检查员开展专项检查,全年不少于4次。", 4, "专项检查"),              # the clause before names it
    ("在已建会企业中,三分之二建立了职工代表大会制度。", 0.6667, "已建会企业"),  # 在……中 frames a share
    ("为会员发放慰问品,全年人均1600元。", 1600, "慰问品"),
    ("体检标准为每人500元。", 500, "体检标准"),                                  # a per phrase names no thing
    ("全年工会经费预算支出控制在420万元以内。", 4200000, "工会经费预算支出"),
    ("新建创新工作室3个,全集团累计达到12个以上。", 12, "创新工作室"),           # 全集团 is a scope
    ("全镇39家企业中已有31家建立了制度,其余8家力争年内完成。", 8, "企业"),       # a remainder
    ("会员发展全年目标任务1200人,已完成960人,同比增加85人。", 85, "会员"),
    ("新入会人员中农民工610人。", 610, "农民工"),                                # after the place word
    ("有4个乡镇收缴进度低于60%。", 60, "乡镇收缴进度"),
    ("其中区财政安排200万元、区总工会自筹156.5万元。", 1565000, "区总工会自筹"),  # a source of money
    ("投入32万余元对职工活动中心进行改造。", 320000, "职工活动中心"),
    ("培训职工620人,其中320人取得了职业资格证书。", 320, "职工"),             # people, not their certificates
    ("2018年底在档困难职工46户,已有38户实现解困脱困。", 38, "在档困难职工"),
])
def test_objects_read_from_around_the_clause(sentence, value, obj):
    assert find(sentence, value).object == obj


PLAN = "临海港务集团工会2019年工作要点\n\n一、主要任务\n"


@pytest.mark.parametrize("sentence,value,status", [
    ("2018年,全集团共有会员3420人,下设基层分会17个。", 3420, "actual"),  # an earlier year's fact
    ("2018年,全集团共有会员3420人,下设基层分会17个。", 17, "actual"),
    ("在2018年基础上,力争新增会员200人。", 200, "target"),                # a cue after the year
    ("对尚未建会的18家企业逐一建立台账。", 18, "actual"),                   # what is left now
    ("力争作业效率比上年提高5%以上。", 5, "target"),                        # 比上年 is a base, no fact
])
def test_facts_inside_a_plan(sentence, value, status):
    assert find(sentence, value, title=PLAN).status == status


@pytest.mark.parametrize("sentence,value,status", [
    ("年初,县总工会将组建任务分解到14个乡镇工会。", 14, "actual"),          # 将 means 把
    ("会员发展全年目标任务1200人,已完成960人。", 1200, "target"),          # the goal
    ("会员发展全年目标任务1200人,已完成960人。", 960, "actual"),
])
def test_status_of_disposal_and_goals(sentence, value, status):
    assert find(sentence, value).status == status


def test_a_count_of_a_quoted_slogans_parts_is_no_indicator():
    found = indicators("围绕“建会入会、维权帮扶、建功立业”三项重点开展工作,建成“职工书屋”15个。")
    assert [(i.value, i.object) for i in found] == [(15, "职工书屋")]


def test_a_total_of_another_unit_before_a_sentence_of_parts():
    found = indicators("全年救助困难职工家庭491户次。其中,对在档困难职工405户开展集中慰问。")
    assert found[1].part_of is None  # 户次 are not 户, and no 户 further back stands in


@pytest.mark.parametrize("sentence,value,obj", [
    ("网上服务平台注册会员仅1.7万人,不到会员总数的20%。", 20, "会员"),          # a bound word is no part of it
    ("全年新签专项集体合同288份,全区320家已建会企业的签订率达到90%。", 320, "已建会企业"),  # 的 + a rate
    ("区总工会对新建小屋每个补助设施经费4000元。", 4000, "设施经费"),            # the money named after the verb
    ("资助考入本科院校的学生每人4000元。", 4000, "资助"),                        # the recipients are not the money
    ("发放助学金40.2万元。其中,在读大学生98名,每生每年3000元。", 3000, "助学金"),  # the money of the sentence before
    ("为在读小学生送去节日礼物,每人价值80元。", 80, "礼物"),                     # 价值 names no thing
    ("全校35周岁以下青年教师有64人。", 64, "青年教师"),                          # an age bounds the noun, not counts it
    ("22个乡镇帮扶站中只有5个配备了专职人员。", 5, "乡镇帮扶站"),
    ("学校现有兴趣社团5个,本年度计划新增1个。", 1, "学校现有兴趣社团"),          # 计划 before the verb is no thing
])
def test_more_objects_of_the_second_round(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_judgement_in_the_clause_before_names_nothing():
    ind = find("一是专项集体合同质量有待提高,全区仍有32家已建会企业未签订。", 32)
    assert ind.object == "已建会企业"


@pytest.mark.parametrize("sentence,value,status", [
    ("目前,全县职工入会率保持在92%。", 92, "actual"),                   # a fact cue in a plan still counts
    ("与2018年相比,会员人数增长10%。", 10, "target"),                  # a past year as a base is no fact
    ("在2018年的基础上,新发展会员2000人。", 2000, "target"),
    ("巩固2018年创建成果,全年新建职工之家15个。", 15, "target"),
])
def test_years_and_fact_cues_inside_a_plan(sentence, value, status):
    assert find(sentence, value, title=PLAN).status == status


def test_a_gap_in_points_measures_the_figure_before():
    ind = find("一线操作岗位职工收入增长7.4%,高于全集团平均水平1.2个百分点。", 1.2)
    assert ind.object == "一线操作岗位职工收入"


def test_a_verb_chain_in_a_later_sentence_speaks_of_the_whole():
    ind = find("征集合理化建议1526条,其中炼钢分厂412条、轧钢分厂386条。经专业评审,采纳实施683条。", 683)
    assert ind.object == "合理化建议"


@pytest.mark.parametrize("sentence,value,obj", [
    ("全市共有213家企业组队参赛,较上届增加37家。", 37, "企业组队"),             # 上届 is the base, not the thing
    ("报名参赛职工2860人,比上届的2358人增长21.3%。", 2358, "职工"),
    ("全年经费收入1286.45万元,较年初预算减少42.55万元;比上年增加86.40万元。", 864000, "经费收入"),
    ("县总工会经审委组成3个审查组。", 3, "审查组"),
])
def test_comparisons_name_their_base_not_their_thing(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_one_of_a_named_set_is_no_count():
    assert [i.value for i in indicators("职代会已将职工技能培训列为本年度十件实事之一,培训职工264人次。")] == [264]


def test_a_plans_paragraph_of_last_years_facts():
    found = indicators("去年全街道新建工会组织15家。全年走访慰问困难职工76户。\n今年力争新建工会组织10家以上。",
                       title="和平街道总工会2022年工作计划\n\n")
    assert [i.status for i in found] == ["actual", "actual", "target"]


@pytest.mark.parametrize("sentence,value,obj", [
    ("收到200份入会申请。", 200, "入会申请"),                        # nouns that hold a verb of the list
    ("建成20个职工学习中心。", 20, "职工学习中心"),
    ("县总工会主席慰问了环卫工人,全年慰问2800人次。", 2800, "环卫工人"),  # the verb's object, not its subject
    ("县总工会调研组走访企业,全年走访120家。", 120, "企业"),
    ("全县会员5万人,入会率92%,培训2000人。", 2000, "培训"),             # no borrowing over a rate for a verb
    ("全年发放慰问金80万元,覆盖率100%,捐款23万元。", 230000, "捐款"),
    ("表彰全县级劳动模范20名。", 20, "县级劳动模范"),
    ("走访了30家规模较大企业的工会。", 30, "规模较大企业"),
])
def test_review_cases_of_the_new_fallbacks(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_service_number_needs_its_hot_line_right_after():
    assert [i.value for i in indicators("全县已有15000名职工注册服务平台。")] == [15000]


def test_parts_after_a_clause_of_another_unit_go_on():
    found = indicators("全年救助困难职工500人,其中金秋助学120人,累计发放助学金60万元,医疗救助200人。")
    assert found[-1].part_of == found[0].id
    found = indicators("全年新建工会组织46家,覆盖职工5000人。其中非公企业31家,社会组织15家。")
    assert found[2].part_of == found[0].id


def test_a_count_after_a_place_word_and_a_comma():
    ind = find("延伸抽查的28家基层工会中,有6家存在报销手续不全的问题。", 6)
    assert ind.object == "基层工会"
    assert find("对账实不符的5项固定资产限期查明原因。", 5).object == "固定资产"


@pytest.mark.parametrize("sentence,value,obj", [
    ("各县(市、区)新建工会组织分别不少于:江滨区30家、澄浦区25家、新塘区20家。", 25, "工会组织"),  # places say where
    ("为全区1800名环卫工人、快递小哥等户外劳动者配送防暑降温用品,价值21.6万元。", 1800, "户外劳动者"),
    ("为全区1800名环卫工人、快递小哥等户外劳动者配送防暑降温用品,价值21.6万元。", 216000, "防暑降温用品"),
    ("全区仍有约300家25人以下的小微企业未建会。", 300, "小微企业"),         # a size class between
    ("资助考入大学的农民工子女十一名,每人一千元。", 1000, "资助"),         # the aid named in the sentence
    ("全年有37名女职工享受产假,每人158天。", 158, "产假"),
    ("8月、9月织造车间月加班时间分别达到39小时。", 39, "织造车间月加班时间"),  # months say when, not what
])
def test_objects_of_the_fourth_round(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_counts_written_after_their_noun_and_single_chinese_numerals():
    values = [i.value for i in indicators("新建农业园区工会联合会一个,对情况复杂的三起欠薪案件实行包案,大家一起参加。")]
    assert values == [1, 3]
    assert [i.value for i in indicators("做到建一个、巩固一个、发挥作用一个。")] == []


@pytest.mark.parametrize("sentence,value,status", [
    ("依托全市现有的12个工作站,提供法律咨询不少于3000人次。", 3000, "target"),  # the fact cue is the 12's
    ("2018年全市会员总数达到38.6万人;筹集送温暖资金1860万元。", 18600000, "actual"),  # up to the full stop
])
def test_fact_cues_and_years_in_a_plan_reach_as_far_as_they_should(sentence, value, status):
    assert find(sentence, value, title=PLAN).status == status


def test_progress_against_a_goal_is_a_fact():
    assert find("年初确定全年新建基层工会组织40家,截至6月底已新建25家,完成年度目标的62.5%。", 62.5).status == "actual"
    assert find("年初确定全年新建基层工会组织40家,截至6月底已新建25家。", 40).status == "target"


def test_fifth_round_rules():
    assert find("人均增收2160元,增幅6.8%。", 6.8).object == "增收"              # a growth word measures the figure before
    assert find("发放慰问物资1.6万份,价值28.5万元。", 285000).object == "慰问物资"
    assert find("发放慰问品和一线补助折合52.8万元。", 528000).object == "慰问品和一线补助"
    assert find("慰问因病住院的职工,慰问人数预计150人次。", 150).object == "人数"  # not 人数预
    summary = "西林机务段工会2018年工作总结\n\n一、主要工作\n"
    assert find("年内评选“安康杯”优胜班组14个。", 14, title=summary).status == "actual"
    assert find("下一步,县总工会将继续推进建会。新建工会组织不少于20家。", 20, title=summary).status == "target"
    found = indicators("2020年,医院工会开展慰问活动。年内新发展会员73人。", title=PLAN.replace("2019", "2021"))
    assert [i.status for i in found] == ["actual"]


@pytest.mark.parametrize("sentence,value,obj", [
    ("走访慰问200名困难职工、送去米面油等慰问品。", 200, "困难职工"),         # a list with a verb is no 等 list
    ("慰问200名困难职工、50名劳模等群体。", 200, "困难职工"),                  # nor one with a figure
    ("职代会期间共征集到356条意见建议,已全部办结。", 356, "意见建议"),        # 条 of proposals counts
    ("资助困难学生助学金6.4万元,每人2000元。", 2000, "困难学生助学金"),       # the money before, not the verb
    ("走访慰问3200名享受低保的困难职工。", 3200, "困难职工"),                  # a relative clause with a phrase-end verb
    ("全县建会覆盖乡镇和社区分别为:乡镇12个、社区35个。", 12, "乡镇"),        # the places are what is counted
    ("对情况复杂的三起欠薪案件实行包案。", 3, "欠薪案件"),                     # after 的 the noun after the unit
])
def test_second_review_cases(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_second_review_non_indicators_and_statuses():
    assert indicators("工会干部四处奔走,组织职工赴三门峡参观学习。") == []
    assert find("走访慰问困难职工120户,价值28.5万元。", 285000).object != "困难职工"
    assert find("目前全县已建会企业320家,覆盖职工5万人以上。", 50000, title=PLAN).status == "actual"
    assert find("去年全县新建工会组织45家。今年,全县已有会员3万人,年内新建工会组织60家。", 60, title=PLAN).status == "target"
    assert [i.value for i in indicators("做到每个乡镇一个,每个社区一个。", title=PLAN)] == []


def test_seventh_round_verbs():
    assert find("车间小家建设用去21.5万元。", 215000).object != "去"
    assert find("两个高温车间各增设职工休息室1间。", 1).object == "职工休息室"


def test_a_verb_named_in_another_paragraph_says_nothing_here():
    found = indicators("全年培训农民工500人次。\n(二)自身建设。举办基层工会干部培训班1期,培训60余人。")
    assert found[-1].object != "农民工"
    assert find("发放节日慰问品,人均200元。", 200).object != "人均"


@pytest.mark.parametrize("sentence,value,obj", [
    ("段工会按每个1.5万元的标准给予补助。", 15000, "补助"),      # the standard names no thing; what is given does
    ("对发现重大隐患的11名职工给予每人500元奖励。", 500, "奖励"),  # the clause ends on the kind of money
])
def test_ninth_round_objects(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_time_after_the_noun_is_no_part_of_the_object():
    assert "月" not in find("检查小组于6月和12月两次开展检查。", 2).object


def test_a_budget_is_a_target_and_its_share_a_fact():
    found = indicators("县总工会2017年度收入预算为1329.00万元。全年经费收入1286.45万元,占全年预算的96.8%。")
    assert [(i.value, i.status) for i in found] == [(13290000, "target"), (12864500, "actual"), (96.8, "actual")]


def test_keeping_a_rate_in_a_plan_is_a_goal_after_a_fact():
    found = find("全校现有教职工186人,全部加入工会组织,会员入会率保持100%。", 100, title=PLAN)
    assert found.status == "target"
    assert find("全校现有教职工186人,全部加入工会组织,会员入会率保持100%。", 186, title=PLAN).status == "actual"


def test_years_listed_before_respectively_share_out_the_total():
    found = indicators("五年来累计新建基层工会组织326家,2016年至2020年分别为58家、71家、66家、62家、69家。")
    total = found[0]
    assert [(i.value, i.object, i.part_of) for i in found[1:]] == [
        (v, "基层工会组织", total.id) for v in (58, 71, 66, 62, 69)]


def test_spans_of_years_are_no_indicators_and_no_floor():
    found = indicators("县工会第六次代表大会以来的五年,工会经费收入五年累计达到1.96亿元,比“十二五”时期增长45%。")
    assert [(i.value, i.object) for i in found] == [(196000000, "工会经费收入"), (45, "工会经费收入")]


@pytest.mark.parametrize("sentence,value,obj", [
    ("到2020年底,会员总数达到8.6万人,比2015年增长32%。", 32, "会员"),         # the change of the figure before
    ("每年组织县级劳动竞赛不少于10项。", 10, "县级劳动竞赛"),                       # 每年 opens the clause: no aid per head
    ("每年培训工会干部不少于600人次。", 600, "工会干部"),
    ("资助考入本科院校的学生每人4000元。", 4000, "资助"),                           # the per phrase beside the figure
    ("全县尚有约4000名快递员、外卖送餐员没有加入工会。", 4000, "快递员"),
])
def test_ninth_round_hard_wrapped_report(sentence, value, obj):
    assert find(sentence, value).object == obj


SELF_CHECK = "龙泉区总工会2019年度目标责任考核自查报告\n\n一、目标任务完成情况\n"


@pytest.mark.parametrize("sentence,value,status", [
    ("1.工会组建。目标任务:新建基层工会组织30家;完成情况:新建36家,完成目标的120%。", 30, "target"),
    ("1.工会组建。目标任务:新建基层工会组织30家;完成情况:新建36家,完成目标的120%。", 36, "actual"),
    ("年初下达任务为发展会员2500人,实际发展2716人,完成率108.6%。", 2500, "target"),
    ("年初下达任务为发展会员2500人,实际发展2716人,完成率108.6%。", 2716, "actual"),
    ("计划新签、续签集体合同320份,实际签订334份,完成计划的104.4%。", 334, "actual"),
    ("计划新签、续签集体合同320份,实际签订334份,完成计划的104.4%。", 104.4, "actual"),
    ("考核要求在档困难职工年度解困脱困率不低于60%。", 60, "target"),
    ("按照区目标办的通知要求,区总工会抽调机关干部6名,分成2个自查组。", 6, "actual"),  # an office named after goals
    ("结合工作实际,计划开展技能培训20期。", 20, "target"),                               # 实际 as a noun
])
def test_a_self_check_reports_goals_and_results(sentence, value, status):
    assert find(sentence, value, title=SELF_CHECK).status == status


@pytest.mark.parametrize("sentence,value,obj", [
    ("2019年,区委下达我会目标任务共18项。经逐项自查,全面完成15项,基本完成1项,尚未完成2项。", 18, "任务"),
    ("2019年,区委下达我会目标任务共18项。经逐项自查,全面完成15项,基本完成1项,尚未完成2项。", 15, "任务"),
    ("2019年,区委下达我会目标任务共18项。经逐项自查,全面完成15项,基本完成1项,尚未完成2项。", 2, "任务"),
    ("目标资助困难职工子女100名,实际资助96名,差4名,尚未完成。", 96, "困难职工子女"),
    ("目标资助困难职工子女100名,实际资助96名,差4名,尚未完成。", 4, "困难职工子女"),
    ("扣分情况:基层工会经费审计未完成年度任务,扣2分;“金秋助学”资助人数未达到目标,扣1分。", 2, "基层工会经费审计"),
    ("扣分情况:基层工会经费审计未完成年度任务,扣2分;“金秋助学”资助人数未达到目标,扣1分。", 1, "“金秋助学”资助人数"),
])
def test_a_self_checks_tallies_shortfalls_and_deductions(sentence, value, obj):
    found = find(sentence, value, title=SELF_CHECK)
    assert found.object == obj
    assert found.status == "actual"


def test_the_rest_of_the_proposals():
    found = indicators("收到提案86件,立案58件,立案率67.4%;其余28件作为意见建议转相关职能部门研究,均已书面答复。"
                       "截至12月底,立案提案已办结52件,办结率89.7%,另有6件因涉及新校区规划调整,列入长期跟踪督办事项。")
    assert [(i.value, i.object) for i in found if i.unit == "件"] == [
        (86, "提案"), (58, "提案"), (28, "提案"), (52, "提案"), (6, "提案")]
    assert find("截至年底已办结93件,办结率94.9%。", 93).object != "截至"


def test_table_cells_with_words_of_their_own_are_read_as_clauses():
    page = ("序号\t工作任务\t目标值\t责任科室\n1\t新建基层工会组织\t15家\t组织科\n2\t举办职工技能大赛\t5个项目\t宣教科\n\n"
            "月份\t主要工作\t牵头单位\n3月\t举办新会员培训班2期\t女工委员会\n9月\t资助困难职工子女15名\t帮扶中心\n")
    found = {(i.value, i.unit): i for i in indicators(page, title=PLAN)}
    assert "基层工会组织" in found[15, "家"].object and found[5, "个"].object == "项目"
    assert found[2, "期"].object == "新会员培训班" and found[15, "名"].object == "困难职工子女"
    assert {i.status for i in found.values()} == {"target"}


def test_a_stats_tables_bare_figures_take_the_unit_and_thing_of_their_column():
    page = ("乡镇(街道)\t已建会企业(家)\t会员人数(人)\t入会率\n城关街道\t118\t7436\t93.7%\n"
            "柳溪镇\t67\t3582\t91.6%\n合计\t185\t11018\t92.9%\n")
    found = [(i.value, i.unit, i.object) for i in indicators(page)]
    assert found[:3] == [(118, "家", "已建会企业"), (7436, "人", "会员人数"), (93.7, "%", "入会率")]
    assert found[-3:] == [(185, "家", "已建会企业"), (11018, "人", "会员人数"), (92.9, "%", "入会率")]


def test_a_tables_row_label_or_unit_column_gives_the_unit_of_its_bare_figures():
    by_label = "指标\t2022年\t2023年\n集体合同(份)\t120\t135\n会员(人)\t5000\t5300\n"
    assert [(i.value, i.unit, i.object) for i in indicators(by_label)] == [
        (120, "份", "集体合同"), (135, "份", "集体合同"), (5000, "人", "会员"), (5300, "人", "会员")]
    by_column = "指标\t单位\t2022年\t2023年\n集体合同\t份\t120\t135\n救助资金\t万元\t48.5\t52\n"
    assert [(i.value, i.unit, i.object) for i in indicators(by_column)] == [
        (120, "份", "集体合同"), (135, "份", "集体合同"), (485000, "元", "救助资金"), (520000, "元", "救助资金")]


def test_a_budget_tables_header_with_years_and_units():
    page = ("项目\t2021年决算数(万元)\t2022年预算数(万元)\t增减(%)\n拨缴经费收入\t1286.45\t1350.00\t4.9\n"
            "职工活动支出\t631.58\t680.00\t7.7\n")
    found = [(i.value, i.unit, i.status, i.object) for i in indicators(page)]
    assert found[:2] == [(12864500, "元", "actual", "拨缴经费收入"), (13500000, "元", "target", "拨缴经费收入")]
    assert [f[:2] for f in found[2::3]] == [(4.9, "%"), (7.7, "%")] and found[5][3] == "职工活动支出"


def test_a_funds_report_shares_growth_and_respectively_after_a_list():
    found = indicators("其中:拨缴经费收入1046.38万元,占收入合计的70.71%,比上年增长8.2%。"
                       "维权支出398.72万元,主要用于困难职工帮扶、职工医疗互助和职工法律援助,分别为186.40万元、95.30万元、42.68万元。")
    objects = [i.object for i in found]
    assert objects[1] != "占收入" and objects[2] == "拨缴经费收入"
    assert objects[4:] == ["困难职工帮扶", "职工医疗互助", "职工法律援助"]


def test_a_budget_table_with_a_caption_row_and_item_rows():
    page = ("附表\t2022年经费收支预算表\n项目\t2021年决算数(万元)\t2022年预算数(万元)\n"
            "拨缴经费收入\t1046.38\t1098.00\n收入合计\t1479.82\t1510.00\n")
    found = [(i.value, i.status, i.object) for i in indicators(page)]
    assert found == [(10463800, "actual", "拨缴经费收入"), (10980000, "target", "拨缴经费收入"),
                     (14798200, "actual", "收入合计"), (15100000, "target", "收入合计")]


def test_a_count_of_the_names_listed_before_it_is_no_indicator():
    assert indicators("突出建会入会、维权服务、素质提升三项重点,团结动员全县职工建新功。") == []
    assert find("新建职工书屋、户外劳动者服务站点共三个。", 3).value == 3  # not a slogan's parts


@pytest.mark.parametrize("sentence,value,obj", [
    ("五年来共举办各类工会干部培训班35期,培训3200人次。", 3200, "工会干部"),
    ("举办新会员培训班2期,每期培训50人。", 50, "新会员"),
    ("受理劳动争议案件412件,调解成功356件,调解成功率86.4%。", 356, "劳动争议案件"),
])
def test_trainees_named_by_their_class_and_cases_settled(sentence, value, obj):
    assert find(sentence, value).object == obj


def test_a_ranking_bulletins_places_ranks_and_shares():
    found = indicators("新建工会组织286家。东安区完成112家,排名第一;北塘区、杨林县分列第三、四位;西河县完成38家,排名末位。"
                       "南坪县居全市前两位。")
    assert [(i.value, i.unit) for i in found] == [(286, "家"), (112, "家"), (38, "家")]  # ranks are no counts
    assert found[-1].object == "工会组织"
    found = indicators("杨林县解困脱困率最高,达到78.5%;西河县最低,为52.3%,低于全市平均水平13.4个百分点。")
    assert [i.object for i in found] == ["脱困率"] * 3
    found = indicators("西河县、高阳县、经开区第四季度新建工会组织分别不少于42家、14家、10家。", title=PLAN)
    assert [i.object for i in found] == ["工会组织"] * 3
    assert find("完成年度任务1300份的86.6%。", 1300).object == "年度任务"
    found = indicators("全市共收缴工会经费7262万元,完成年度任务9800万元的74.1%,同比增长6.8%。")
    assert "工会经费" in found[-1].object and found[1].status == "target"


@pytest.mark.parametrize("sentence,value,obj,status", [
    ("全县在档困难职工312户,其中因病致困187户;其余125户主要因子女就学等原因致困。", 125, "在档困难职工", "actual"),
    ("去年市总工会下达的工会经费收缴任务是1750万元,实际收缴1865万元。", 17500000, None, "target"),
    ("今年收缴任务确定为1950万元。", 19500000, None, "target"),
])
def test_remainders_of_a_total_and_tasks_stated_as_such(sentence, value, obj, status):
    found = find(sentence, value)
    assert found.status == status and (obj is None or found.object == obj)


def test_each_one_is_no_count():
    assert [i.value for i in indicators("县总工会对每一户都落实了帮扶责任人,确保每一笔经费都用在职工身上。")] == []


def test_what_is_left_undone_and_a_share_of_the_task_before():
    found = indicators("截至9月底,全市尚有64家工会组建任务、2140名会员发展任务未完成。", title=PLAN)
    assert [i.status for i in found] == ["actual", "actual"]
    found = indicators("全市新签和续签工资专项集体合同1126份,完成年度任务1300份的86.6%,较上半年提高15.3个百分点。")
    assert found[2].object == "年度任务"


@pytest.mark.parametrize("sentence,value,obj", [
    ("其中:拨缴经费收入1046.38万元,占收入合计的70.71%,比上年增长8.2%。", 70.71, "拨缴经费收入"),   # the part
    ("校工会共有会员2316人,女会员约占会员总数的52%。", 52, "女会员"),                              # named before 占
    ("全市完成投资18亿元,占年计划的53.3%。", 53.3, "计划"),                                        # a completion
])
def test_a_share_with_its_base_measures_the_part(sentence, value, obj):
    assert find(sentence, value).object.endswith(obj)


def test_a_task_handed_down_is_a_goal_inside_a_fact():
    found = indicators("全年收缴工会经费182.4万元,完成县总工会下达任务170万元的107.3%。")
    assert [(i.value, i.status) for i in found] == [(1824000, "actual"), (1700000, "target"), (107.3, "actual")]


def test_a_part_belongs_to_the_total_of_its_status():
    found = indicators("全市收缴工会经费1.36亿元,完成年度任务2.6亿元的52.3%,其中二季度收缴7920万元,环比增长39.4%。")
    collected, task, _, quarter, growth = found
    assert task.status == "target" and quarter.part_of == collected.id
    assert quarter.object == growth.object == "工会经费"


def test_an_average_or_a_part_in_brackets_is_no_total():
    found = indicators("受访者平均月收入6240元,其中月收入8000元以上的占21.8%。"
                       "全年签订集体合同436份(含区域性集体合同38份),覆盖职工4.12万人,其中工资专项集体合同312份。")
    by_value = {i.value: i for i in found}
    assert by_value[312].part_of == by_value[436].id and by_value[38].part_of == by_value[436].id
    assert all(i.part_of != by_value[6240].id for i in found)


def test_per_place_targets_in_parallel_name_their_place_and_share_the_noun():
    found = indicators("新建户外劳动者服务站点4个,年底前实现每个社区至少1个;"
                       "建议每个街道至少建设2个服务站点,每个镇至少建设1个。")
    assert [(i.value, i.per, i.object) for i in found[1:]] == [
        (1, "社区", found[0].object), (2, "街道", "服务站点"), (1, "镇", "服务站点")]


def test_a_surveys_shares_name_their_groups_and_a_locative_frame_its_thing():
    found = indicators("受访者中男性占81.3%;30岁以下的占42.6%,31—45岁的占44.9%;外地户籍的占71.4%。"
                       "现有46个服务站点中,有29个集中在老城区,城东新区和各镇合计仅有17个。")
    shares = {i.value: i.object for i in found if i.unit == "%"}
    assert shares == {81.3: "受访者中男性", 42.6: "30岁以下", 44.9: "31—45岁", 71.4: "外地户籍"}
    assert [i.object for i in found if i.unit == "个"] == ["服务站点"] * 3


def test_a_speechs_money_without_a_unit_its_slogans_and_a_subject_compared():
    found = indicators("元旦春节期间,共筹集送温暖资金一千二百万,全年收缴工会经费将近三个亿。"
                       "必须做到四个坚持,努力实现三个更加。工会经费收缴力争突破3.2亿元。"
                       "并拟建职工帮扶超市一家。")
    assert [(i.value, i.unit, i.approx) for i in found[:2]] == [(12000000, "元", None), (300000000, "元", "近")]
    assert [i.value for i in found] == [12000000, 300000000, 320000000, 1]  # (四个坚持: a slogan)
    assert found[2].object == "工会经费" and found[3].object.endswith("超市")


def test_changes_with_their_years_yearly_growth_and_a_place_in_parallel():
    found = indicators("职工年人均工资由2019年的5.12万元增长到2022年的6.56万元,年均增长8.6%。"
                       "各县区新建工会组织不少于20家,高新区不少于10家。")
    wage, wage_to, growth, towns, zone = found
    assert wage_to.object == wage.object == growth.object == "职工年人均工资"
    assert wage_to.text.startswith("增长到2022年的")
    assert zone.object == towns.object == "工会组织"


def test_a_scoring_schemes_points_and_steps_are_no_indicators_its_targets_are():
    found = indicators("全年开展劳动竞赛不少于3场的得4分,每少1场扣0.5分;新建工会组织任务完成率达到100%的得6分,"
                       "每低10个百分点扣1分。全县任务50家,分解到各乡镇为:城关镇12家、柳林镇8家。"
                       "总得分90分以上(含90分)为优秀,80分至89分为良好。区总工会自评得分96分。")
    assert [(i.value, i.unit) for i in found] == [(3, "场"), (100, "%"), (50, "家"), (12, "家"), (8, "家"), (96, "分")]
    assert found[4].object == found[3].object


def test_a_list_of_recipients_counts_what_its_column_names_across_group_lines():
    page = ("序号\t姓名\t工作单位\t慰问金额(元)\n第1组城关镇\n1\t陈**\t城关镇农贸市场\t3000\n"
            "2\t刘**\t鑫达纺织有限公司\t2000\n第2组鹤溪街道\n3\t黄**\t鹤溪街道社区卫生服务中心\t1000\n")
    found = indicators(page)
    assert [(i.value, i.unit) for i in found] == [(3000, "元"), (2000, "元"), (1000, "元")]
    assert all(i.object.startswith("慰问") for i in found)  # the column's thing, not 陈** or 第1组


def test_a_task_in_chinese_numerals_before_its_completion_share():
    task, share = indicators("完成市总工会下达任务二百二十万元的百分之一百零七点三。")
    assert (task.value, task.status, share.value) == (2200000, "target", 107.3)
    assert task.object == "市总工会下达任务"  # (下达 is a verb of its own: its 达 stays, and the task it gives)


def test_a_standards_label_names_the_money_paid_per_head():
    found = indicators("慰问金标准:困难职工按困难程度每户1000元至3000元,劳动模范每人2000元。"
                       "按困难程度分,深度困难职工62户,每户3000元。")
    assert [(i.value, i.object) for i in found if i.unit == "元"] == [(1000, "慰问金"), (2000, "慰问金"), (3000, "慰问金")]


def test_a_quota_shared_out_among_units_counts_the_quota():
    found = indicators("全市共安排名额120名。各县(市、区)总工会共分配78名:\n江口县 15名\n西坝区 12名\n"
                       "产业工会和市直基层工会共分配42名,分别为:市直机关工会5名、市教育工会8名。以上合计120名。")
    assert {i.object for i in found} == {"名额"}


def test_a_tables_two_header_rows_of_merged_cells_and_its_group_rows():
    page = ("项目\t2021年预算\t2021年决算\n金额(万元)\t占比(%)\t金额(万元)\t占比(%)\n一、收入\n"
            "拨缴经费收入\t859.70\t68.96\t905.37\t70.38\n上级补助收入\t230.00\t18.45\t214.64\t16.68\n二、支出\n"
            "职工活动支出\t470.00\t37.70\t468.87\t38.60\n维权支出\t330.00\t26.47\t321.46\t26.46\n")
    found = indicators(page)
    assert [(i.value, i.unit, i.status) for i in found[:4]] == [
        (8597000, "元", "target"), (68.96, "%", "target"), (9053700, "元", "actual"), (70.38, "%", "actual")]
    assert {i.object for i in found} == {"拨缴经费收入", "上级补助收入", "职工活动支出", "维权支出"}
    text = TITLE + page
    (doc,) = parse_text(text)
    assert [s.heading for s in doc.sections] == ["主要工作"]  # (一、收入 is a group of rows)


def test_a_change_against_a_base_counts_the_figure_before_and_a_groups_total_is_named_by_its_group():
    found = indicators("拨缴经费收入905.37万元,比预算增加45.67万元。业务支出171.35万元,比预算节约8.65万元。")
    assert [(i.value, i.approx) for i in found][1::2] == [(456700, None), (86500, None)]  # (节约: no 约)
    assert found[1].object == found[0].object == "拨缴经费收入"
    page = ("项目\t预算(万元)\t决算(万元)\n一、收入\n拨缴经费收入\t859.70\t905.37\n合计\t1246.60\t1286.45\n"
            "二、支出\n维权支出\t330.00\t321.46\n合计\t1246.60\t1214.68\n")
    assert [i.object for i in indicators(page) if i.value > 12000000] == ["收入合计"] * 2 + ["支出合计"] * 2


def test_a_per_head_amount_in_a_semicolon_part_gets_what_the_one_before_gave():
    found = indicators("全年发放助学金120.4万元,资助本科新生134名,每人5000元;专科新生178名,每人3000元。")
    assert [i.object for i in found if i.per] == ["助学金", "助学金"]


def test_a_rates_change_in_points_and_budgets_stated_together():
    found = indicators("全年减少会员1850人,会员流失率达3.8%,比上年上升0.9个百分点。年初批准的收入预算和支出预算均为1246.60万元。")
    assert found[2].object == "会员流失率" and found[3].status == "target"


def test_a_share_after_a_clause_that_ranks_its_thing():
    found = indicators("从支出结构看,职工活动支出占比最大,为38.6%;维权支出次之,占26.5%。")
    assert [i.object for i in found] == ["职工活动支出", "维权支出"]


def test_money_named_after_a_count_a_fraction_restating_a_rate_and_places_sharing_a_verb():
    found = indicators("共检查用人单位186家,其中建筑企业74家。某建筑公司累计拖欠46名农民工工资83.2万元。"
                       "在建工程项目61个,柳林区检查52家、望江县检查48家。劳动合同签订率仅为71.3%,不到四分之三。")
    by_value = {i.value: i.object for i in found}
    assert "工资" in by_value[832000] and by_value[52] == by_value[48] == "用人单位"
    assert by_value[0.75] == by_value[71.3]


def test_a_ledgers_cells_with_two_figures_and_a_long_remarks_column():
    page = ("月份\t工作内容\t参与人数(人)\t经费(元)\t备注\n"
            "1月\t“两节”走访慰问困难职工和劳模\t\t19300\t困难职工42户,每户慰问金400元;劳模5名,每名慰问金500元\n"
            "4月\t“五一”职工技能比武;职工趣味运动会\t96;260\t8600;12400\t比武设焊工、电工两个工种\n")
    values = [i.value for i in indicators(page)]
    assert {19300, 96, 260, 8600, 12400} <= set(values)


def test_a_rate_named_after_its_verb_keeps_the_verb():
    found = indicators("全年组织职工疗休养5批,参加率91.5%。食堂改造后新增餐位180个。")
    assert [i.object for i in found] == ["职工疗休养", "参加率", "餐位"]


def test_a_subtotal_row_of_a_list_of_people_counts_what_its_money_column_names():
    page = ("序号\t姓名\t工作单位\t慰问金额(元)\n1\t陈**\t城关镇农贸市场\t3000\n2\t刘**\t鑫达纺织有限公司\t2000\n"
            "小计:2户\t5000元\n")
    found = {i.value: i.object for i in indicators(page)}
    assert found[5000].startswith("慰问") and found[3000].startswith("慰问")


def test_an_amount_per_head_named_by_its_people_is_the_money_its_sentence_sums():
    found = indicators("资助困难职工子女上大学65名,发放助学金23.5万元,其中本科生每人4000元、专科生每人3000元。")
    assert [i.object for i in found if i.per] == ["助学金", "助学金"]


def test_the_rest_named_by_what_it_is():
    found = indicators("筹集帮扶资金48.6万元,其中镇财政安排20万元、县总工会下拨16万元,其余12.6万元为企业和社会捐助。")
    assert found[-1].object == "企业和社会捐助" and found[-1].part_of == found[0].id
    found = indicators("全年经费17.4万元,县总工会专项补助6万元,其余3.4万元在镇总工会留成经费中列支。")
    assert found[-1].object == "镇总工会留成经费"


def test_a_task_counts_what_the_figure_before_it_counts():
    found = indicators("全市新签和续签工资专项集体合同1126份,完成年度任务1300份的86.6%。")
    assert found[1].object == found[0].object == "工资专项集体合同" and found[1].status == "target"
    assert found[2].value == 86.6


def test_ages_things_named_then_summed_and_a_colloquial_one_of_are_no_counts():
    found = indicators("今年54岁的他从事工会工作18年。职工活动和维权两项支出预算合计1095万元。"
                       "帮扶救助是台账中支出最多的一块。35岁以下青年会员21348人。")
    assert [(i.value, i.unit) for i in found] == [(10950000, "元"), (21348, "人")]


def test_where_a_change_in_a_plan_starts_is_a_fact():
    text = "公司工会2023年工作要点\n一、主要任务\n在岗职工每人每年体检费标准由400元提高到500元。\n"
    (doc,) = parse_text(text)
    assert [(i.value, i.status, i.object) for i in doc.indicators] == [
        (400, "actual", "在岗职工每人每年体检费标准"), (500, "target", "在岗职工每人每年体检费标准")]


def test_the_sum_of_an_events_goods_is_named_by_the_event():
    found = indicators("此次慰问,向奋战在高温天气下的一线职工送去矿泉水310箱、香皂800块、毛巾770条,共计3万元。")
    assert found[-1].value == 30000 and found[-1].object == "慰问"


def test_a_group_a_verb_names_and_the_group_a_frame_names():
    found = indicators("困难职工中,县总工会班子成员直接走访22户,其余390户由镇工会负责发放。班子成员分成4个走访组。")
    assert [(i.value, i.object) for i in found] == [(22, "困难职工"), (390, "困难职工"), (4, "走访组")]


def test_shares_of_a_cost_name_the_cost_or_the_funds_that_bear_it():
    found = indicators("上述费用由市总工会承担80%,所在单位承担20%。奖金总额不超过3万元,由工会经费和公司职工教育经费各承担50%。")
    assert [i.object for i in found if i.unit == "%"] == ["费用", "费用", "工会经费和公司职工教育经费"]


def test_a_verb_ends_the_people_counted_and_starts_the_area_they_keep():
    found = indicators("带领班组14名环卫工负责主干道清扫保洁面积12.6万平方米。累计带徒35名。")
    assert [(i.value, i.object) for i in found] == [(14, "环卫工"), (126000, "主干道清扫保洁面积"), (35, "带徒")]


def test_a_bracketed_base_a_task_after_a_rate_and_values_named_by_the_last():
    found = indicators("全县新建工会组织46家(上年同期为38家),同比增长21.1%,完成全年目标任务60家的76.7%。"
                       "对获得前三名的选手分别给予5000元、3000元、2000元奖励。")
    assert [i.object for i in found] == ["工会组织"] * 4 + ["任务", "奖励", "奖励", "奖励"]


def test_parts_named_by_what_they_won_count_the_totals_thing():
    found = indicators("全年发布QC成果6项,其中1项获全国电力行业优秀QC成果一等奖。累计培养技术骨干96名,其中11人走上班组长以上管理岗位。")
    assert [(i.object, i.part_of) for i in found] == [
        ("QC成果", None), ("QC成果", found[0].id), ("技术骨干", None), ("技术骨干", found[2].id)]


def test_a_size_class_with_its_people_and_a_task_the_verb_gives():
    found = indicators("全县仍有86家职工25人以上的非公有制企业没有建立工会。全年收缴工会经费1268万元,完成市总工会下达任务的106.4%。")
    assert found[0].object == "非公有制企业" and found[-1].object == "任务"


def test_a_fact_in_a_relative_clause_of_a_plan_speaks_for_no_later_figure():
    (doc,) = parse_text("工作室2023年工作要点\n一、主要任务\n对已完成的成果逐项明确推广单位,全年创造经济效益300万元以上。\n")
    assert doc.indicators[0].status == "target"


def test_a_posts_bullet_symbol_is_no_part_of_an_object():
    found = indicators("🔹全区基层工会组织1286家\n👉 新建职工书屋12家")
    assert [i.object for i in found] == ["基层工会组织", "职工书屋"]


def test_a_range_or_a_list_of_money_named_by_the_aid_after_it():
    found = indicators("给予每人500元至1000元培训补贴。对新命名的国家级、省级创新工作室,分别给予10万元、5万元经费补助。"
                       "视情况给予1000~2000元的一次性救助。")
    assert [i.object for i in found] == ["培训补贴", "经费补助", "经费补助", "一次性救助"]


def test_a_share_per_thousand_is_a_fraction():
    found = indicators("职工工伤事故发生率降至千分之三以下。")
    assert [(i.value, i.unit, i.bound, i.object) for i in found] == [(0.003, "fraction", "upper", "职工工伤事故发生率")]


def test_a_table_row_ending_in_an_empty_cell_and_its_row_number():
    table = ("序号\t目标任务\t单位\t目标值\t完成值\t完成率(%)\t备注\n1\t新建基层工会组织\t家\t60\t68\t113.3\t含联合工会9家\n"
             "2\t新签工资集体协议\t份\t110\t126\t114.5\t\n")
    found = [(i.value, i.unit, i.status) for i in indicators(table) if i.object != "联合工会"]
    assert found == [(60, "家", "target"), (68, "家", "actual"), (113.3, "%", "actual"),
                     (110, "份", "target"), (126, "份", "actual"), (114.5, "%", "actual")]


def test_a_multi_year_plans_baseline_before_its_first_year_is_fact():
    text = ("岚山市总工会技能提升三年行动计划(2023—2025年)\n一、总体目标\n截至2022年底,全市技能人才总量达到28.6万人;"
            "全市已建成创新工作室86个;当年共举办职工技能竞赛92场。到2025年底,创新工作室达到115个。\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.status) for i in doc.indicators] == [
        (286000, "actual"), (86, "actual"), (92, "actual"), (115, "target")]


def test_a_meeting_notices_arrangements_are_planned_and_its_preamble_is_fact():
    text = ("关于召开2021年全市工会工作会议的通知\n各县(市、区)总工会:\n2020年,全市新建基层工会组织142家。"
            "经研究,定于2月25日召开全市工会工作会议。\n一、参会人员\n各县(市、区)总工会主席、分管副主席各1名。会议总规模控制在200人以内。\n")
    (doc,) = parse_text(text)
    assert doc.doc_type == "other"
    assert [(i.value, i.status) for i in doc.indicators] == [(142, "actual"), (1, "target"), (200, "target")]


def test_people_who_did_something_among_a_count_in_another_unit_are_those_people():
    found = indicators("举办培训班12期,培训农民工960人次,其中712人取得职业资格证书。")
    assert [(i.value, i.object, i.part_of) for i in found[1:]] == [(960, "农民工", None), (712, "农民工", None)]


def test_the_rest_of_a_task_still_planned_is_a_target():
    found = indicators("年内已分5批组织职工疗休养186人,剩余14个名额将于明年1月安排。计划开展技能培训20期,已完成18期,剩余2期将于12月底前完成。")
    assert [(i.value, i.status) for i in found if i.value in (186, 14, 18, 2)] == [
        (186, "actual"), (14, "target"), (18, "actual"), (2, "target")]


def test_a_standard_labelled_in_its_sentence_and_numbers_that_are_no_counts():
    found = indicators("(二)慰问标准。慰问金标准为:困难职工每户1000元,困难劳动模范每人2000元。"
                       "按附件1所列名单转拨到各基层单位。同一户困难职工获得的慰问金合计原则上不超过3000元。")
    assert [(i.value, i.object) for i in found][:2] == [(1000, "慰问金"), (2000, "慰问金")]
    assert [i.value for i in found][2:] == [3000]


def test_sessions_named_after_their_trainees_and_a_noun_before_its_verb():
    found = indicators("开展农民工技能培训5期,培训450人次。全年工会经费收缴38.6万元,同比增长7.2%。")
    assert [i.object for i in found][1:] == ["农民工技能", "工会经费", "工会经费"]


def test_a_goal_named_as_a_noun_and_a_new_round_are_no_plan_and_no_count():
    found = indicators("围绕年度生产经营目标,公司开展劳动竞赛,设立竞赛项目23个。明年是公司实施新一轮技术改造的关键一年。")
    assert [(i.value, i.status) for i in found] == [(23, "actual")]


def test_goods_named_after_their_worth_with_a_time_word_and_credits():
    found = indicators("校工会为全校在职教职工每人发放价值300元的节日慰问品,共计85.8万元。经考核合格的每人认定继续教育学分3学分。")
    assert [(i.value, i.unit, i.object) for i in found][:2] == [(300, "元", "节日慰问品"), (858000, "元", "节日慰问品")]
    assert found[2].unit == "学分"


def test_each_units_line_of_a_sum_shared_out_counts_that_sum():
    text = ("市总工会关于下拨2023年送温暖专项资金的通知\n一、资金额度\n本次下拨送温暖专项资金共计356万元。\n二、资金分配\n"
            "江南区总工会:42万元,困难职工380户;\n湖滨区总工会:28.6万元,困难职工262户。\n")
    (doc,) = parse_text(text)
    assert doc.doc_type == "other"
    assert [i.object for i in doc.indicators if i.kind == "money"] == ["送温暖专项资金"] * 3


def test_money_right_after_a_count_is_the_money_of_the_item_the_count_names():
    found = indicators("审计共发现问题23个,涉及金额41.6万元。其中:超标准发放3.2万元、重复救助7户1.4万元。")
    assert found[-1].value == 14000 and "救助" in found[-1].object


def test_a_box_drawn_table_reads_cell_by_cell():
    table = ("┌────────┬────┬──────┬──────┐\n│指标名称│单位│2020年│2021年│\n├────────┼────┼──────┼──────┤\n"
             "│基层工会组织    │个  │  3208│  3295│\n├────────┼────┼──────┼──────┤\n│发放帮扶资金    │万元│1352.8│1418.6│\n"
             "└────────┴────┴──────┴──────┘\n")
    found = [(i.value, i.unit, i.object) for i in indicators(table)]
    assert found == [(3208, "个", "基层工会组织"), (3295, "个", "基层工会组织"),
                     (13528000, "元", "发放帮扶资金"), (14186000, "元", "发放帮扶资金")]


def test_counts_that_introduce_a_list_and_votes():
    found = indicators("县总工会重点做了四件事:一是新建基层工会组织42家;二是发展会员3180人。突出抓好三项工作:①深化集体协商。"
                       "丰富了职工八小时以外的生活。表决时赞成票168票,反对票1票,弃权票3票。")
    assert [(i.value, i.unit) for i in found] == [(42, "家"), (3180, "人"), (168, "票"), (1, "票"), (3, "票")]


def test_a_threads_counters_an_article_zhang_and_a_whole_named_only_as_a_whole():
    found = indicators("先上一张“成绩单”:全区新建户外劳动者服务驿站10个,总数突破70个。@西湖工会在线 (1/8)")
    assert [i.value for i in found] == [10, 70] and found[1].object == found[0].object and "驿站" in found[0].object


def test_square_and_cubic_metres_typed_in_latin_letters_and_a_quarter_naming_nothing():
    found = indicators("滨江街道职工之家面积1200m2,节约用水2.6万m3。全年力争帮助困难职工解困脱困300户,其中一季度完成80户。")
    assert [(i.value, i.unit) for i in found][:2] == [(1200, "平方米"), (26000, "立方米")]
    assert found[-1].object == found[-2].object


def test_a_sum_names_the_money_its_sentence_named_before():
    found = indicators("工会上门协商了五次,最后物业公司把拖欠的工钱一分不少地补上了,一共四万二千元。")
    assert (found[-1].value, found[-1].object) == (42000, "工钱")


def test_a_plans_present_fact_then_this_years_target():
    text = "荆山市总工会2020年工作要点\n一、主要任务\n目前全市已建成站点86个,今年再新建40个。\n"
    (doc,) = parse_text(text)
    assert [(i.value, i.status) for i in doc.indicators] == [(86, "actual"), (40, "target")]


def test_a_share_named_and_moved_measures_the_part_before_zhan():
    found = indicators("App月活跃用户占注册用户的比例提高到60%,女职工占职工总数的比重达到45%。")
    assert [(i.value, i.object) for i in found] == [(60, "App月活跃用户"), (45, "女职工")]


def test_a_tables_part_row_is_part_of_its_column_in_the_row_above_and_no_conflict():
    text = ("白沙区总工会2022年工作总结\n一、基本情况\n全区女会员40,385人,占会员总数的44.1%。\n"
            "项目\t2021年(人)\t2022年(人)\t增减(人)\n工会会员\t85,522\t91,572\t6,050\n"
            "其中:女会员\t37,816\t40,385\t2,569\n")
    (doc,) = parse_text(text)
    by_id = {i.id: i for i in doc.indicators}
    row = doc.indicators[-3:]
    assert [(i.value, i.object) for i in row] == [(37816, "女会员"), (40385, "女会员"), (2569, "女会员")]
    assert [by_id[i.part_of].value for i in row] == [85522, 91572, 6050]
    assert not doc.findings


def test_a_unit_noted_above_a_table_is_the_unit_of_its_bare_figures():
    text = ("白沙区总工会2022年统计报告\n一、基本情况\n全区基层工会组织情况见表1。\n表1 基层工会组织情况\n单位:个\n"
            "项目\t2021年\t2022年\t增长率\n基层工会组织\t1,526\t1,652\t8.3%\n社会组织工会\t66\t84\t27.3%\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.unit, i.object) for i in doc.indicators] == [
        (1526, "个", "基层工会组织"), (1652, "个", "基层工会组织"), (8.3, "%", "基层工会组织"),
        (66, "个", "社会组织工会"), (84, "个", "社会组织工会"), (27.3, "%", "社会组织工会")]


def test_lines_of_a_label_and_a_figure_count_what_their_lead_in_names():
    found = indicators("共分配会员代表名额86名。各分工会代表名额如下:\n机加工车间分工会 24名\n装配车间分工会\t21名\n"
                       "当选委员得票情况如下(按姓氏笔画为序):\n王××(女)79票\n李××76票\n")
    assert [(i.value, i.object) for i in found][1:] == [
        (24, "分工会代表名额"), (21, "分工会代表名额"), (79, "当选委员得票"), (76, "当选委员得票")]


def test_a_changes_start_is_a_fact_and_a_weak_cue_before_an_adverb_plans():
    found = indicators("今年,我们将继续推进集体协商,新签工资专项集体合同不少于1300份;"
                       "要把申请材料由原来的7项精简到3项。")
    assert [(i.value, i.status) for i in found] == [(1300, "target"), (7, "actual"), (3, "target")]
    assert found[1].object == found[2].object


def test_candidates_elected_and_the_parts_of_a_speech():
    found = indicators("下面,我简要通报五个方面的情况。确定委员候选人11名,应选9名,差额比例为22.2%。")
    assert [(i.value, i.object) for i in found] == [(11, "委员候选人"), (9, "委员候选人"), (22.2, "差额比例")]


def test_a_territorys_own_places_are_a_fact_in_a_plan_but_not_the_places_a_task_acts_on():
    plan = "某县总工会2021年工作计划\n一、主要任务\n"
    found = indicators("新建职工之家15个;全县18个乡镇每个乡镇至少建成1个服务站点;年内对全县9个乡镇工会开展专项审计。", plan)
    assert [(i.value, i.status) for i in found] == [(15, "target"), (18, "actual"), (1, "target"), (9, "target")]


def test_a_sum_of_money_set_as_a_task_is_named_as_the_task():
    found = indicators("上半年共收缴工会经费86.4万元,完成全年任务160万元的54%。新签集体合同1126份,完成年度任务1300份的86.6%。")
    assert [i.object for i in found if i.value in (864000, 1600000, 1300)] == ["工会经费", "任务", "集体合同"]


def test_hours_of_teaching_count_the_class_their_sentence_names():
    found = indicators("举办青年教师教学能力提升研修班2期,每期24学时。举办分工会主席培训班,共16学时。分设3个班,累计授课96课时。")
    assert [(i.value, i.object) for i in found if i.unit in ("学时", "课时")] == [
        (24, "青年教师教学能力提升研修班"), (16, "分工会主席培训班"), (96, "授课")]


def test_shares_after_a_list_of_figures_are_of_those_figures_in_order():
    found = indicators("上半年帮扶困难职工244户、发放帮扶资金73.2万元,分别占全年的41.7%和39.8%。")
    assert [(i.value, i.object) for i in found if i.unit == "%"] == [(41.7, "困难职工"), (39.8, "帮扶资金")]


def test_a_header_counting_in_a_measure_word_gives_its_cells_unit_and_thing():
    text = ("江源县总工会2018年工作报告\n一、主要工作\n送温暖资金发放情况见下表。\n乡镇\t资金(万元)\t户数\n"
            "城关镇\t32.6\t368\n河口镇\t24.8\t286\n合计\t57.4\t654\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.unit, i.object) for i in doc.indicators if i.unit == "户"] == [
        (368, "户", "户数"), (286, "户", "户数"), (654, "户", "户数")]


def test_money_per_head_after_a_clause_of_another_verb_is_the_money_its_sentence_sums():
    found = indicators("资助困难职工子女126名,每人3000元,发放助学金37.8万元。为困难劳模每人奖励5000元。")
    assert [(i.value, i.object) for i in found if i.per] == [(3000, "助学金"), (5000, "奖励")]


def test_a_plans_table_column_of_an_earlier_year_is_done():
    text = ("梅溪镇总工会2021年工作计划\n一、主要目标\n主要指标如下:\n项目\t2020年\t2021年目标\n新建工会组织(家)\t18\t15\n"
            "发展会员(人)\t860\t800\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.status) for i in doc.indicators] == [(18, "actual"), (15, "target"), (860, "actual"), (800, "target")]


def test_a_cue_word_inside_a_quoted_name_is_no_cue():
    found = indicators("深入实施集体合同制度“攻坚计划”,在建筑、餐饮、商贸三个行业推行行业性工资集体协商。")
    assert [(i.value, i.status) for i in found] == [(3, "actual")]


def test_a_rate_rows_change_column_counts_percentage_points():
    text = ("清河县总工会2022年统计报告\n一、基本情况\n主要指标如下:\n指标\t2021年\t2022年\t增减\t增长率(%)\n"
            "职代会建制率(%)\t86.4\t88.9\t2.5\t—\n集体合同(份)\t398\t426\t28\t7.0\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.unit) for i in doc.indicators] == [
        (86.4, "%"), (88.9, "%"), (2.5, "个百分点"), (398, "份"), (426, "份"), (28, "份"), (7.0, "%")]


def test_a_goal_reported_done_is_a_fact_a_pledge_in_pairs_no_count():
    found = indicators("年初确定的32项重点任务全部完成。确保本学期立案的12件提案全部办结。及时启动应急救助机制,做到发现一户、救助一户。")
    assert [(i.value, i.status) for i in found] == [(32, "actual"), (12, "target")]


def test_a_ledgers_time_cells_name_nothing_and_a_heading_over_a_new_table_heads_it():
    text = ("梁山镇总工会2020年工作台账\n一、组织建设台账\n时间\t事项\t数量\t备注\n3月15日—6月30日\t新建基层工会\t12家\t梁山村等\n"
            "全年\t发展新会员\t415人\t其中农民工会员86人\n二、帮扶救助台账\n时间\t事项\t数量\t金额\n1月15日—22日\t走访慰问困难职工\t128户\t6.4万元\n")
    (doc,) = parse_text(text)
    assert [s.heading for s in doc.sections] == ["组织建设台账", "帮扶救助台账"]
    assert [(i.value, i.object) for i in doc.indicators if i.unit in ("家", "户")] == [(12, "新建基层工会"), (128, "走访慰问困难职工")]
    assert next(i.object for i in doc.indicators if i.value == 415) == "发展新会员"


def test_an_outlines_bulleted_lines_count_the_topic_before_their_colon():
    text = ("松林县总工会2021年工作汇报提纲\n一、2021年主要工作\n（一）帮扶救助：精准兜底\n"
            "● “两节”送温暖：走访386户，发放57.9万元\n● 职工之家/职工书屋：新建12个/9个\n"
            "● 帮助农民工追讨欠薪386.5万元\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.object) for i in doc.indicators][:4] == [
        (386, "“两节”送温暖"), (579000, "“两节”送温暖"), (12, "职工之家"), (9, "职工书屋")]
    assert [s.heading for s in doc.sections] == ["2021年主要工作", "帮扶救助"]  # (● lines under numbered parts are items)


def test_a_window_of_days_is_no_count_and_an_arrow_after_tongbi_is_a_change():
    found = indicators("体温超过37.3℃或近14天内有中高风险地区旅居史的人员不得参会。全年收缴工会经费3168万元,同比↑6.2%。")
    assert [(i.value, i.object) for i in found if i.unit != "℃"] == [(31680000, "工会经费"), (6.2, "工会经费")]


def test_a_situations_list_names_its_own_things_and_a_formulas_hundred_percent_is_no_figure():
    found = indicators("新就业形态劳动者入会情况如下:\n快递员386人;\n网约配送员412人。\n注:职工入会率=工会会员÷职工人数×100%。")
    assert [i.value for i in found] == [386, 412]
    assert found[0].object in "快递员" and found[1].object == "网约配送员"


def test_an_open_markdown_task_is_still_to_do():
    from extractor.read import read_bytes
    from extractor.pipeline import parse_source

    text = "# 锦水区总工会2024年上半年工作总结\n## 一、主要工作\n- [x] 完成职工书屋建设12家\n- [ ] 新建户外劳动者服务驿站8个(下半年)\n"
    (doc,) = parse_source(read_bytes(text.encode("utf-8"), "summary.md"))
    assert [(i.value, i.status) for i in doc.indicators] == [(12, "actual"), (8, "target")]


def test_an_approximate_figure_alone_in_its_cell():
    text = "渔桥镇总工会2022年统计\n一、统计表\n指标\t单位\t2021年\t2022年\n职工书屋藏书\t册\t约3000\t4650\n会员人数\t人\t3190\t3458\n"
    (doc,) = parse_text(text)
    assert [(i.value, i.unit, i.approx) for i in doc.indicators][:2] == [(3000, "册", "约"), (4650, "册", None)]


def test_a_remarks_bare_verb_counts_the_rows_thing():
    text = ("渔桥镇总工会2022年统计\n一、统计表\n指标\t单位\t2021年\t2022年\t备注\n困难职工\t户\t27\t21户\t全年解困9户,新纳入3户\n"
            "职工人数\t人\t3412\t3658\t其中新就业形态劳动者218人\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.object) for i in doc.indicators if i.value in (9, 3, 218)] == [
        (9, "困难职工"), (3, "困难职工"), (218, "新就业形态劳动者")]


def test_a_lead_in_of_work_to_do_frames_its_list_as_targets():
    text = ("西城区总工会2022年工作总结\n一、主要工作\n全年新建工会20家。新的一年,区总工会将聚焦主责主业,重点抓好这几件事:"
            "新建基层工会组织50家以上,发展会员5000人以上;集体合同签订率稳定在90%以上。\n二、存在问题\n"
            "对照年度目标仍有差距:一是职工驿站建设偏慢,完成率仅为65%;二是新任基层工会主席有37人。\n")
    (doc,) = parse_text(text)
    assert [(i.value, i.status) for i in doc.indicators] == [
        (20, "actual"), (50, "target"), (5000, "target"), (90, "target"), (65, "actual"), (37, "actual")]


def test_an_average_names_nothing_and_a_topic_before_ye_is_counted():
    found = indicators("街道工会专职工作人员偏少,平均每个街道仅1.5名。职工文体活动也没落下,全年组织了一百二十多场。"
                       "最后248名选手进了决赛。")
    assert [(i.value, i.object) for i in found] == [(1.5, None), (120, "职工文体活动"), (248, "选手")]


def test_a_label_printed_with_its_unit_and_a_header_of_two_titles_are_parted():
    text = ("南坪市2022年工会统计\n指标名称\t计量单位\t2021年\t2022年\n工会会员\t人\t263180\t275430\n"
            "劳动争议调解案件 件\t412\t376\n户外劳动者服务站点个\t118\t164\n\n"
            "县(市、区)\t基层工会组织(个)工会会员(人)\n坪江区\t462\t78640\n溪口区\t318\t46215\n")
    (doc,) = parse_text(text)
    got = [(i.value, i.unit, i.object) for i in doc.indicators]
    assert (412, "件", "劳动争议调解案件") in got and (164, "个", "户外劳动者服务站点") in got
    assert (462, "个", "基层工会组织") in got and (78640, "人", "工会会员") in got


def test_a_column_of_employers_named_unit_is_no_column_of_measures():
    text = ("和坪县2023年慰问名单\n序号\t姓名\t单位\t金额(元)\t备注\n1\t王**\t县公路管理段\t1000\n2\t李**\t县医院\t500\n"
            "\t小计:2户\t\t1500\n")
    (doc,) = parse_text(text)
    assert all(i.object != "单位" for i in doc.indicators)


def test_people_chosen_from_a_group_and_a_per_trade_share_and_a_named_aid():
    found = indicators("从市职业技能鉴定专家库中遴选裁判员不少于96名,每个工种不少于8名。组委会从各工种决赛优胜选手中选拔24名组成集训队。"
                       "竞赛经费共计42万元,其中奖金18.6万元、参赛补贴8.4万元。年满18周岁的职工均可报名。")
    assert [(i.value, i.object, i.per) for i in found] == [
        (96, "裁判员", None), (8, "裁判员", "工种"), (24, "各工种决赛优胜选手", None),
        (420000, "竞赛经费", None), (186000, "奖金", None), (84000, "参赛补贴", None)]


def test_money_per_head_after_a_sentence_of_its_sum_and_a_task_given_from_above():
    found = indicators("全年发放助学金125.4万元。其中,资助本科新生138名,每人5000元;高职新生76名,每人3000元。"
                       "全年收缴工会经费1265万元,完成市总工会下达任务1200万元的105.4%。")
    assert [(i.value, i.object) for i in found if i.kind == "money"] == [
        (1254000, "助学金"), (5000, "助学金"), (3000, "助学金"), (12650000, "工会经费"), (12000000, "市总工会下达任务")]


def test_a_budget_is_a_plan_and_its_parts_are_named_as_written():
    from extractor.quantities import find_quantities

    assert [q.value for q in find_quantities("因公出国(境)费0万元,工程类采购预算0.00万元")] == [0, 0]
    text = ("青岚市总工会2023年部门预算公开\n一、收支预算总体情况\n2023年本部门支出预算合计2801.48万元,其中:基本支出1635.27万元,"
            "项目支出1166.21万元。按支出功能分类科目,一般公共服务支出(类)1842.16万元;2012904群众团体事务(款)工会事务(项)286.40万元。"
            "以上三项均按规定测算。\n")
    (doc,) = parse_text(text)
    assert doc.doc_type == "plan"
    assert [(i.value, i.object) for i in doc.indicators][1:5] == [
        (16352700, "基本支出"), (11662100, "项目支出"), (18421600, "一般公共服务支出"), (2864000, "工会事务")]
    assert len(doc.indicators) == 5 and all(i.status == "target" for i in doc.indicators)


def test_a_performance_table_of_label_levels_weights_and_scores():
    text = ("槐坪县总工会2022年度帮扶专项资金绩效自评报告\n三、绩效目标完成情况\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t帮扶困难职工户数\t≥500户\t526户\t10\t10\n"
            "\t\t医疗救助人次(人次)\t≥150\t138\t8\t6.5\n"
            "\t时效指标\t资金拨付时限\t≤30个工作日\t25个工作日\t5\t5\n"
            "自评得分92.5分,等级为优(90分(含)以上为优,80分(含)至90分为良)。三级绩效指标分值合计90分。\n")
    (doc,) = parse_text(text)
    got = [(i.value, i.unit, i.object, i.bound, i.status) for i in doc.indicators]
    assert (150, "人次", "医疗救助人次", "lower", "target") in got and (138, "人次", "医疗救助人次", None, "actual") in got
    assert (6.5, "分", "得分", None, "actual") in got
    assert (30, "个工作日", "资金拨付时限", "upper", "target") in got
    assert not any(i.object in ("数量指标", "时效指标") for i in doc.indicators)
    assert [i.value for i in doc.indicators if i.unit == "分"] == [10, 6.5, 5, 92.5]  # no weights, no grade bands


def test_a_verbs_result_is_no_object_and_batches_are_not_named_by_fen():
    found = indicators("全年调解劳动纠纷九起，调解成了七起。市总工会分3批组织108名劳模疗休养,同一批次不超过40人。")
    assert [(i.value, i.object) for i in found][:2] == [(9, "劳动纠纷"), (7, "劳动纠纷")]
    assert found[2].value == 3 and "分" not in (found[2].object or "")
    assert 1 not in [i.value for i in found]


def test_a_label_printed_up_to_its_first_figure_is_parted_from_it():
    text = ("双井县总工会2023年工作报告\n指标\t2022年\t2023年\t增长\n基层工会组织(家)486\t521\t35\n工会会员(人)\t58640\t61920\t3280\n"
            "在档困难职工(户)312\t268\t-44\n")
    (doc,) = parse_text(text)
    got = [(i.value, i.unit, i.object) for i in doc.indicators]
    assert (486, "家", "基层工会组织") in got and (521, "家", "基层工会组织") in got and (268, "户", "在档困难职工") in got


def test_a_two_row_header_whose_last_column_spans_both_rows_names_each_column():
    text = ("白杨县总工会2023年帮扶资金汇总表\n序号\t乡镇(单位)\t生活救助\t\t医疗救助\t\t合计金额(元)\n"
            "\t\t户数\t金额(元)\t人次\t金额(元)\n1\t城关镇\t42\t102000\t12\t53000\t155000\n"
            "2\t河口镇\t42\t103000\t7\t42900\t145900\n3\t县直单位\t39\t92500\t17\t82500\t175000\n"
            "合计\t\t123\t297500\t36\t178400\t475900\n填表人:周雅琴\t\t审核人:孙国栋\n")
    (doc,) = parse_text(text)
    got = [(i.value, i.unit, i.object) for i in doc.indicators]
    assert (42, "户", "生活救助") in got and (12, "人次", "医疗救助") in got and (155000, "元", "金额") in got


def test_a_verb_used_as_a_noun_before_money_a_verb_names_is_the_moneys_name():
    found = indicators("市总工会安排专项资金300万元,其中培训补贴150万元、竞赛奖励80万元。组织培训3000人次。")
    assert [(i.value, i.object) for i in found][:3] == [(3000000, "专项资金"), (1500000, "培训补贴"), (800000, "竞赛奖励")]
    assert found[3].predicate == "培训"


def test_a_places_count_with_a_verb_counts_the_whole_that_verb_was_done_to():
    found = indicators("共检查用人单位186家,其中建筑企业74家、其他用人单位22家;检查在建工程项目61个,涉及农民工1.37万人。"
                       "分地区看,柳林区检查52家,望江县检查48家。")
    assert [(i.value, i.object) for i in found][-2:] == [(52, "用人单位"), (48, "用人单位")]


def test_an_arrow_is_no_object_and_a_verb_of_reach_names_nothing():
    found = indicators("全年收缴工会经费3168万元,同比↑6.2%。送去清凉物资,价值58万元,惠及近3000人。")
    assert [(i.value, i.object) for i in found] == [
        (31680000, "工会经费"), (6.2, "工会经费"), (580000, "清凉物资"), (3000, None)]


def test_a_share_of_a_named_whole_is_the_parts_and_a_caption_number_is_no_count():
    found = indicators("确保职工活动支出和维权支出合计占总支出的比例不低于60%。支出决算情况见下表。\n表2　支出决算表\n"
                       "政府补助收入150.00万元,与年初预算150.00万元持平。")
    assert [(i.value, i.object) for i in found][:2] == [(60, "职工活动支出和维权支出"), (1500000, "政府补助收入")]
    assert 2 not in [i.value for i in found] and found[2].object != "持平"


def test_places_listed_after_a_figure_count_its_thing():
    found = indicators("平川区诉求量最多,为318件,占全市总量的25.2%;安北区247件,占19.6%;青川县186件,占14.7%。"
                       "镇总工会专职工作人员只有2名,面对全镇4000多名会员。")
    assert [(i.value, i.object) for i in found][2:6] == [(247, "诉求量"), (19.6, "诉求量"), (186, "诉求量"), (14.7, "诉求量")]
    assert found[-1].object == "会员"


def test_calls_answered_by_hand_count_the_calls():
    found = indicators("11月,热线共呼入来电2132个,人工接听1987个,接通率93.20%。")
    assert [(i.value, i.object) for i in found] == [(2132, "来电"), (1987, "来电"), (93.2, "接通率")]


def test_a_forms_key_names_its_value_and_a_cell_of_sentences_is_read_as_text():
    text = ("梨树县总工会2023年困难职工帮扶申请审批表\n序号\t1\t申请日期\t2023年3月6日\n家庭人口\t4人\t月人均收入\t800元\n"
            "致困原因\t因病\t申请帮扶金额\t5000元\n家庭情况\t妻子患尿毒症,每周透析3次,全年医疗费用约6.8万元,医保报销后自付医疗费用2.1万元。\n")
    (doc,) = parse_text(text)
    got = [(i.value, i.object) for i in doc.indicators]
    assert (800, "月人均收入") in got and (5000, "申请帮扶") in got and (4, "家庭人口") in got
    assert (21000, "家庭情况") not in got


def test_a_clause_of_results_after_the_goals_clause_reports_them():
    found = indicators("三年目标培养高技能人才4500人,2021年培养1180人,今年上半年培养780人,累计培养1960人,低于时序进度。")
    assert [(i.value, i.status) for i in found] == [(4500, "target"), (1180, "actual"), (780, "actual"), (1960, "actual")]


def test_a_gap_to_a_goal_is_a_fact_and_names_nothing_by_its_verb():
    found = indicators("截至6月底,距三年目标还差2540人。")
    assert [(i.value, i.status, i.object) for i in found] == [(2540, "actual", None)]


def test_an_amount_a_union_recommends_is_proposed():
    found = indicators("基层工会意见:情况属实,建议给予帮扶4000元。县总工会审批意见:同意救助3000元。")
    assert [(i.value, i.status) for i in found] == [(4000, "target"), (3000, "actual")]


def test_a_completion_share_of_the_years_plan_is_a_fact():
    found = indicators("全年组织职工技能培训1682人次,完成年度计划的112.1%。")
    assert [i.status for i in found] == ["actual", "actual"]


def test_one_after_a_name_ending_in_a_one_character_noun_is_a_count():
    found = indicators("在乡综治中心设立农民工法律援助点一个,全年接待法律咨询二百余人次。")
    assert [i.value for i in found] == [1, 200]


def test_a_change_of_a_count_counts_what_the_count_before_counts():
    found = indicators("全年在档困难职工405户。坚持动态管理,全年新增12户、退出31户。")
    assert [(i.value, i.object) for i in found] == [(405, "在档困难职工"), (12, "在档困难职工"), (31, "在档困难职工")]


def test_a_per_head_standard_is_the_standard_of_the_thing_named_before():
    found = indicators("组织全校128名教职工参加健康体检,人均标准600元。")
    assert [(i.value, i.object) for i in found] == [(128, "教职工"), (600, "健康体检")]


def test_a_verb_before_an_expense_names_the_expense():
    found = indicators("工会经费支出412.6万元,其中慰问支出186.3万元、文体活动支出98.5万元。")
    assert [i.object for i in found] == ["工会经费支出", "慰问支出", "文体活动支出"]


def test_a_place_name_is_not_cut_to_its_last_character():
    found = indicators("各县(市、区)总工会共分配36名:\n西坝区　12名\n北关区　12名\n新港区　12名\n")
    assert all(i.object != "区" and i.object != "坝区" for i in found)


def test_batches_count_the_activity_they_divide():
    found = indicators("2022年,市总工会分3批组织108名劳模赴省职工疗休养基地开展疗休养。")
    assert [(i.value, i.object) for i in found] == [(3, "疗休养"), (108, "劳模")]


def test_a_place_counted_after_its_measure_word_keeps_its_name():
    found = indicators("全区累计建成心理服务站18个,覆盖全区九个街道和三个工业园区。")
    assert [(i.value, i.object) for i in found] == [(18, "心理服务站"), (9, "街道"), (3, "工业园区")]


def test_passing_review_counts_what_was_reviewed():
    found = indicators("全年受理理赔申请2263件,审核通过2198件。")
    assert found[1].object == found[0].object


def test_the_amount_of_a_share_is_of_the_share_before_it():
    found = indicators("所需经费由县总工会承担70%、约51万元,单位承担30%、约21.9万元。")
    assert found[1].object == found[0].object and found[3].object == found[2].object


def test_how_a_standard_is_reckoned_or_paid_names_no_thing():
    found = indicators("交通费按每人280元核定。继续按每张卡30元标准发放激活消费券。")
    assert [(i.value, i.object) for i in found] == [(280, "交通费"), (30, "激活消费券")]


def test_a_programme_named_a_plan_is_no_target():
    found = indicators("选取企业15家开展职工心理援助计划试点,其中国有企业4家、民营企业9家、外资企业2家。")
    assert [i.status for i in found] == ["actual"] * 4


def test_votes_are_what_a_candidate_got_not_the_candidate():
    found = indicators("表决结果为:赞成146票、反对0票、弃权2票。选举王建国同志为工会主席,得7票。"
                       "得票情况如下:\n郑晓红(女):140票,当选\n何立新:133票,当选\n")
    assert [(i.value, i.object) for i in found] == [
        (146, "赞成"), (0, "反对"), (2, "弃权"), (7, "得票"), (140, "得票"), (133, "得票")]


def test_an_average_age_is_kept_and_an_age_class_is_of_the_totals_thing():
    found = indicators("第五届工会委员会由7名委员组成,其中女性2名、35岁以下1名,平均年龄43.6岁。")
    assert [(i.value, i.object) for i in found] == [(7, "委员"), (2, "女性"), (1, "委员"), (43.6, "平均年龄")]
    assert found[3].part_of is None


def test_places_widened_in_brackets_stay_in_the_object():
    found = indicators("全区12个镇(街道)、区直8个系统工会均成立了竞赛领导小组。")
    assert [i.object for i in found] == ["镇(街道)", "系统工会"]


def test_a_part_of_a_group_in_heads_counts_the_group():
    found = indicators("全县约4,600名新就业形态劳动者中尚有近1,300人未入会。三是仍有3个偏远乡镇未建成职工驿站。")
    assert [(i.value, i.object) for i in found] == [(4600, "新就业形态劳动者"), (1300, "新就业形态劳动者"), (3, "偏远乡镇")]


def test_a_cards_verb_and_figure_count_the_label_above():
    found = indicators("三大服务阵地\n职工之家\n新建12家\n职工书屋\n新建9家\n")
    assert [(i.value, i.object) for i in found] == [(12, "职工之家"), (9, "职工书屋")]


def test_a_ranked_lists_scores_count_what_its_lead_in_names():
    found = indicators("团体总分前八名如下:\n1.市电力公司工会 286分\n2.岭北钢铁集团工会 271分\n3.岭东区总工会 258.5分\n")
    assert [(i.value, i.object) for i in found] == [(286, "团体总分前八名"), (271, "团体总分前八名"), (258.5, "团体总分前八名")]


def test_people_helped_to_an_outcome_and_people_of_classes_just_counted():
    found = indicators("帮助脱贫劳动力和农村富余劳动力实现就业1,046人。培训村级工会干部2期60人。")
    assert [(i.value, i.object) for i in found] == [(1046, "脱贫劳动力和农村富余劳动力"), (2, "村级工会干部"), (60, "村级工会干部")]


def test_will_before_a_preposition_plans_what_follows():
    found = indicators("市总工会将从本届运动会中选拔不少于150名成绩优异的运动员。")
    assert [(i.value, i.status) for i in found] == [(150, "target")]


def test_a_figure_marked_as_the_goal_and_a_years_results_after_a_plan():
    found = indicators("新建户外劳动者服务站点30个（目标）——已建成36个。年初承诺新建职工之家50家，全年共建成63家。")
    assert [(i.value, i.status) for i in found] == [(30, "target"), (36, "actual"), (50, "target"), (63, "actual")]


def test_things_counted_then_partly_done_and_the_rest_scheduled():
    found = indicators("审计发现的55个问题已整改到位50个,整改率90.9%。其中2个问题将于2023年10月底前整改到位。")
    assert [(i.value, i.object, i.status) for i in found] == [
        (55, "问题", "actual"), (50, "问题", "actual"), (90.9, "整改率", "actual"), (2, "问题", "target")]


def test_a_multiple_counts_the_sentences_thing_and_a_contests_scoring_rule_counts_nothing():
    found = indicators("创新工作室从18家增加到27家,是上年的1.5倍。单项第一名至第八名分别计9、7、6、5、4、3、2、1分,破纪录的另加计2分。")
    assert [(i.value, i.object) for i in found] == [(18, "创新工作室"), (27, "创新工作室"), (1.5, "创新工作室")]


def test_each_figure_after_its_own_label_and_colon_is_named_by_it():
    found = indicators("职工总数:1,286人,其中女职工:352人,农民工:418人。")
    assert [(i.value, i.object) for i in found] == [(1286, "职工"), (352, "女职工"), (418, "农民工")]  # (总数: the whole of 职工)


def test_a_tables_columns_named_by_their_units_give_bare_cells_their_units():
    found = indicators("序号\t活动名称\t次数\t参加人次\n1\t职工趣味运动会\t1\t860\n2\t职工技能比武\t4\t312\n")
    assert [(i.value, i.unit) for i in found] == [(1, "次"), (860, "人次"), (4, "次"), (312, "人次")]
