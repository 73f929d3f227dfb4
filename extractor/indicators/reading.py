"""What a figure counts (object) and the verb that reports it (predicate).

The words left of the number up to the clause start (``建立基层工会委员会20家``),
or the noun phrase right after the unit (``组织28家企业``), give the object;
the last verb before the number gives the predicate.  jieba segments only
these short windows.
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from typing import NamedTuple, Optional, Sequence

import regex

from ..records import Indicator, Quantity
from ..segment import segment, tag_of
from .context import Context
from .cues import indicator_cues

# patterns used in hot paths, compiled once
_STARTS_HAN_OR_QUOTE = regex.compile(r"[\p{Han}“]")
_ALL_HAN = regex.compile(r"\p{Han}+")
_NON_HAN = regex.compile(r"[^\p{Han}]")
_PER_WORD_PREFIX = regex.compile(r"^(每|人均|户均)")
_PER_PHRASE_PREFIX = regex.compile(r"^(每\p{Han}|人均|户均)")
_PER_PHRASE_END = regex.compile(r"(?:每\p{Han}{1,3}?|人均|户均)+$")
_DIGIT = regex.compile(r"[\d一二三四五六七八九十百千万]")
_PER_WORDS = frozenset({"人", "户", "每人", "每户", "人均", "户均"})
_RATE_WORD = regex.compile(r"(率|比例|比重|覆盖面|参与面|活动面|知晓面|满意度|知晓度|参与度|进度)$")
_LEADING_NUMBER = regex.compile(r"^\s*(?:\d{1,2}\s*[.、,]|[(]\d{1,2}[)]|[一二三四五六七八九十]+、)\s*")
_STANDARD_ONLY = regex.compile(r"(?:人均|户均|每人|每户)?标准")  # a standard alone names no thing
_BUDGET_CLASS = regex.compile(r"[(（][类款项][)）]|[(（](?:科目)?(?:编码|代码)[:：]?\d+[)）]|(?<![\d.,])[12]\d{4,6}(?=\p{Han})")
# (and its code: 2012904群众团体事务, (科目编码2012901))
_NUMBERISH = regex.compile(r"[\d一二三四五六七八九十百千万亿两几数*xX]")
_NUMERALS = "一二三四五六七八九十"  # those _LEADING_NUMBER reads
_QUARTER_ONLY = regex.compile(r"(?:第?[一二三四1-4]季度|[上下]半年|全年|年内|当年)")
_TIME_ONLY = regex.compile(r"年度|全年|今年|本年度?|当年|年初|年内|上半年|下半年|季度|月度")


def is_verb(word: str) -> bool:
    # The lexicon only: jieba's dictionary tags are too noisy here (选手 is tagged v).
    return word in indicator_cues().verbs


_WORD_CHAR = regex.compile(r"[\p{Han}\p{L}\p{N}]")
_LEADING_SYMBOLS = regex.compile(r"^[\p{So}\p{Sk}\p{Sm}\uFE0F\u200D]+\s*")  # emoji, bullets, arrows (↑ is Sm)


# Readings of short windows are cached like their segmentation: the same phrases
# (签订集体合同, 发展会员) recur across the documents of an archive.
@lru_cache(maxsize=16384)
def strip_object(phrase: str) -> str:
    """Drop function words, places and times from the edges of an object."""
    cues = indicator_cues()
    if phrase and not _WORD_CHAR.match(phrase):
        phrase = _LEADING_SYMBOLS.sub("", phrase)  # 【🔹】全区基层工会组织: a post's bullet is no word
    if "的" in phrase:
        head = phrase.rstrip("的").rsplit("的", 1)
        if len(head) == 2 and head[1]:  # the head noun follows the last attributive 的
            phrase = head[1]
    if "本级" in phrase:
        phrase = cues.phrases["own_level_prefix"].sub("", phrase)  # 【县总工会本级】资产总额
    if phrase[:1].isdigit() or phrase[1:3] in ("季度", "半年"):
        phrase = cues.leading_year.sub("", phrase)  # 【2023年】全市参保人数, 【8月、9月】织造车间, 【二季度】收缴
    if phrase.endswith("目标任务") and (not phrase[:-4] or _TIME_ONLY.fullmatch(phrase[:-4])):
        phrase = "任务"  # 全年目标任务: the task, which 目标 only names as a goal (as written: no word dropped inside)
    while phrase:
        # one-character function words are dropped as tokens, never from inside a word (对象)
        prefix = cues.prefix_re.match(phrase)
        if (prefix and prefix.end() < len(phrase) and phrase[prefix.end()] not in cues.level_suffixes
                and len(segment(phrase)[0]) <= prefix.end()):  # (not from inside a term: 【基本】支出)
            phrase = phrase[prefix.end():]
            continue
        suffix = cues.suffix_re.search(phrase)
        if suffix and suffix.start() > 0:
            if _TIME_ONLY.fullmatch(phrase, 0, suffix.start()):
                break  # 【年度】任务: a time alone names nothing, the task does
            phrase = phrase[:suffix.start()]
            continue
        break
    first = phrase[:1]
    if not "\u4e00" <= first <= "\u9fff" or first in _NUMERALS:  # else it cannot start a list number
        phrase = _LEADING_NUMBER.sub("", phrase)
    phrase = _strip_edges(phrase)
    if phrase in cues.strip_prefix or (phrase in cues.strip_suffix and len(phrase) == 1) or phrase in cues.not_objects:
        return ""
    if _QUARTER_ONLY.fullmatch(phrase):
        return ""  # 其中【一季度】完成80户: a time alone names nothing
    if len(phrase) <= 1 and _NUMBERISH.fullmatch(phrase or "0"):  # one character at most can match
        return ""
    return phrase


_PAIRED_MARKS = (("(", ")"), ("“", "”"), ("《", "》"))


def _strip_edges(phrase: str) -> str:
    """``phrase`` without quotes, list commas, spaces and brackets at its ends, but for
    a mark whose partner is inside it: 职工之家(站), “安康杯”知识竞赛."""
    stripped = phrase.strip("“”\"'《》()、 \n")
    if stripped.isalnum():  # hanzi and digits only, as most objects: no mark to pair
        return stripped
    for opening, closing in _PAIRED_MARKS:
        if stripped.count(opening) > stripped.count(closing) and stripped + closing in phrase:
            stripped += closing  # its closing mark was stripped off the end
        elif stripped.count(closing) > stripped.count(opening) and opening + stripped in phrase:
            stripped = opening + stripped  # its opening mark was stripped off the start
    return stripped


def _trim_tokens(tokens: Sequence[str]) -> Sequence[str]:
    """``tokens`` without the function words, places and times at their edges."""
    cues = indicator_cues()
    bad_tags, prefixes, suffixes = cues.bad_edge_tags, cues.strip_prefix, cues.strip_suffix
    first, end = 0, len(tokens)  # the kept tokens are tokens[first:end]
    while first < end and (tag_of(tokens[first]) in bad_tags or tokens[first] in prefixes):
        if first + 1 < end and tokens[first + 1] in cues.level_suffixes:
            break  # 全国级, 全省性: the place names a level
        if (tag_of(tokens[first]) in _PLACE_WORD_TAGS and first + 1 < end
                and cues.place_tail.match("".join(tokens[first + 1:end]).strip())):
            break  # 新港|区, 西|坝区: the words are one place's name, not a place before a thing
        scope = tokens[first] == "全" and end - first > 1 and tokens[first + 1][-1:] not in cues.level_suffixes
        first += 2 if scope else 1  # 【全】【集团】: a scope, whole (not 全【县级】劳动模范)
    # a whole-word suffix such as 任务 or 目标 may be the object itself (完成【任务】的112%)
    while end - first > 1 and (tag_of(tokens[end - 1]) in bad_tags
                               or (len(tokens[end - 1]) == 1 and tokens[end - 1] in suffixes)):
        if tokens[end - 1] in cues.level_suffixes:
            break
        end -= 1
    if first < end and tag_of(tokens[end - 1]) in bad_tags and tokens[end - 1] not in cues.level_suffixes:
        end -= 1
    return tokens[first:end]


def _phrase(tokens: Sequence[str]) -> str:
    trimmed = _trim_tokens(tokens)
    for k in range(1, len(trimmed) - 1):
        if tag_of(trimmed[k]) == "p" and any(token[:1].isdigit() for token in trimmed[k + 1:]):
            trimmed = _trim_tokens(trimmed[:k])  # 小组【于6月和12月】: a time after the noun, no part of it
            break
    if trimmed:
        return strip_object("".join(trimmed))
    # a lone pronoun-like noun is still an object (私营17家,【其它】25家)
    if len(tokens) == 1 and tag_of(tokens[0]) in ("r", "") and tokens[0] not in indicator_cues().strip_prefix:
        return strip_object(tokens[0])
    return ""


_PLACE_WORD_TAGS = frozenset(("ns", "f"))  # jieba's tags of place names and directions
_PLACE_LEVELS = frozenset("省市县区镇乡村")  # a place word a bracket may widen: 镇(街道), 县(市、区)
_ADVERBIAL_TAGS = frozenset("dtcp")  # adverbs, time words, conjunctions, prepositions (jieba's tags)


class _LeftReading:
    """The words left of a number, read around their last verb: the predicate and the
    object after it.  The stretches before the verb are read only when a rule asks for
    them (most figures have their object before that)."""

    def __init__(self, tokens: Sequence[str]):
        self._tokens = tokens
        cues = indicator_cues()
        verbs = cues.verbs
        self._verbs = [i for i, token in enumerate(tokens) if token in verbs
                       and not (token == "是" and i and tokens[i - 1] in _NUMERALS)  # 三是: a list item
                       and not (token in cues.sum_words and i + 1 < len(tokens) and tokens[i + 1] == "的")]
        # (占收入【合计的】70.71%: a sum word before 的 ends a noun, it is no verb)
        if (len(self._verbs) >= 2 and tokens[self._verbs[-1]] in cues.nominal_verbs
                and self._verbs[-1] + 1 < len(tokens) and tokens[self._verbs[-1] + 1] in cues.fund_heads):
            self._verbs.pop()  # 筹集【慰问】资金: the nominal verb qualifies the money
        elif (len(self._verbs) >= 2 and self._verbs[-1] + 2 == len(tokens)
              and tokens[-1] in cues.task_heads):
            self._verbs.pop()  # 完成年度【收缴】任务: the verb names the task
        if (len(self._verbs) >= 2 and self._verbs[-1] == len(tokens) - 1 and self._verbs[-2] == len(tokens) - 2
                and tokens[-1] in cues.nominal_verbs and (tokens[-2] in cues.qualifying_verbs or (
                    tokens[-1] in cues.money_verbs and tokens[-2] in cues.nominal_verbs))):
            del self._verbs[-2:]  # 发放【参赛补贴】: a verb of taking part names the kind of aid
        end = len(tokens)  # the object's words end here
        if (len(self._verbs) >= 2 and self._verbs[-1] == len(tokens) - 1 and self._verbs[-2] < self._verbs[-1] - 1
                and tokens[self._verbs[-1]] in cues.sum_words):  # (开展培训累计3000人次: 培训 is the verb)
            self._verbs.pop()  # 发放助学金【共计】6.4万元: the sum word is no verb of its own
            end -= 1
        if self._verbs:
            last = self._verbs[-1]
            self.predicate: Optional[str] = tokens[last]
            first = last + 1
            for k in range(end - 2, last, -1):
                if tokens[k] in cues.locatives:
                    first = k + 1  # 新入会人员【中】农民工610人: the part after the place word
                    break
            if first < end and tokens[first] in cues.resultative_complements and (first + 1 == end or tokens[first + 1] == "了"):
                first = end  # 调解【成了】七起: the verb's result, no object after it
            self.object = _phrase(tokens[first:end])  # the words after the last verb
            if (self.object in cues.worth_words and len(self._verbs) >= 2 and tokens[last] in cues.nominal_verbs):
                # 发放慰问品和一线【补助】折合52.8万元: the nominal verb is one of the goods
                self._verbs.pop()
                last = self._verbs[-1]
                self.predicate = tokens[last]
                self.object = _phrase(tokens[last + 1:end - 1] if tokens[end - 1] in cues.worth_words else tokens[last + 1:end])
        else:
            self.predicate, self.object = None, _phrase(tokens)

    @cached_property
    def before_verb(self) -> str:
        """For copulas: everything before the verb."""
        if not self._verbs:
            return ""
        end = self._verbs[-1]
        while end > 1 and self._tokens[end - 1] in indicator_cues().sum_words:
            end -= 1  # 工会经费收入五年【累计】达到: the sum word, then the span of time, go
        return _phrase(self._tokens[:end])

    @cached_property
    def before_sum_word(self) -> str:
        """The thing before a sum word that stands right before the last verb: 三项救助【共计】支出."""
        tokens, verbs = self._tokens, self._verbs
        if not verbs or verbs[-1] < 1 or tokens[verbs[-1] - 1] not in indicator_cues().sum_words:
            return ""
        words = tokens[max(0, verbs[-1] - 5):verbs[-1] - 1]  # up to four words before it
        return _phrase(words) if words else ""

    @cached_property
    def bare_verb(self) -> bool:
        """Whether only adverbs and time words stand before the last verb (目前已【建成】):
        the clause names no thing of its own."""
        verbs = indicator_cues().verbs
        return bool(self._verbs) and all(tag_of(token)[:1] in _ADVERBIAL_TAGS or token in verbs
                                         for token in self._tokens[:self._verbs[-1]])  # (采纳实施)

    @cached_property
    def between_verbs(self) -> str:
        """For other verbs: the nearest non-empty stretch between two verbs."""
        tokens, verbs = self._tokens, self._verbs
        bounds = [-1] + verbs
        between = ""
        for k in range(len(verbs) - 1, -1, -1):
            between = _phrase(tokens[bounds[k] + 1:verbs[k]])
            if between:
                break
        return between


@lru_cache(maxsize=16384)
def _left_reading(left: str) -> _LeftReading:
    return _LeftReading(segment(left))


def predicate_of(words: str) -> Optional[str]:
    """The last verb of ``words`` (新建基层工会组织: 新建), or None."""
    return _left_reading(words).predicate


def left_object(left: str) -> str:
    """The object written after the last verb of ``left`` ('' when none)."""
    return _left_reading(left).object


def _relative_head(right: str) -> str:
    """Skip a relative clause before the head noun: 为14户【有维权需求的】农民工家庭."""
    if right.startswith("的"):
        return right[1:]
    cut = right.find("的", 0, 10)
    if cut > 0 and _RATE_WORD.search(segment(right[cut + 1:cut + 8] or "的")[0]):
        return right  # 320家已建会企业【的签订率】: the figure counts the thing before 的
    if cut > 0:
        before = segment(right[:cut])
        if before[0] in indicator_cues().not_relative_openers:
            return right  # 6家【存在】……的问题: the verb ends the noun, no relative clause
        if (is_verb(before[0]) or tag_of(before[-1])[:1] in ("a", "i")
                or (cut <= 6 and (tag_of(before[0])[:1] in ("v", "a", "d", "i") or tag_of(before[-1])[:1] == "v"))):
            return right[cut + 1:]
    return right


def _with_unit_lists(right: str, tokens: Sequence[str]) -> list[str]:
    """``tokens`` with each bracketed list of units that follows a word and goes on
    with one joined into one token (so the phrase reads through it)."""
    bracketed_units = indicator_cues().bracketed_units
    merged: list[str] = []
    position, i = 0, 0
    while i < len(tokens):
        token = tokens[i]
        unit_list = bracketed_units.match(right, position) if token == "(" and merged else None
        if unit_list and (_STARTS_HAN_OR_QUOTE.match(right, unit_list.end())
                          or merged[-1][-1:] in _PLACE_LEVELS):  # (12个镇【(街道)】、: the places, as written)
            merged.append(unit_list.group())
            while position < unit_list.end():  # the tokens it spans
                position += len(tokens[i])
                i += 1
            continue
        merged.append(token)
        position += len(token)
        i += 1
    return merged


_CLAUSE_ENDS = frozenset(",，;；。:：")
_NOT_A_PLACE = frozenset({"p", "t", "d", "c", "uj", "ul", "r", "m", "q", "f", "v"})


@lru_cache(maxsize=16384)
def _right_object(right: str, what_they_did: bool = False) -> str:
    """The noun phrase right after a unit: 组织28家【企业】签订……; ``what_they_did``: a count may
    be named by what the counted did (其中56人【取得了中级工证书】)."""
    cues = indicator_cues()
    if right.startswith(("19", "20")):  # what leading_year needs first
        right = cues.leading_year.sub("", right)  # 公布了11件【2020年】服务职工的实事项目
    nominal = right.startswith("的")  # 每人800元的【资助】: after 的 a verb is a noun
    right = _relative_head(right)
    if not right or not _STARTS_HAN_OR_QUOTE.match(right) or right.startswith(("百分之", "千分之", "万分之")):
        return ""  # (任务二百二十万元【的百分之一百零七点三】: a share of it, no noun)
    phrase: list[str] = []
    tokens = segment(right)
    if len(tokens) > 2 and tokens[0] in cues.standard_nouns and tokens[1] in cues.verbs:
        # 每个1.5万元【的标准给予】补助, 每张卡30元【标准发放】激活消费券: what the verb gives is counted
        tokens = tokens[2:]
    if "(" in right:
        tokens = _with_unit_lists(right, tokens)
    verbs = cues.verbs
    if what_they_did and len(tokens) > 2 and tokens[1] == "了" and tokens[0] in verbs and _ALL_HAN.fullmatch(tokens[2]) \
            and tokens[2] not in verbs:
        tokens = [tokens[0] + "了", *tokens[2:]]  # 其中56人【取得了】中级工证书: what they did, as written
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in "“”" or (phrase and token[0] == "(" and len(token) > 1):
            phrase.append(token)  # a quote, or a list of units (县【(市、区)】工会)
            continue
        if token.startswith("每") or (phrase and (token in ("人均", "户均") or token in cues.locatives)):
            break  # 8户家庭【每户】……, 1036户【每户】发放: a per phrase or a place word ends (or is no) noun
        if (phrase and len(token) == 2 and token[1] in cues.locatives and tag_of(token) == "v"
                and (not nxt or nxt in _CLAUSE_ENDS)):
            phrase.append(token[0])  # 46个服务站【点中】,: jieba glued the place word to the noun's end
            break
        if token in cues.phrase_end_verbs or (phrase and token[-2:] in cues.phrase_end_suffixes):
            if token[-2:] in cues.phrase_end_suffixes and len(token) > 2:
                phrase.append(token[:-2])  # jieba's 经费不足: the noun before the comparison
            break
        if token in verbs:
            if (nominal and not phrase) or (phrase and token in cues.nominal_verbs and (
                    (len(nxt) >= 2 and nxt not in verbs) or not nxt or nxt in _CLAUSE_ENDS)):
                phrase.append(token)  # (一次性【救助】。: a nominal verb ending the clause is its noun)
                continue
            if not phrase and nxt in cues.nominal_verbs and (i + 2 >= len(tokens) or tokens[i + 2] in _CLAUSE_ENDS):
                phrase.extend((token, nxt))  # 500元至1000元【培训补贴】。: two verbs that end the clause name it
                break
            if not phrase and token not in cues.copulas and (
                    (len(nxt) >= 2 and _ALL_HAN.fullmatch(nxt) and nxt not in verbs) or nxt in cues.group_suffixes):
                phrase.append(token)  # 获奖选手, 参保任务, 走访组
                continue
            break
        if _NON_HAN.search(token) or (len(token) == 1 and nxt in verbs and phrase
                                      and _is_noun_tag(tag_of(phrase[-1]))):
            break  # 村(社区)工会【新】选出: one character between a noun and a verb is the verb's
        tag = tag_of(token)
        if tag == "t" and not phrase and nxt and _is_noun_tag(tag_of(nxt)) and nxt not in verbs:
            phrase.append(token)  # 【节日】慰问品: a time word that opens a noun
            continue
        if tag in ("p", "c", "uj", "ul", "t") or tag[:1] == "d" or (phrase and cues.span_of_time.fullmatch(token)):
            break  # 企业工会【半年】以上: a span of time ends the noun phrase
        phrase.append(token)
    found = strip_object("".join(phrase)[:16])
    return found if len(found) >= 2 or tag_of(found) in ("n", "zg", "ns") else ""


class Reading(NamedTuple):
    """What was read around one figure (a named tuple: one is made for every figure)."""

    predicate: Optional[str]
    object: Optional[str]
    confidence: float
    consumed_right: int  # end of the right-hand object taken, or -1


def read_quantity(text: str, q: Quantity, ctx: Context, left_from: int, previous: Optional[Indicator]) -> Reading:
    cues = indicator_cues()
    left_start = max(ctx.clause_start, left_from, q.span[0] - cues.left_window)
    left = text[left_start:q.span[0]]
    if "款" in left or "码" in left or "类)" in left or "项)" in left or "类）" in left or "项）" in left:
        # 一般公共服务支出【(类)】: a budget's level names nothing; the 项 after a 款 is the thing
        left = _BUDGET_CLASS.sub("", left[max(left.rfind("(款)"), left.rfind("（款）")) + 1:].lstrip("款)）"))
    right = text[q.span[1]:min(ctx.clause_end, q.span[1] + cues.right_window)]
    if left.endswith("分") and q.unit in cues.batch_units:
        left = left[:-1]  # 市总工会【分】3批组织……: in three batches
        activity = cues.phrases["batch_activity"].search(text, q.span[1], ctx.clause_end)
        if activity is not None:  # ……赴基地开展【疗休养】: the batches are the activity's
            return Reading(None, activity.group("activity"), 0.7, -1)
    reading = _left_reading(left)
    predicate, obj = reading.predicate, reading.object
    if q.kind == "percent" and not text[ctx.clause_start:q.span[0]].strip() and (card := _CARD_RATE.match(right)):
        return Reading(None, card.group(), 0.7, q.span[1] + card.end())  # 98.6%会员实名制录入率: a card's figure, then its rate
    if q.kind == "percent" and (rate := rate_noun(text[ctx.clause_start:q.span[0]])):
        share = cues.phrases["share_of_whole"].search(text, ctx.clause_start, q.span[0]) if rate.endswith(("比例", "比重")) and q.unit == "%" else None
        if share is not None and len(part := strip_object(share.group("part"))) >= 2:
            return Reading(predicate, part, 0.8, -1)  # 维权支出合计占总支出的比例不低于60%: the share of the part
        return Reading(predicate, rate, 0.85, -1)
    if (q.unit == "%" and not obj and predicate in cues.copulas and left_from < ctx.clause_start
            and (rate := rate_noun(text[max(ctx.sentence_start, left_from):ctx.clause_start]))):
        return Reading(predicate, rate, 0.7, -1)  # 杨林县解困脱困率最高,达到78.5%: the rate named before
    if q.change == "to" and previous is not None and previous.change == "from" and previous.object:
        return Reading(previous.predicate, previous.object, 0.8, -1)
    if (q.unit == "个百分点" and previous is not None and previous.kind == "percent" and previous.object
            and (cues.gap_comparisons.match(text, ctx.clause_start)
                 or cues.growth_against.fullmatch(text, ctx.clause_start, q.span[0]))):
        # 收入增长7.4%,高于平均水平1.2个百分点; 会员流失率达3.8%,比上年上升0.9个百分点
        gap = cues.gap_comparisons.match(text, ctx.clause_start)
        return Reading(None if gap else predicate, previous.object, 0.6, -1)
    if (q.kind == "percent" and obj in cues.growth_words and previous is not None and previous.object
            and previous.sentence_span[0] == ctx.sentence_start):
        return Reading(predicate, previous.object, 0.6, -1)  # 人均增收2160元,增幅6.8%
    if (not obj and q.unit in cues.people_units and (joined := cues.joined_in.match(right))
            and segment(right)[0] == joined.group(1)):  # not a word that starts alike (参赛选手)
        # 1500余人参加了志愿服务活动: people counted by what they took part in
        after = right[joined.end():]
        activity = _right_object(after)
        if activity:
            return Reading(joined.group(1), activity, 0.7, q.span[1] + joined.end() + after.find(activity) + len(activity))
    if q.kind == "money" and (spent := cues.spent.search(left)) and (purpose := cues.purpose.match(right)):
        # 花了近3万元新建了机关篮球场: what the money bought is what it counts (and is left
        # to the figures after it: 出资5万元购置健身器材20套)
        bought = _right_object(right[purpose.end():])
        if bought:
            return Reading(spent.group(1), bought, 0.7, -1)
    # NUM-CL-N: the noun right after the measure word is what is counted
    if (q.kind not in ("percent", "fraction") or right.startswith("的") or q.kind == "fraction"
            or text[q.span[1] - 1] == "成"):  # 八成【职工】: a share in 成 names its whole after it
        lead = cues.size_class_lead.match(right) if q.kind == "count" else None
        if lead:  # 约300家【25人以下的】小微企业: a size class of the noun after it
            right = right[lead.end():]
        right_obj = _right_object(right, q.kind == "count")
        summed = cues.summed_list.match(right) if right_obj and "等" in right else None
        if (summed and right.startswith(right_obj + "、") and not _DIGIT.search(summed.group(1))
                and not any(token in cues.verbs for token in segment(summed.group(1)))):  # a list of nouns
            whole = _right_object(right[summed.end():])  # 1800名环卫工人、快递小哥【等户外劳动者】
            if len(whole) >= 2:
                right_obj = whole
        if right_obj in cues.not_right_objects or (right_obj and segment(right_obj)[0] in cues.not_right_objects):
            right_obj = ""  # (每户1000元【标准】足额发放: the standard, no thing)
        # unless a verb right after the unit makes the left words the object (segmented only then)
        if right_obj and not (obj and not right.startswith("的") and not left.endswith("的")
                              and tag_of(segment(right)[0]) == "v"):  # (情况复杂【的】三起欠薪案件)
            if q.unit in cues.age_units:  # 35周岁以下青年教师有64人: an age bounds the noun; the
                return Reading(predicate, right_obj, 0.85, -1)  # count after it counts it too
            right_at = q.span[1] + (lead.end() if lead else 0)
            return Reading(predicate, right_obj, 0.85, right_at + right.find(right_obj) + len(right_obj))
    if (not obj and q.unit in cues.people_units
            and (chosen := cues.phrases["chosen_from"].search(text, ctx.clause_start, q.span[0]))):
        source = strip_object(chosen.group(1))
        if len(source) >= 2:
            return Reading(predicate, source, 0.6, -1)  # 从各工种决赛优胜选手中选拔24名: of the group chosen from
    if q.kind == "money" and right in cues.aid_verbs:
        # 给予每人500元【奖励】: the clause ends on the kind of money given
        return Reading(predicate, right, 0.8, q.span[1] + len(right))
    aid = next((w for w in reversed(segment(left)) if w in cues.nominal_verbs), None) \
        if q.per and not _names_money(obj) and (not obj or obj == q.per or _PER_PHRASE_END.search(left)) else None
    # (每个补助【设施经费】4000元 names its money; 【每年】组织县级劳动竞赛不少于10项: the per phrase
    # is not beside the figure, the words after the verb name its thing)
    if (q.per and not aid and q.kind == "money" and ctx.clause_start > ctx.sentence_start
            and (not obj or _PER_PHRASE_END.fullmatch(obj) or obj == q.per) and predicate not in cues.copulas):
        # 资助考入大学的农民工子女十一名,每人一千元: the aid named earlier in the sentence
        if not (previous is not None and previous.kind == "money" and previous.object
                and previous.sentence_span[0] == ctx.sentence_start):  # (the money before is what each gets)
            aid = next((w for w in reversed(segment(text[ctx.sentence_start:ctx.clause_start]))
                        if w in cues.aid_verbs), None)
    if aid:
        if q.unit in cues.people_units and (trainees := _class_of(text, ctx, aid)):
            return Reading(predicate, trainees, 0.6, -1)  # 举办新会员培训班2期,每期培训50人
        return Reading(predicate, aid, 0.7, -1)  # 资助……学生每人4000元: the aid is what is counted
    if q.per and obj and (per_at := _PER_PHRASE_END.search(obj)):
        obj = strip_object(obj[:per_at.start()]) if per_at.start() > 0 else ""  # 发放金秋助学金【每生】2000元
    if obj in cues.worth_words and (q.per or predicate is None):
        obj = ""  # 每人【价值】80元, ……配送防暑降温用品,【价值】21.6万元: the worth of what the clause before names
    if q.per and (not obj or obj.startswith(("每", "人均", "户均", q.per))):
        if predicate and predicate not in cues.copulas:
            return Reading(predicate, predicate, 0.6, -1)  # 每户借款1万元: the verb names it
        obj = strip_object(_PER_WORD_PREFIX.sub("", obj))
        if obj == q.per or obj in _PER_WORDS:
            obj = ""  # 体检标准为【每人】500元: the per phrase names no thing
    if (obj and obj in cues.not_right_objects and predicate and predicate not in cues.copulas and reading.before_verb
            and predicate not in cues.goal_giving_verbs):  # (区委下达我会目标任务共18项: the goals are counted)
        obj = reading.before_verb  # 会员发展全年【目标任务】1200人: the goal words say it is a goal, the noun says of what
    if (q.unit in cues.score_units and predicate in cues.score_verbs and (not obj or obj == predicate)
            and (reason := _scored_item(text, ctx))):
        return Reading(predicate, reason, 0.6, -1)  # 基层工会经费审计未完成年度任务,扣2分
    if obj:
        return Reading(predicate, obj, 0.9, -1)
    if predicate in cues.copulas and reading.before_verb and not cues.comparison_opener.match(left.lstrip()):
        # (较年初预算减少42.55万元: what follows 较 is the base compared with, the thing is before)
        before = strip_object(_PER_PHRASE_PREFIX.sub("", reading.before_verb))
        if before:
            return Reading(predicate, before, 0.75, -1)
    if predicate in cues.object_before and reading.between_verbs and not cues.target.search(reading.between_verbs[-2:]):
        # (not 本年度【计划】新增1个: a plan, no thing)
        return Reading(predicate, reading.between_verbs, 0.7, -1)
    compared = _compared_before(text, ctx) if not reading.before_verb else ""
    if compared:
        return Reading(predicate, compared, 0.6, -1)  # 参保人数比上年翻了一番,达到11.4万人
    if (predicate in cues.borrowing or predicate in cues.sum_words or left.strip() in cues.sum_words) \
            and previous is not None and previous.object and _may_borrow(previous, q):
        return Reading(predicate, previous.object, 0.6, -1)
    if (predicate in cues.nominal_verbs or (q.kind == "money" and cues.part_markers.search(text, ctx.sentence_start, q.span[0]))) \
            and reading.between_verbs and not q.per and reading.between_verbs + predicate in left \
            and not cues.target.fullmatch(reading.between_verbs) \
            and not any(word in cues.phrase_end_verbs for word in segment(reading.between_verbs)):
        # (【计划】慰问2800人次: a plan, no thing)
        # (职工活动支出不【低于】预算支出的40%: a comparison's base, no name)
        # (其中区财政安排200万元: a source of money listed as a part)
        # 其中农民工技能培训310人次, 企业和社会捐助58万元: the verb is used as a noun
        return Reading(predicate, strip_object(reading.between_verbs + predicate), 0.6, -1)  # (【二季度】收缴: a time, no kind)
    if predicate and predicate not in cues.copulas:
        topic = _topic_before(text, ctx)
        if topic:
            return Reading(predicate, topic, 0.6, -1)  # 这样的农民工维权服务站,全市将建立192个
        framed = _frame_before(text, ctx) if q.unit in cues.people_and_home_units else ""
        if framed:
            return Reading(predicate, framed, 0.5, -1)  # 困难职工中,……直接走访22户: the group framed
        if (previous is not None and previous.object and previous.unit == q.unit and not q.per
                and reading.bare_verb and ctx.sentence_start - previous.sentence_span[1] <= 2
                and (previous.predicate == predicate
                     or (q.unit not in cues.generic_units and q.unit not in cues.kind_units
                         and (predicate in cues.object_before or predicate in cues.increase_verbs)))):
            # 全镇今年将建成职工之家12个。目前已建成8个; ……在档困难职工405户。全年新增12户:
            # the sentence before, in its unit (another verb only one of growth, and no generic 个)
            return Reading(predicate, previous.object, 0.5, -1)
        # a verb that is also a noun (资助, 投入) names the money it is said of; any other
        # verb, or a count, may have named its thing before
        if reading.before_sum_word:
            return Reading(predicate, reading.before_sum_word, 0.55, -1)  # 三项救助【共计】支出248.9万元
        trainees = _class_of(text, ctx, predicate) if q.unit in cues.people_units else ""
        if trainees:
            return Reading(predicate, trainees, 0.55, -1)  # 举办基层工会干部培训班1期,培训60余人
        if (previous is not None and previous.object and previous.unit == q.unit and not q.per
                and previous.span[0] >= ctx.clause_start and reading.bare_verb):
            return Reading(predicate, previous.object, 0.55, -1)  # 55个问题已整改到位50个: of the things just counted
        named = _named_with_verb(text, ctx, predicate) if predicate not in cues.nominal_verbs or q.kind == "count" else ""
        if named:
            return Reading(predicate, named, 0.5, -1)  # 加大工会经费收缴力度,全年力争收缴85万元
        subject = _noun_before_verb(text, max(ctx.clause_start, left_from), predicate, q.span[0]) \
            if predicate not in cues.nominal_verbs else ""
        if subject:
            return Reading(predicate, subject, 0.55, -1)  # 工会经费收缴力争突破3.2亿元
        if (predicate in cues.change_of_count_verbs and previous is not None and previous.unit == q.unit
                and previous.object and previous.predicate not in cues.change_of_count_verbs):
            return Reading(predicate, previous.object, 0.45, -1)  # 在档困难职工405户……新增12户: the count it changes
        if predicate in cues.reach_verbs or predicate in cues.not_objects or predicate in cues.change_of_count_verbs:
            # (还差2540人: a gap; 新增12户、退出31户: the change of a count named before)
            return Reading(predicate, None, 0.3, -1)  # 惠及近3000人: whom it reached is named elsewhere, not by 惠及
        return Reading(predicate, predicate, 0.5, -1)
    bare = left.strip()
    if (predicate is None and not reading.before_verb and 2 <= len(bare) <= 4 and _ALL_HAN.fullmatch(bare)
            and not _PER_PHRASE_END.match(bare) and bare not in cues.worth_words
            and bare not in cues.sum_words and not cues.part_markers.fullmatch(bare)
            and not _STANDARD_ONLY.fullmatch(bare)  # (人均标准1500元: the standard of a thing named before)
            and not any(tag_of(t) in _NOT_A_PLACE for t in segment(bare))):
        return Reading(None, bare, 0.4, -1)  # 全镇8.2万人: the place is what is counted
    if not reading.before_verb:
        before = _clause_before(text, ctx, left_from)
        if before:
            return Reading(predicate, before, 0.35, -1)
    return Reading(predicate, reading.before_verb or None, 0.3, -1)


def _span_of_clause_before(text: str, ctx: Context) -> Optional[tuple[int, int]]:
    """(start, end) of the clause before the figure's own in its sentence, or None."""
    end = ctx.clause_start - 1
    if end <= ctx.sentence_start:
        return None
    start = max([ctx.sentence_start] + [text.rfind(mark, ctx.sentence_start, end) + 1
                                        for mark in indicator_cues().clause_only_breaks])
    return start, end


def _compared_before(text: str, ctx: Context) -> str:
    """The subject that opens the clause before, in the sentence, when that clause compares it
    with an earlier time (参保人数比上年翻了一番,【达到11.4万人】) or ranks it (维权支出次之,占26.5%),
    else ''."""
    span = _span_of_clause_before(text, ctx)
    if span is None:
        return ""
    start, end = span
    compared = indicator_cues().compared_subject.match(text, start, end)
    if compared is None:
        compared = indicator_cues().ranked_subject.fullmatch(text, start, end)  # 维权支出次之,占26.5%
        if compared is not None and indicator_cues().place_name.search(compared.group("thing")):
            return ""  # 西河县最低,为52.3%: a place ranked, its rate named before
    return strip_object(compared.group("thing")) if compared else ""


_EACH_END = regex.compile(r"(?:各|分别|均)$")
_NOUN_JOINERS = frozenset("和及与、")


def _noun_before_verb(text: str, clause_start: int, verb: str, end: int) -> str:
    """The nouns that open a figure's clause right before its verb: what the verb is done to
    (【工会经费】收缴力争突破3.2亿元), or '' when anything but nouns stands there."""
    at = text.rfind(verb, clause_start, end)
    if at <= clause_start:
        return ""
    before = text[clause_start:at].strip()
    if "由" in before:  # 上述费用【由】市总工会承担80%: the agent follows 由; a clause opening with
        # 由 names no thing before it, and its agents bear the share (【由】工会经费和……各承担50%)
        at_agent = before.index("由")
        before = strip_object(before[:at_agent]) if at_agent else before[1:]
    before = strip_object(_EACH_END.sub("", before))  # 工会经费和公司职工教育经费【各】承担50%, 【全年】工会经费收缴
    tokens = segment(before) if 2 <= len(before) <= 16 else []
    if not tokens or not all((_is_noun_tag(tag_of(t)) and t not in indicator_cues().verbs)
                             or (0 < k < len(tokens) - 1 and t in _NOUN_JOINERS) for k, t in enumerate(tokens)):
        return ""
    if indicator_cues().phrases["agent_end"].search(before):
        return ""  # 县总工会投入……: who did it, not what it was done to
    return strip_object(before)


def _frame_before(text: str, ctx: Context) -> str:
    """X when the clause before the figure's own is a frame, (在)X中, else ''."""
    span = _span_of_clause_before(text, ctx)
    frame = indicator_cues().frame.fullmatch(text, *span) if span is not None else None
    return strip_object(frame.group(1)) if frame else ""


def _clause_before(text: str, ctx: Context, left_from: int) -> str:
    """What the clause before a figure's own names, when that clause holds no figure and the
    figure's clause names nothing: 开展专项检查,全年不少于4次 (专项检查); 在已建会企业中,
    三分之二建立了…… (已建会企业)."""
    span = _span_of_clause_before(text, ctx)
    if span is None:
        return ""
    cues = indicator_cues()
    start, end = span
    clause = text[max(start, left_from):end].strip()  # after a figure in it, the words that follow
    frame = cues.frame.fullmatch(clause)
    if frame:
        return strip_object(frame.group(1))
    reading = _left_reading(clause[-cues.left_window:])
    if reading.predicate is None:
        return ""  # 一是专项集体合同质量有待提高: a judgement, not a thing done
    found = reading.object
    if (not found and reading.predicate and reading.between_verbs and len(reading.between_verbs) <= 4
            and reading.between_verbs + reading.predicate in clause):
        found = reading.between_verbs + reading.predicate  # 开展【专项检查】: a verb used as a noun
    return "" if found in cues.not_right_objects else found  # ……签订工资集体协议的【要求】: no thing


def _scored_item(text: str, ctx: Context) -> str:
    """The item the clause before a score names, up to what it failed or earned."""
    end = ctx.clause_start - 1
    if end <= 0 or text[end] != ",":  # (the normalised text writes every comma half-width)
        return ""
    start = max(text.rfind(mark, 0, end) for mark in ":;。\n") + 1
    found = indicator_cues().score_reason.match(text, start, end)
    return strip_object(found.group(1)) if found else ""


def _class_of(text: str, ctx: Context, verb: str) -> str:
    """Who a class of ``verb`` was named after (举办【基层工会干部】培训班2期), when one is written
    in the figure's sentence or the one before, in its paragraph: the last such class."""
    cues = indicator_cues()
    floor = max(text.rfind("\n", 0, ctx.sentence_start) + 1, ctx.sentence_start - cues.left_window * 4)
    for suffix in cues.class_suffixes:
        at = text.rfind(verb + suffix, floor, ctx.clause_start)
        if at > floor:
            start = max([floor] + [text.rfind(mark, floor, at) + 1 for mark in cues.clause_and_sentence_breaks
                                   + cues.clause_only_breaks])
            found = left_object(text[start:at])
            if len(found) >= 2:
                return found
    at = text.rfind(verb, floor, ctx.clause_start)
    if at > floor and cues.class_sessions.match(text, at + len(verb)):
        # 开展【农民工】技能培训5期,培训450人次: sessions of the verb, named after who they trained
        start = max([floor] + [text.rfind(mark, floor, at) + 1 for mark in cues.clause_and_sentence_breaks
                               + cues.clause_only_breaks])
        found = left_object(text[start:at])
        if len(found) >= 2:
            return found
    return ""


def _named_with_verb(text: str, ctx: Context, verb: str) -> str:
    """The thing the same verb was said of before, in this sentence or the one before: the
    noun it governed (慰问了【环卫工人】,……慰问2800人次), the noun after a 对 before it
    (对【高温作业一线职工】开展慰问), or, where the verb was a noun's head (加大【工会经费】收缴
    力度), the noun before it.  The earlier verb must be a word of its own (not 职工培训)."""
    cues = indicator_cues()
    floor = max(0, ctx.sentence_start - cues.left_window * 3, text.rfind("\n", 0, ctx.sentence_start) + 1)
    at = text.rfind(verb, floor, ctx.clause_start)  # (never from another paragraph)
    while at != -1:
        start = max([floor] + [text.rfind(mark, floor, at) + 1 for mark in cues.clause_and_sentence_breaks
                               + cues.clause_only_breaks + cues.sentence_only_breaks])
        tokens = segment(text[start:at + len(verb) + 3])
        offsets = _token_starts(tokens)
        index = offsets.get(at - start)
        if index is None or tokens[index] != verb:  # inside a longer word (职工培训, 培训班)
            at = text.rfind(verb, floor, at)
            continue
        before = tokens[:index]
        after = text[at + len(verb):ctx.clause_start]
        if cues.nominalisers.match(after):  # 收缴【力度】: the verb heads a noun, its thing is before it
            nouns = []
            for token in reversed(before):
                tag = tag_of(token)
                if not _is_noun_tag(tag) or tag == "nr" or token in cues.verbs:
                    break
                nouns.append(token)
            found = strip_object("".join(reversed(nouns)))
        elif "对" in before:  # a token of its own (not the 对 of 针对)
            target = len(before) - 1 - before[::-1].index("对")
            found = _right_object("".join(before[target + 1:]))
        elif not after.startswith("的"):  # (调解组织【的】队伍建设: a noun there, not a verb)
            found = _right_object(after.lstrip("了"))
        else:
            found = ""
        if len(found) >= 2 and tag_of(found) != "r":  # not a pronoun (对他们进行资助)
            return found
        at = text.rfind(verb, floor, at)
    return ""


def _token_starts(tokens: Sequence[str]) -> dict:
    """token start offset -> token index."""
    starts, at = {}, 0
    for k, token in enumerate(tokens):
        starts[at] = k
        at += len(token)
    return starts


def _names_money(obj: str) -> bool:
    """Whether an object ends in a word for money (设施经费, 慰问金, 助学金)."""
    return bool(obj) and any(obj.endswith(head) for head in indicator_cues().fund_heads)


def _may_borrow(previous: Indicator, q: Quantity) -> bool:
    """A count or a sum of money takes the thing of a figure of its own kind only (立案率66.2%;
    已办结41件: not the rate's; 1132名职工参与捐款,合计23.7万元: not the people's); a
    percentage may measure any figure before it (农民工610人,占63.5%)."""
    return previous.kind == q.kind or q.kind not in ("count", "money")


def _topic_before(text: str, ctx: Context) -> str:
    """The topic named by the clause right before the figure's, when a demonstrative
    opens it and it holds no verb: 【这样的农民工维权服务站】,全市将建立192个."""
    cues = indicator_cues()
    end = ctx.clause_start - 1
    if end <= ctx.sentence_start:
        return ""
    start = max(ctx.sentence_start, end - cues.left_window)
    start = max([start] + [text.rfind(mark, start, end) + 1 for mark in cues.clause_only_breaks])
    opener = cues.topic_opener.search(text, start, end)
    if opener is None or text[opener.end():end].strip() == "":
        return _topic_before_adverb(text[start:end], cues)
    tokens = segment(text[opener.end():end])
    if any(token in cues.verbs for token in tokens) or tag_of(tokens[-1])[:1] in ("f", "t"):
        return ""  # 上述活动【中】, 这些【年来】: a place or a time, no topic
    topic = _phrase(tokens)
    return topic if len(topic) >= 2 else ""


def _topic_before_adverb(clause: str, cues) -> str:
    """The noun phrase that opens ``clause`` before an adverb of sameness (【职工文体活动】也没落下),
    when the clause counts nothing itself."""
    tokens = segment(clause.strip())
    at = next((k for k, token in enumerate(tokens) if cues.topic_adverb.fullmatch(token)), -1)
    if at < 1 or any(token in cues.verbs for token in tokens[:at]) \
            or not all(_is_noun_tag(tag_of(token)) or tag_of(token) in ("l", "j") for token in tokens[:at]):
        return ""
    topic = "".join(tokens[:at])
    return topic if len(topic) >= 2 else ""


def _is_noun_tag(tag: str) -> bool:
    return tag[:1] == "n" or tag == "vn"  # a noun, or a verb used as one (经费)


_CARD_RATE = regex.compile(r"\p{Han}{2,14}?率(?=$|[,，。;；\n])")


@lru_cache(maxsize=16384)
def rate_noun(clause_left: str) -> Optional[str]:
    """The rate a percentage measures: 职代会建制率力争达到……90%, 签订率达到100%."""
    tokens = segment(clause_left)
    for i in range(len(tokens) - 1, -1, -1):
        if _RATE_WORD.search(tokens[i]):
            break
    else:
        return None
    first = i
    if _RATE_WORD.fullmatch(tokens[i]) and i > 0:  # 签订 + 率
        first = i - 1
    if first > 0 and _is_noun_tag(tag_of(tokens[first - 1])) and not is_verb(tokens[first - 1]):
        first -= 1  # 职代会 + 建制率, 经费 + 收缴率
    written = "".join(tokens[first:i + 1])
    stripped = strip_object(written)
    # (参加率: the verb its rate is named after stays, a rate alone names nothing)
    return (written if stripped == "率" else stripped) or None
