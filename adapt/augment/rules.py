"""The offline generator: reading-comprehension tasks mined from the text itself, no LLM.

What it can write (the others need an LLM backend):
  summary            title + the lead sentence of each paragraph
  paraphrase         restatements ("According to ...") with sentences reordered within paragraphs
  keywords           salient names/terms, each with the sentence that explains it
  kg_extraction      subject | relation | object from copula/verb sentences
  positive_negative  sentences that carry a contrast (however, but, しかし, 一方 ...)
  qa_*               questions built from each sentence's structure (adapt.augment.asking), each in a
                     few wordings, the sentence as the answer; each category asks for its kinds first:
                     numbers_formula how many/when, people_names who/where, difficult why/how,
                     methods how/what, easy all of them, a round over the sentences at a time
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter

from adapt.augment.asking import SENTENCE_OPENERS, english_questions, japanese_questions
from adapt.augment.constituents import key_problem
from adapt.augment.parse import Unparseable
from adapt.augment.quality import question_problems
from adapt.data.text import split_sentences

SUPPORTED = ("summary", "paraphrase", "keywords", "kg_extraction", "positive_negative", "qa_numbers_formula",
             "qa_people_names", "qa_easy", "qa_difficult", "qa_methods")

_EN_STOP_CAPS = {"The", "A", "An", "In", "On", "At", "It", "Its", "This", "That", "These", "Those", "Every", "Each",
                 "Because", "Most", "Some", "All", "When", "Since", "After", "Before", "However", "But", "And",
                 "Children", "Visitors", "Travellers", "Merchants", "Fishermen", "According", "There", "They",
                 "He", "She", "We", "You", "I", "If", "As", "For", "From", "By", "With", "Of", "To", "Yes", "No"}
_EN_ENTITY = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
_JA_ENTITY = re.compile(r"[ァ-ヴー]{2,}|[一-龥々]{2,}")
_EN_CONTRAST = re.compile(r"\b(however|but|although|though|whereas|yet|on the other hand)\b", re.I)
_JA_CONTRAST = re.compile(r"しかし|一方|ただし|けれども|が、")
_EN_RELATION = re.compile(
    r"^(?P<s>.+?)\s+(?P<r>is|are|was|were|has|have|had|holds|keeps|exports|wears|meets|carries|pays|learn|learns"
    r"|chooses|made|makes|sail|sails|returns|reach|reaches)\s+(?P<o>.+?)[.!]?$"
)
_PARENTHETICAL = re.compile(r"\s*[(（][^()（）]*[)）]")
_JA_RELATION = re.compile(r"^(?P<s>.+?)(?P<r>は|には|では)(?P<o>.+?)[。！]?$")


def _is_ja(lang: str) -> bool:
    return lang == "ja"


def _sentences(text: str) -> list[str]:
    return [s for s in split_sentences(text) if not s.startswith("#") and len(s) > 8]


def _paragraphs(text: str) -> list[list[str]]:
    return [p for p in (_sentences(block) for block in re.split(r"\n\s*\n", text)) if p]


def _entities(sentence: str, lang: str) -> list[str]:
    if _is_ja(lang):
        return [m for m in _JA_ENTITY.findall(sentence)]
    found = []
    for match in _EN_ENTITY.finditer(sentence):
        words = match.group(0).split()
        while words and words[0] in _EN_STOP_CAPS:
            words = words[1:]
        if words:
            found.append(" ".join(words))
    return found


_NAME_JOINERS = {"of", "the", "and", "de", "du", "la", "le", "van", "von", "der", "da"}


def _title(title: str, text: str, lang: str) -> str:
    """The document's topic: its title when that is a name, else the name it mentions most. A heading's
    label goes ("Profile: Captain Ida Markwell"); a heading that is a phrase ("Corvel Ferries at a
    glance") is no name for "it" or "she" to stand for."""
    if title and not _is_ja(lang):
        title = re.sub(r"^[A-Za-z ]{1,20}:\s+", "", title).strip()
        if any(w[:1].islower() and w not in _NAME_JOINERS for w in title.split()[1:]):
            title = ""
    if title:
        return title
    counts = Counter(e for s in _sentences(text) for e in _entities(s, lang))
    if counts:
        return counts.most_common(1)[0][0]
    return "この文書" if _is_ja(lang) else "this document"


def _qa(question: str, answer: str, key: str, askable: bool = True) -> dict:
    return {"question": question, "answer": answer, "answer_key": key, "askable": askable}


class RulesGenerator:
    """Deterministic given (document, category, seed)."""

    name = "rules"

    def supports(self, category: str) -> bool:
        return category in SUPPORTED

    def generate(self, category: str, title: str, text: str, lang: str, n: int, seed: int) -> dict:
        """{'texts': [...]} or {'qa': [...]}; raises Unparseable when the text offers no material."""
        rng = random.Random(f"{seed}-{category}-{title}-{len(text)}")
        title = _title(title, text, lang)
        method = getattr(self, f"_{category}")
        result = method(title, text, lang, n, rng)
        if not result.get("texts") and not result.get("qa"):
            raise Unparseable(f"no material for {category} in this document")
        return result

    # ---- text categories -----------------------------------------------------------------------
    def _summary(self, title, text, lang, n, rng):
        leads = [p[0] for p in _paragraphs(text)][:6]
        joiner = "" if _is_ja(lang) else " "
        head = f"{title}の要約: " if _is_ja(lang) else f"Summary of {title}: "
        return {"texts": [head + joiner.join(leads)] if leads else []}

    def _paraphrase(self, title, text, lang, n, rng):
        texts = []
        frames_en = ["According to the text about {t}, {s}", "It is recorded that {s}", "The document notes: {s}",
                     "As described in {t}, {s}"]
        frames_ja = ["{t}によると、{s}", "文書には、{s}と書かれています。", "記録では、{s}"]
        for _ in range(n):
            out = []
            for paragraph in _paragraphs(text):
                order = paragraph[:]
                rng.shuffle(order)
                for sentence in order:
                    frame = rng.choice(frames_ja if _is_ja(lang) else frames_en)
                    body = sentence.rstrip("。") if _is_ja(lang) and "と書かれて" in frame else sentence
                    if not _is_ja(lang):
                        # Only a word that is capitalised because it opens the sentence loses its capital:
                        # "the glider ..." but never "orbis Lumen Systems" (issue 29).
                        first = body.split(" ", 1)[0]
                        if first in SENTENCE_OPENERS and first != "I":
                            body = body[0].lower() + body[1:]
                    out.append(frame.format(t=title, s=body))
            texts.append(("" if _is_ja(lang) else " ").join(out))
        return {"texts": texts}

    def _keywords(self, title, text, lang, n, rng):
        sentences = _sentences(text)
        counts = Counter(e for s in sentences for e in set(_entities(s, lang)) if e != title)
        lines = []
        for keyword, _ in counts.most_common(8):
            explanation = next(s for s in sentences if keyword in s)
            lines.append(f"{keyword}: {explanation}")
        return {"texts": ["\n".join(lines)] if lines else []}

    def _kg_extraction(self, title, text, lang, n, rng):
        triples = []
        for sentence in _sentences(text):
            # A reading or gloss in brackets — 灰羽橋(はいばねばし) — is not where the relation is.
            match = (_JA_RELATION if _is_ja(lang) else _EN_RELATION).match(_PARENTHETICAL.sub("", sentence))
            if match:
                triples.append(f"{match.group('s').strip()} | {match.group('r')} | {match.group('o').strip()}")
        return {"texts": ["\n".join(triples[:20])] if triples else []}

    def _positive_negative(self, title, text, lang, n, rng):
        pattern = _JA_CONTRAST if _is_ja(lang) else _EN_CONTRAST
        points = [s for s in _sentences(text) if pattern.search(s)]
        head = f"{title}の良い点と悪い点: " if _is_ja(lang) else f"Contrasts in {title}: "
        return {"texts": [head + ("" if _is_ja(lang) else " ").join(points)] if points else []}

    # ---- QA categories -------------------------------------------------------------------------
    # Every question comes from adapt.augment.asking: built from a sentence's structure, in the
    # question's own words, with its answer key; each category asks for its kinds first.
    _KINDS = {
        "qa_numbers_formula": ("number", "when"),
        "qa_people_names": ("who", "where"),
        "qa_easy": ("define", "what", "who", "when", "where", "number", "how"),
        "qa_difficult": ("why", "how", "where", "when"),
        "qa_methods": ("how", "what"),
    }

    def _questions(self, category, title, text, lang, n, rng):
        asked_by_sentence = _asked_by_sentence(text, title, lang)
        per_sentence = [found for _, found in asked_by_sentence]
        preferred = self._KINDS[category]
        own = sorted((a for found in per_sentence for a in found if a.kind in preferred),
                     key=lambda a: preferred.index(a.kind))
        if category == "qa_easy" or not own:  # qa_easy: one question per sentence before any second one
            ranked = _round_robin(per_sentence, rng)
        else:
            rng.shuffle(own)
            ranked = own + [a for a in _round_robin(per_sentence, rng) if a not in own]
        qa = []
        sentence_of = {a: s for s, found in asked_by_sentence for a in found}
        for asked in ranked:
            # Each question, then its other wordings: the same fact asked the ways a reader might.
            for wording in (asked.question, *asked.variants):
                if len(qa) >= n:
                    return {"qa": qa}
                qa.append(_qa(wording, sentence_of[asked], asked.key, asked.askable))
        return {"qa": qa}

    def _qa_numbers_formula(self, title, text, lang, n, rng):
        return self._questions("qa_numbers_formula", title, text, lang, n, rng)

    def _qa_people_names(self, title, text, lang, n, rng):
        return self._questions("qa_people_names", title, text, lang, n, rng)

    def _qa_easy(self, title, text, lang, n, rng):
        return self._questions("qa_easy", title, text, lang, n, rng)

    def _qa_difficult(self, title, text, lang, n, rng):
        return self._questions("qa_difficult", title, text, lang, n, rng)

    def _qa_methods(self, title, text, lang, n, rng):
        return self._questions("qa_methods", title, text, lang, n, rng)


@functools.lru_cache(maxsize=64)
def _asked_by_sentence(text: str, title: str, lang: str) -> tuple[tuple[str, tuple], ...]:
    """Each sentence with the questions it answers; once per document, for all five QA categories."""
    ask = functools.partial(japanese_questions if _is_ja(lang) else english_questions, context=text)
    # The quality check's own guard, applied as the questions are written: what it would drop is never
    # offered, so a category's count is filled with questions that pass.
    return tuple((sentence, tuple(a for a in ask(sentence, title) if not question_problems(a.question, a.key, text)
                                  and not key_problem(a.key, sentence, a.question)))
                 for sentence in _sentences(text))


def _round_robin(per_sentence: list, rng) -> list:
    """Questions in rounds over the sentences: every sentence is asked about before any twice."""
    queues = [list(found) for found in per_sentence if found]
    for queue in queues:
        rng.shuffle(queue)
    out = []
    while queues:
        for queue in queues:
            out.append(queue.pop(0))
        queues = [q for q in queues if q]
    return out
