"""Is an answer key a whole thing a person would name, and does a question name what it asks about?

The quality check's guard against the questions a person refuses (issue 29): a key cut out of a
longer name ("Across" of "Across the Glowing Bays", 「瀬集落」 of 「榧ノ瀬集落」, "Orbis Lumen's"), a
pronoun or a verb phrase for a key ("it", "must never be shipped"), a vague noun asked with 何
(「部分」「様子」「最後」), and a question that points at something it never names ("the sickest of
them", "first baked there").

Japanese is read with SudachiPy and its core dictionary (Works Applications, Apache-2.0, from PyPI):
a morphological analyser, so that a key's edges are word edges and its words have their parts of
speech. English has no parser with a verifiable origin on PyPI (spaCy's English models are published
on GitHub only; the PyPI copies are re-uploads by third parties), so English is read with word
shapes and lemminflect's lexicon, and errs on the side of refusing.
"""

from __future__ import annotations

import re
from functools import lru_cache

_EN_PRONOUN_KEYS = {"it", "he", "she", "they", "them", "him", "her", "this", "that", "these", "those", "there",
                    "its", "his", "their", "one", "we", "you", "us", "something", "someone"}
_EN_VERB_START = {"must", "is", "are", "was", "were", "be", "been", "being", "can", "could", "will", "would",
                  "should", "may", "might", "has", "have", "had", "do", "does", "did", "to", "not", "never"}
_EN_PARTICLES = {"back", "away", "out", "up", "down", "off", "home", "together", "apart", "along", "again"}
# Words that point at something named elsewhere; a question carrying one is not self-contained.
_EN_POINTERS = re.compile(r"\b(?:he|she|it|they|them|him|these|those|there)\b(?!\s+(?:is|are|was|were)\b)", re.I)
_QUOTED = re.compile(r"[\"“]([^\"”]{2,80})[\"”]")

# Japanese nouns that name a position, a part, a time or a manner, not a thing: asked with 何 they
# make a riddle (「霧山郷の何にある湖ですか」 -> 中央).
_JA_VAGUE = {"中央", "中流", "上流", "下流", "先頭", "表面", "斜面", "部分", "様子", "場所", "土地", "研究", "評判", "特長", "特徴", "二人", "一人",
             "一日", "周り", "周囲", "中ほど", "奥", "前", "後", "上", "下", "横", "側", "外", "内", "間", "際", "時", "頃", "ため", "こと",
             "もの", "方", "人", "人々", "姿", "形", "名", "名前", "最後", "最初", "当日", "夕方", "朝夕", "途中", "場合", "一度", "全体", "中",
             "近く", "ほとり", "片側", "両側", "両岸", "仕組み", "習わし", "決まり", "道具", "工夫", "理由", "目的", "結果", "特色", "一つ", "仲間", "仕事",
             "作業", "主役", "模様", "全面", "諸国", "原料", "材料", "直径", "長さ", "重さ", "高さ", "幅", "深さ", "広さ", "大きさ", "数", "量", "色",
             "一面", "周辺", "付近", "向こう", "頂上", "中心", "たくさん", "多く", "ほか", "他", "以外", "手", "目", "声", "音", "気持ち", "心", "意味",
             "言葉", "家々", "順番", "先端", "自然", "最大", "最小", "一番", "木材", "自慢", "材", "品", "物", "自分", "建物", "機会", "人前",
             "具合", "故郷", "総出", "合間", "産物", "技法", "植物", "草花", "年月", "女性", "男性", "無償", "無料", "感謝", "生涯", "一生", "北", "南",
             "東", "西", "北西", "北東", "南西", "南東", "東西", "南北", "一緒", "互い", "残り", "始まり", "終わり", "最中", "半分"}


@lru_cache(maxsize=1)
def _ja_tokenizer():
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    make = getattr(dictionary, "tokenizer", None) or dictionary.create  # tokenizer(): SudachiPy 0.7
    return make(SplitMode.C)


@lru_cache(maxsize=2048)
def _ja_tokens(sentence: str) -> tuple[tuple[int, int, str, tuple[str, ...], bool], ...]:
    """(start, end, surface, part of speech, whether the dictionary knows the word) of each word."""
    out = []
    for m in _ja_tokenizer().tokenize(sentence):
        out.append((m.begin(), m.end(), m.surface(), tuple(m.part_of_speech()), not m.is_oov()))
    return tuple(out)


@lru_cache(maxsize=4096)
def is_english_word(word: str) -> bool:
    """lemminflect's lexicon knows the word (any part of speech): "Sounder" is, "Ambercrust" is not."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


def _ja_span(sentence: str, at: int, end: int) -> list[tuple]:
    """The words of `sentence` that lie wholly in [at, end)."""
    return [t for t in _ja_tokens(sentence) if t[0] >= at and t[1] <= end]


def ja_name_kind(key: str, sentence: str) -> str | None:
    """'person' or 'place' when the dictionary reads `key` in `sentence` as such a name."""
    at = sentence.find(key)
    if at < 0:
        return None
    inside = _ja_span(sentence, at, at + len(key))
    kinds = {t[3][2] for t in inside if t[3][:2] == ("名詞", "固有名詞")}
    return "person" if "人名" in kinds else "place" if "地名" in kinds else None


def ja_name_follows(sentence: str, at: int) -> bool:
    """A proper name or a number starts at `at` (「…の丹生田重吉」「…の11代目」)."""
    first = next((t for t in _ja_tokens(sentence) if t[0] == at), None)
    return first is not None and (first[3][:2] == ("名詞", "固有名詞") or first[3][1] == "数詞")


def ja_plain_form(clause: str) -> str | None:
    """「…渋を抜きます」 -> 「…渋を抜く」, 「…大切です」 -> 「…大切な」: the form なぜ…のですか takes."""
    if clause.endswith("ます") and not clause.endswith("ません"):
        verbs = [m for m in _ja_tokenizer().tokenize(clause) if m.part_of_speech()[0] == "動詞"]
        if verbs and clause[verbs[-1].end():] == "ます":
            return clause[: verbs[-1].begin()] + verbs[-1].dictionary_form()
        return None
    if clause.endswith("です"):
        tokens = _ja_tokens(clause[:-2])
        if tokens and tokens[-1][3][0] == "形容詞":
            return clause[:-2]
        if tokens and tokens[-1][3][0] in ("名詞", "形状詞"):
            return clause[:-2] + "な"
    return None


def ja_names_something(text: str) -> bool:
    """The dictionary finds a proper name in `text`."""
    return any(t[3][:2] == ("名詞", "固有名詞") for t in _ja_tokens(text))


def ja_has_subject(clause: str) -> bool:
    """The clause names what it is about: a topic は or a subject が (「仕上がります」 has neither)."""
    return any(t[2] in ("は", "が") and t[3][0] == "助詞" and t[3][1] in ("係助詞", "格助詞") for t in _ja_tokens(clause))


def ja_inside_relative(sentence: str, end: int) -> bool:
    """The span ending at `end` sits inside a clause that describes a noun (「白鹿に扮した舞手が」,
    「茶屋で働いていた笹倉あやが」): asking it asks a side detail of something else."""
    tokens = [t for t in _ja_tokens(sentence) if t[0] >= end]
    for this, following in zip(tokens, tokens[1:]):
        if this[2] in ("、", "。"):
            return False
        if this[3][0] in ("動詞", "助動詞", "形容詞") and this[3][5].startswith("連体形") and following[3][0] == "名詞":
            return True
    return False


def ja_common_noun(key: str, sentence: str) -> bool:
    """The dictionary knows `key` as one ordinary word (夜市, 峠道, 茶屋): no place name."""
    at = sentence.find(key)
    inside = _ja_span(sentence, at, at + len(key)) if at >= 0 else []
    return len(inside) == 1 and inside[0][3][:2] == ("名詞", "普通名詞")


def ja_clause_end(question: str, wh_at: int) -> str:
    """The question cut after the clause that asks: 「…何センチで、土の中の…できますか？」 ->
    「…何センチですか？」; a second clause with a predicate of its own is not what is asked."""
    comma = question.find("、", wh_at)
    if comma < 0:
        return question
    head = question[:comma]
    # Read in the whole question: cut short, 「14軒あり」 reads as a noun.
    tokens = [t for t in _ja_tokens(question) if t[1] <= comma]
    if not tokens or re.search(r"由来|言われ|伝えられ|ことから|ため|名が付|付けられ", question[comma:]) or "名は" in head:
        return question  # the topic's own predicate is in the second clause: no cut (「Xの名は…に由来します」)
    last = tokens[-1]
    past = re.search(r"(?:ました|でした|た(?:の)?)(?:ですか|か)？$", question) is not None
    if last[2] == "が" and last[3][1] == "接続助詞" and head[:-1].endswith(("ました", "でした", "ます", "です")):
        return head[:-1] + "か？"  # 「…していましたが、…」: the first clause is the question
    if last[2] == "あり" and head.endswith("であり"):
        return head[:-3] + ("でしたか？" if past else "ですか？")  # 「医者であり、」: not でありますか
    if last[2] == "で" and last[3][0] == "助動詞":
        return head[:-1] + ("でしたか？" if past else "ですか？")
    if last[3][0] in ("動詞", "助動詞") and last[3][5].startswith("連用形") and last[2] not in ("て", "で", "ず", "なく"):
        if last[2] == "おり":  # 「塗られており」: the plain form is いる
            head = head[:-2] + "い"
        return head + ("ましたか？" if past else "ますか？")
    return question


def _ja_is_nominal(pos: tuple[str, ...]) -> bool:
    return pos[0] in ("名詞", "接頭辞", "接尾辞")


def ja_common_word_key(key: str, sentence: str) -> bool:
    """The key is made of ordinary nouns the dictionary knows: no name, no number, no word it has never
    seen, no katakana. Such a key is often given away by the question's own words (葺く -> 屋根, 宛てて書く
    -> 手紙, 焼かれている -> 陶器, a village's 村人), which no rule on word shapes can see: two readers
    refused most of them in kiriyama's sample at 09e087f and accepted every name and number. Katakana
    words (species, loanwords: オコジョ, カラマツ) name the specific thing, and are kept."""
    at = sentence.find(key)
    words = _ja_span(sentence, at, at + len(key)) if at >= 0 else []
    return bool(words) and all(
        t[4] and _ja_is_nominal(t[3]) and t[3][:2] not in (("名詞", "固有名詞"), ("名詞", "数詞"))
        and not re.fullmatch(r"[ァ-ヴー]+", t[2]) for t in words)


def _ja_key_problem(key: str, sentence: str) -> str | None:
    """Why `key` is not a whole noun phrase of `sentence` (None: it is)."""
    if not key or key not in sentence:
        return None
    tokens = _ja_tokens(sentence)
    number = bool(re.fullmatch(r"[0-9０-９]+(?:[.,][0-9]+)*", key))
    problems = []
    start = 0
    while (at := sentence.find(key, start)) >= 0:
        start = at + 1
        end = at + len(key)
        inside = _ja_span(sentence, at, end)
        if not inside or inside[0][0] != at or inside[-1][1] != end:
            problems.append("answer key cuts a word")
            continue
        if number:
            return None  # "23" of 23メートル: the counter is asked with the number
        before = [t for t in tokens if t[1] == at]
        after = [t for t in tokens if t[0] == end]
        if before and (_ja_is_nominal(before[0][3]) or before[0][2] in ("ノ", "ヶ", "ケ") or (
                before[0][3][0] == "動詞" and before[0][3][5].startswith("連用形"))):  # 「湿り具合」
            problems.append("answer key is part of a longer name")
            continue
        if after and after[0][3][0] in ("名詞", "接尾辞"):
            problems.append("answer key is part of a longer name")
            continue
        if inside[0][3][:3] == ("名詞", "普通名詞", "副詞可能") and len(inside) > 1:
            problems.append("answer key cuts a word")
            continue
        adverbial = len(inside) == 1 and inside[0][3][2] in ("サ変可能", "形状詞可能") and after and after[0][2] in (
            "で", "と", "に")  # 「交代で」「自然と」: said of how, not of what
        position = len(key) <= 3 and key.endswith(("上", "中", "内", "外", "前", "後", "際", "辺")) or key.endswith(
            "全体")  # 湖上, 部屋全体
        if key in _JA_VAGUE or adverbial or position or (len(inside) == 1 and inside[0][3][2] == "副詞可能") or re.match(
                r"^[一二三四五六七八九十]", key) or inside[-1][3][0] not in ("名詞", "接尾辞"):
            return "vague answer key"
        return None
    return problems[0] if problems else None


def _en_key_problem(key: str, source: str) -> str | None:
    words = key.split()
    first = words[0].lower().strip("\"'“”")
    if key.lower() in _EN_PRONOUN_KEYS or first in _EN_PRONOUN_KEYS - {"one"}:
        return "answer key is a pronoun"  # "them down", "its harbour": what it stands for is not said
    if re.search(r"['’]s$", key):
        return "answer key is a possessive, not a whole name"
    if first in _EN_VERB_START or first in _EN_PARTICLES:
        return "answer key is a verb phrase"
    for quoted in _QUOTED.findall(source):
        if key in quoted and key != quoted.strip():
            return "answer key is part of a longer name"
    if key[:1].isupper():
        whole = False
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])", source):
            before = source[: match.start()].rstrip()
            after = source[match.end():]
            joined_before = before[-1:] not in (".", "!", "?", ":", ";", "") and re.search(
                r"(?:^|\s)(?!(?:The|A|An|In|On|At|Of|By|To|And|For)\b)[A-Z][\w’'-]*$", before) and not re.search(
                r"[,(]$", before)
            joined_after = re.match(r"\s+(?:of\s+)?[A-Z][a-z]", after) or re.match(r"['’]s\b", after)
            if not joined_before and not joined_after:
                whole = True
                break
        if not whole and re.search(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])", source):
            return "answer key is part of a longer name"
    elif key.islower() and re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(key[:1].upper() + key[1:])}\b", source) \
            and not re.search(rf"\b{re.escape(key)}\b", source):
        return "a name lost its capital"
    return None


def key_problem(key: str, source: str, question: str = "") -> str | None:
    """Why the answer key is not a whole name, number or noun phrase of the source (None: it is). A why
    or how question's key is a clause, and is not held to that."""
    key = (key or "").strip()
    if not key or re.match(r"^(?:Why|How)\b|^(?:なぜ|どうして|どのように)", question.strip()):
        return None
    if re.search(r"[ぁ-んァ-ヴ一-龥]", key):
        sentences = [s for s in re.split(r"(?<=[。！？\n])", source) if key in s]
        found = [_ja_key_problem(key, s) for s in sentences[:8]]
        return None if not found or None in found else found[0]
    return _en_key_problem(key, source)


def pointer_problem(question: str, answer_key: str) -> str | None:
    """A question that points at something it never names ('the sickest of them', 'baked there')."""
    if re.search(r"[ぁ-んァ-ヴ一-龥]", question):
        pointer = re.search(r"(?:その|この|それ|これ|あの|ここ|そこ|彼女|彼)", question)
        return "refers to something it does not name" if pointer else None
    if _EN_POINTERS.search(question.replace(answer_key, " ")):
        return "refers to something it does not name"
    return None
