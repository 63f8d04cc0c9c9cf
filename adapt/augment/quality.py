"""What makes a synthetic item acceptable, whoever wrote it (rules, a local model, an endpoint).

A question must read as one a person would ask: it ends as a question, carries an interrogative, does
not give its own answer away, names what it asks about, and its answer key is a whole name, number or
noun phrase of the source document (adapt.augment.constituents); never a markdown
bullet, a bare heading, or "what does the text say about". A rewrite (restatement, summary, answer,
discussion) must be faithful: every number, date and proper name in it occurs in the source.
Items that fail are dropped and counted by reason; the augment stage writes the counts and a sample
of what was kept to data/augment/summary.json.
"""

from __future__ import annotations

import re
import unicodedata

from adapt.augment.constituents import is_english_word, key_problem, pointer_problem

# Interrogatives, and in English the auxiliaries a yes/no or inverted question opens with.
_EN_WH = re.compile(r"\b(what|who|whom|whose|which|when|where|why|how)\b", re.I)
_EN_AUX_OPENING = re.compile(r"^(is|are|was|were|do|does|did|can|could|has|have|had|will|would|should|may)\b", re.I)
_JA_WH = re.compile(r"何|誰|いつ|どこ|いくつ|いくら|どの|どれ|どう|なぜ|どんな|どちら|どなた")
_BULLET = re.compile(r"^\s*(?:[-*+•・]|\d+[.)])\s")
_HEADING = re.compile(r"^\s*#")
_SAY_ABOUT = re.compile(r"\bsay(?:s)? about\b|について何が分かりますか", re.I)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_EN_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’]*\b")
_JA_NAME = re.compile(r"[ァ-ヴー]{3,}")  # katakana runs: names and loanwords; kanji names look like any word
_COMMON_CAPS = {"I", "Mr", "Mrs", "Ms", "Dr", "Student", "Expert", "Question", "Answer", "Summary", "Paraphrase",
                "According", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                "Saturday", "Sunday", "English", "Japanese", "Chinese", "The", "A", "An", "It", "As", "In", "This"}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).lower()


def _compact(text: str) -> str:
    return re.sub(r"[\s,]", "", _norm(text))


def question_problems(question: str, answer_key: str, source: str) -> list[str]:
    """Why a generated question is not one a person would ask (empty: it is)."""
    q = (question or "").strip()
    problems = []
    if not q.endswith(("?", "？", "か。")):
        problems.append("not a question")
    if not (_EN_WH.search(q) or _EN_AUX_OPENING.search(q) or _JA_WH.search(q)):
        problems.append("no interrogative")
    if _BULLET.search(q) or "\n-" in q or "\n*" in q:
        problems.append("markdown bullet")
    if _HEADING.search(q):
        problems.append("bare heading")
    if _SAY_ABOUT.search(q):
        problems.append("'say about'")
    key = _compact(answer_key)
    if not key:
        problems.append("empty answer key")
    else:
        if key in _compact(q):
            problems.append("contains its answer")
        if key not in _compact(source):
            problems.append("answer key not in the document")
        else:
            problems += [p for p in (key_problem(answer_key, source, q),) if p]
    if re.search(r"(?:何|誰|いつ|どこ)(?:に|で|と|へ)?は|(?:何|誰|どこ)[^、。？]{0,8}?は、", q):
        problems.append("a question word as the topic")  # 「何には」「いつは」: no Japanese asks so
    topic_end = q.find("は、")
    if topic_end > 0 and re.search(r"何|誰|どこ|いつ", q[:topic_end]) and not re.search(
            r"(?:何|誰|どこ|いつ)(?:年|月|日|時|回|度|人|個|本|枚|色|メートル|キロ|センチ|グラム)", q[:topic_end]):
        problems.append("a question word as the topic")  # 「甚五郎が何を作るために歩いた道のりは、」
    if re.search(r"どの|どれ", q) and re.search(r"何|誰|どこ|いつ", q):
        problems.append("two question words")
    if re.search(r"\b(\w+) \1\b", q, re.I):
        problems.append("a word said twice")
    pointer = pointer_problem(q, answer_key or "")
    if pointer:
        problems.append(pointer)
    return problems


def unsupported_facts(text: str, source: str) -> list[str]:
    """Numbers, dates and proper names in `text` that the source does not contain. A capitalised
    word counts as a name where it stands inside a sentence, or opens one and either stands
    capitalised inside another or is no English word ("Bakers in Vintrelle ..." opens with a common
    noun; "Lungtrelle, the town ..." with an invented name)."""
    haystack = _compact(source)
    facts = set(_NUMBER.findall(text)) | set(_JA_NAME.findall(text))
    sentences = [_EN_WORD.findall(s) for s in re.split(r"(?<=[.!?:;])\s+|\n+", text)]
    inside = {w for words in sentences for w in words[1:] if w[0].isupper()}
    for words in sentences:
        for i, word in enumerate(words):
            if word[0].isupper() and word not in _COMMON_CAPS and (
                    i > 0 or word in inside or not is_english_word(word)):
                facts.add(word)
    return sorted(f for f in facts if _compact(f) not in haystack)


def lost_capitals(text: str, source: str) -> list[str]:
    """Names of the source written in lower case ("orbis Lumen Systems" for Orbis Lumen Systems)."""
    lower_in_source = set(re.findall(r"\b[a-z][a-z'’-]+\b", source))
    names = {w for w in re.findall(r"\b[A-Z][a-z'’-]{3,}\b", source) if w.lower() not in lower_in_source}
    return sorted(w for w in names if re.search(rf"\b{w.lower()}\b", text) and not is_english_word(w))


def check_item(kind: str, item: dict, source: str, extra_names: str = "") -> str | None:
    """The reason an item is dropped, or None to keep it. `extra_names` are words a frame may add
    (the document's title)."""
    if kind == "qa":
        key = item.get("answer_key") or item["answer"]
        problems = question_problems(item["question"], key, source)
        if problems:
            return problems[0]
        # The key as the question's own sentence has it: 「ハツ」 is a whole name elsewhere, not in 「楢崎ハツ」.
        if item.get("answer_key") and key in str(item.get("answer", "")):
            cut = key_problem(key, str(item["answer"]), item["question"])
            if cut:
                return cut
        said = item["answer"]
    elif kind == "text":
        said = item["text"]
    elif kind == "conversation":
        said = "\n".join(m["content"] for m in item["messages"])
    else:
        return None
    unsupported = unsupported_facts(said, source + "\n" + extra_names)
    if unsupported:
        return f"unsupported fact: {unsupported[0]}"
    lowered = lost_capitals(said, source + "\n" + extra_names)
    return f"a name lost its capital: {lowered[0]}" if lowered else None
