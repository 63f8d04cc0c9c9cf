"""The general-ability check: does the adapted model still answer what the base model knew?

Perplexity on general text says that something moved; a person asks whether the model still knows
the capital of France. The bundled common-knowledge questions (examples/general/questions, in
English and Japanese) are asked closed-book and greedily, the same way as the domain questions
(qa.answer), to the base model and to each adapted model. What is reported is retention: of the
questions the base answered, how many the adapted model still answers. A question the base got
wrong says nothing about forgetting.

An answer counts when the answer key or any alias appears in it (NFKC, case-insensitive, as in
qa.py), with one difference from qa.fact_match: a key is found as a word, not as any substring,
since the keys here are short. "4" is not in "14" or "4.5", "four" is not in "fourteen", "ten" is
not in "often". Japanese has no spaces between words, so a Japanese key is found as a substring,
except that a number (digits or kanji numerals) must not continue into a longer one.
"""

from __future__ import annotations

import re
import unicodedata

from adapt import bundled
from adapt.evaluate import qa as qa_eval
from adapt.fileio import read_jsonl

# The answer is usually a word: a chatty reply ("The capital of France is Paris.") fits in far
# fewer tokens than this, and a CPU run pays for every generated token of the longest answer in a batch.
ANSWER_TOKENS = 32
EXAMPLES = 5  # questions the base answered and the adapted model lost, shown in the report

# Characters that continue a word in Latin script: a key must not be preceded or followed by one.
_LATIN = "0-9a-z\u00c0-\u024f"
_LATIN_KEY = re.compile(rf"[{_LATIN}\s.,'&()\-]+")
# Digits and kanji numerals: a number in a Japanese key must not run on into a longer number.
_NUMERAL = "0-9〇零一二三四五六七八九十百千万"
_KANA = re.compile(r"[\u3040-\u30ffー]+")
_COPULA = re.compile(r"(です|でした|だ)$")


def _fold(text: str) -> str:
    """NFKC and lower case (full-width ＤＮＡ or １２ as dna, 12), thousands separators dropped
    ("1,000" as 1000) so that a separator is not read as the end of a number."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)


def _latin_pattern(key: str) -> re.Pattern | None:
    words = re.findall(rf"[{_LATIN}]+", key)
    if not words:
        return None
    # Words of the key may be joined by any spacing or punctuation ("eighty-one", "eighty one").
    body = r"[\W_]+".join(re.escape(w) for w in words)
    if words[-1][-1].isdigit():
        # Not the 4 of 14, 4.5 or 2.4.
        return re.compile(rf"(?<![{_LATIN}])(?<!\d[.,]){body}(?![.,]\d)(?![{_LATIN}])")
    # A plural still names the thing asked for ("cow" in "cows").
    return re.compile(rf"(?<![{_LATIN}])(?<!\d[.,]){body}(?:e?s)?(?![{_LATIN}])")


def _japanese_found(key: str, answer: str) -> bool:
    key, answer = qa_eval.normalize_answer(key), qa_eval.normalize_answer(answer)
    if not key:
        return False
    if _KANA.fullmatch(key) and len(key) <= 2:
        # Two kana are too common to find inside a sentence (に is a particle, はい is "yes", した ends a
        # verb): such a reading counts only as the whole answer ("いぬ", "いぬです").
        return _COPULA.sub("", answer) == key
    before = rf"(?<![{_NUMERAL}])" if re.match(rf"[{_NUMERAL}]", key) else ""
    after = rf"(?![{_NUMERAL}])" if re.search(rf"[{_NUMERAL}]$", key) else ""
    return re.search(before + re.escape(key) + after, answer) is not None


def found(answer: str, keys: list[str]) -> bool:
    """Whether any of `keys` (the answer key and its aliases) is in the answer, as a word."""
    folded = _fold(answer)
    for key in keys:
        key = _fold(key).strip()
        if not key:
            continue
        if _LATIN_KEY.fullmatch(key):
            pattern = _latin_pattern(key)
            if pattern is not None and pattern.search(folded):
                return True
        elif _japanese_found(key, folded):
            return True
    return False


def is_right(question: dict, answer: str) -> bool:
    return found(answer, [question["answer_key"], *question.get("aliases", [])])


def any_right(questions: list[dict], answers: list[str]) -> bool:
    return any(is_right(q, a) for q, a in zip(questions, answers))


def _spread(items: list, limit: int) -> list:
    """At most `limit` items, evenly spaced: the files are ordered by topic, so every topic is asked."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def load(languages: set[str], limit: int) -> list[dict]:
    """The questions in the domain's languages (both sets when the domain is in neither, or unknown),
    at most `limit` in all, shared equally between the languages, the same ones on every run."""
    asked = sorted(lang for lang in languages if lang in bundled.GENERAL_QUESTIONS) or sorted(bundled.GENERAL_QUESTIONS)
    if limit <= 0:
        return []
    result = []
    for i, lang in enumerate(asked):
        share = limit // len(asked) + (1 if i < limit % len(asked) else 0)
        rows = [{**row, "lang": lang} for row in read_jsonl(bundled.GENERAL_QUESTIONS[lang])
                if row.get("question") and row.get("answer_key")]
        result += _spread(rows, share)
    return result


def answer(model, tokenizer, questions: list[dict], max_new_tokens: int, batch_size: int) -> list[str]:
    return qa_eval.answer(model, tokenizer, questions, min(max_new_tokens, ANSWER_TOKENS), batch_size)


def score(questions: list[dict], answers: dict[str, list[str]]) -> dict:
    """report.json's general_questions from every model's answers ("base" first, then the adapted
    ones): how many each answers, and of those the base answered how many each adapted model kept."""
    right = {label: [is_right(q, a) for q, a in zip(questions, texts)] for label, texts in answers.items()}
    base = right.get("base", [False] * len(questions))
    result: dict = {"questions": len(questions), "languages": sorted({q["lang"] for q in questions}),
                    "base_right": sum(base), "by_model": {}, "examples": []}
    for label, marks in right.items():
        if label == "base":
            continue
        result["by_model"][label] = {"right": sum(marks), "kept": sum(b and m for b, m in zip(base, marks))}
    adapted = [label for label in answers if label != "base"]
    if adapted and "base" in answers:
        final = adapted[-1]
        lost = [i for i, (b, m) in enumerate(zip(base, right[final])) if b and not m]
        result["examples"] = [{"model": final, "question": questions[i]["question"],
                               "answer_key": questions[i]["answer_key"], "answer_base": answers["base"][i],
                               "answer_adapted": answers[final][i]} for i in lost[:EXAMPLES]]
    return result
