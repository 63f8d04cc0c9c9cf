"""The offline generator: reading-comprehension tasks mined from the text itself, no LLM.

What it can write (the others need an LLM backend):
  summary            title + the lead sentence of each paragraph
  paraphrase         restatements ("According to ...") with sentences reordered within paragraphs
  keywords           salient names/terms, each with the sentence that explains it
  kg_extraction      subject | relation | object from copula/verb sentences
  positive_negative  sentences that carry a contrast (however, but, しかし, 一方 ...)
  qa_numbers_formula questions whose answer is a number or date in a sentence
  qa_people_names    questions whose answer is a name (capitalised words, katakana, kanji compounds)
  qa_easy            the document's topic, cue questions (a sentence asked for by its subject and one of
                     its content words, worded in several ways), and sentence completion
  qa_difficult       why-questions from cause/effect connectives, else what-about-keyword questions
  qa_methods         how-questions from means/method phrases, else what-about-keyword questions
"""

from __future__ import annotations

import random
import re
from collections import Counter

from adapt.augment.parse import Unparseable
from adapt.data.text import split_sentences

SUPPORTED = ("summary", "paraphrase", "keywords", "kg_extraction", "positive_negative", "qa_numbers_formula",
             "qa_people_names", "qa_easy", "qa_difficult", "qa_methods")

_EN_STOP_CAPS = {"The", "A", "An", "In", "On", "At", "It", "Its", "This", "That", "These", "Those", "Every", "Each",
                 "Because", "Most", "Some", "All", "When", "Since", "After", "Before", "However", "But", "And",
                 "Children", "Visitors", "Travellers", "Merchants", "Fishermen", "According", "There", "They",
                 "He", "She", "We", "You", "I", "If", "As", "For", "From", "By", "With", "Of", "To", "Yes", "No"}
_EN_ENTITY = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
_JA_ENTITY = re.compile(r"[ァ-ヴー]{2,}|[一-龥々]{2,}")
_NUMBER = re.compile(r"(?<![0-9A-Za-z.])\d+(?:[.,]\d+)*(?![0-9A-Za-z])(?:\s?%)?")
_EN_CAUSE = re.compile(r"^(?P<pre>.*?)\b(?:because|since|as a result of|due to)\b(?P<cause>.+?)[,.]?\s*(?P<post>.*)$", re.I)
_EN_CONTRAST = re.compile(r"\b(however|but|although|though|whereas|yet|on the other hand)\b", re.I)
_JA_CAUSE = re.compile(r"^(?P<cause>.+?)(?:ため、|ので、?|から、)(?P<effect>.+)$")
_JA_CONTRAST = re.compile(r"しかし|一方|ただし|けれども|が、")
_EN_METHOD = re.compile(r"\b(by \w+ing|using|through|with the help of|method|technique|procedure)\b", re.I)
_JA_METHOD = re.compile(r"によって|を使って|を用いて|方法|手順")
_EN_RELATION = re.compile(
    r"^(?P<s>.+?)\s+(?P<r>is|are|was|were|has|have|had|holds|keeps|exports|wears|meets|carries|pays|learn|learns"
    r"|chooses|made|makes|sail|sails|returns|reach|reaches)\s+(?P<o>.+?)[.!]?$"
)
_EN_STOP_WORDS = {
    "and", "but", "for", "just", "not", "the", "was", "are", "has", "had", "who", "all", "one", "two", "three",
    "about", "after", "also", "among", "around", "because", "been", "before", "being", "both", "called", "could",
    "each", "even", "every", "from", "have", "into", "its", "known", "made", "many", "more", "most", "much", "named",
    "only", "other", "over", "same", "since", "some", "still", "such", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "under", "until", "upon", "very", "were", "what", "when",
    "where", "which", "while", "whose", "with", "would", "year", "years"}
# A noun phrase, roughly: what follows a determiner, with at most one word before the noun.
_EN_NOUN_PHRASE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Ee]ach|[Ee]very)\s+([a-z-]{3,})(?:\s([a-z-]{3,}))?")
# Words that usually qualify the noun after them ("the highest point", "a white cormorant").
_EN_ADJECTIVE = re.compile(r"^(?:first|last|next|main|old|new|small|large|great|long|tall|little|big|high|low|white|"
                           r"black|red|green|blue|dark|pale|deep|wide|whole|single|standard|\w+est|\w+al|\w+ous|"
                           r"\w+ful|\w+ic|\w+ive|\w+ern|\w+ary)$")
# Ways to ask for what a document says about one aspect ({c}) of a subject ({t}): the answer is the
# sentence. Several wordings, because a reader's question shares only a word or two with the text.
_CUE_TEMPLATES_EN = ("What is known about the {c} of {t}?", "Tell me about {t} and its {c}.",
                     "What does the text say about {t}'s {c}?", "Regarding {t}, what about the {c}?",
                     "What can you tell me about the {c} in connection with {t}?")
_CUE_TEMPLATES_JA = ("{t}の{c}について教えてください。", "{t}の{c}はどうなっていますか？",
                     "{c}について、{t}ではどう言われていますか？", "{t}に関して、{c}について何が分かりますか？")
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


def _title(title: str, text: str, lang: str) -> str:
    """The document's topic: its title, else the name it mentions most."""
    if title:
        return title
    counts = Counter(e for s in _sentences(text) for e in _entities(s, lang))
    if counts:
        return counts.most_common(1)[0][0]
    return "この文書" if _is_ja(lang) else "this document"


def _ask(sentence: str, span: str, lang: str, wh: str) -> str:
    """An echo question: the sentence with the answer replaced by a question word."""
    question = sentence.replace(span, wh, 1)
    if _is_ja(lang):
        question = question.rstrip("。！!")
        for ending, asked in (("ました", "ましたか"), ("ます", "ますか"), ("でした", "でしたか"), ("です", "ですか")):
            if question.endswith(ending):
                return asked.join(question.rsplit(ending, 1)) + "？"
        return question + "のは何ですか？" if not question.endswith("か") else question + "？"
    question = question.rstrip(".!")
    return question[0].upper() + question[1:] + "?"


def _number_wh(sentence: str, span: str, lang: str) -> str:
    before = sentence[: sentence.find(span)]
    is_year = re.fullmatch(r"1\d{3}|20\d{2}", span) is not None
    if _is_ja(lang):
        after = sentence[sentence.find(span) + len(span):]
        if after.startswith("年"):
            return "何"
        return "いくつ" if not after[:1].isalpha() else "何"
    if is_year and re.search(r"\b(in|since|from|until|by)\s*$", before):
        return "which year"
    return "how many" if not is_year else "which year"


def _qa(question: str, answer: str, key: str) -> dict:
    return {"question": question, "answer": answer, "answer_key": key}


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
                        body = body[0].lower() + body[1:] if body[:2] != body[:2].upper() else body
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
    def _pick(self, candidates: list, n: int, rng) -> list:
        rng.shuffle(candidates)
        return candidates[:n]

    def _qa_numbers_formula(self, title, text, lang, n, rng):
        # A number that occurs twice in its sentence would still be visible in the question.
        candidates = [(s, m.group(0)) for s in _sentences(text) for m in _NUMBER.finditer(s) if s.count(m.group(0)) == 1]
        return {"qa": [_qa(_ask(s, num, lang, _number_wh(s, num, lang)), s, num)
                       for s, num in self._pick(candidates, n, rng)]}

    def _qa_people_names(self, title, text, lang, n, rng):
        candidates = []
        for sentence in _sentences(text):
            entities = _entities(sentence, lang)
            # Ask for a name that is not the topic itself, so the question keeps its subject.
            for entity in entities:
                if entity == title or sentence.count(entity) > 1 or any(entity in e for e in entities if e != entity):
                    continue  # the answer must disappear from the question completely
                if len(entities) > 1 or title not in sentence:
                    candidates.append((sentence, entity))
        wh = "何" if _is_ja(lang) else "what"
        return {"qa": [_qa(_ask(s, e, lang, wh), s, e) for s, e in self._pick(candidates, n, rng)]}

    def _cues(self, title: str, sentence: str, lang: str) -> list[str]:
        """The sentence's own noun phrases (other than the subject): what a reader might ask it by."""
        if _is_ja(lang):
            cues = [w for w in _JA_ENTITY.findall(sentence) if w not in title and title not in w]
            if not cues:  # no compound word: a single-kanji noun (橋, 杉) will do
                cues = [w for w in re.findall(r"[一-龥々]+", sentence) if w not in title and w not in "年月日"]
            return list(dict.fromkeys(cues))
        cues = []
        for match in _EN_NOUN_PHRASE.finditer(sentence):
            first, second = match.group(1), match.group(2)
            noun = f"{first} {second}" if second and _EN_ADJECTIVE.match(first) else first
            if noun.split()[-1] not in _EN_STOP_WORDS and not noun.endswith("ly") and noun.split()[-1] not in title.lower():
                cues.append(noun)
        # Then every other content word: a question may name the fact by a verb or an adjective too.
        cues += [w for w in re.findall(r"\b[a-z][a-z-]{3,}\b", sentence)
                 if w not in _EN_STOP_WORDS and not w.endswith("ly") and w not in title.lower()]
        return list(dict.fromkeys(cues))

    def _cue_question(self, title: str, sentence: str, cue: str, lang: str, rng) -> dict:
        """The sentence asked for by the document's subject and one of its cues, in one of several wordings."""
        subject = title[4:] if not _is_ja(lang) and title.startswith("The ") else title
        template = rng.choice(_CUE_TEMPLATES_JA if _is_ja(lang) else _CUE_TEMPLATES_EN)
        return _qa(template.format(t=subject, c=cue), sentence, sentence)

    def _completion_question(self, title: str, sentence: str, lang: str) -> dict | None:
        """The first half of a sentence; the answer is the rest."""
        words = sentence.split() if not _is_ja(lang) else None
        if words and len(words) >= 6:
            cut = len(words) // 2
            start, rest = " ".join(words[:cut]), " ".join(words[cut:])
        elif _is_ja(lang) and len(sentence) >= 10:
            # Cut after a particle or comma near the middle, not inside a word.
            middle = len(sentence) // 2
            cuts = [i + 1 for i, ch in enumerate(sentence[:-3]) if ch in "はがをにでと、" and i > 2]
            if not cuts:
                return None
            cut = min(cuts, key=lambda i: abs(i - middle))
            start, rest = sentence[:cut], sentence[cut:]
        else:
            return None
        q = (f"「{start}」の続きを答えてください。" if _is_ja(lang)
             else f'How does this statement about {title} continue: "{start} ..."?')
        return _qa(q, sentence, rest.rstrip(".。"))

    def _qa_easy(self, title, text, lang, n, rng):
        """The topic question, then rounds over all sentences in a fresh order each: two rounds of cue
        questions, then one of completions, so every sentence is asked for before any is asked twice,
        and each sentence by each of its cues before any cue is used twice."""
        sentences = _sentences(text)
        leads = [p[0] for p in _paragraphs(text)]
        qa = []
        if leads:
            q = f"{title}について簡単に説明してください。" if _is_ja(lang) else f"What is {title}, in brief?"
            qa.append(_qa(q, leads[0], leads[0]))
        cues = {s: self._cues(title, s, lang) for s in sentences}
        asked = dict.fromkeys(sentences, 0)
        for round_number in range(3 * n if sentences else 0):
            for sentence in self._pick(sentences[:], len(sentences), rng):
                if len(qa) >= n:
                    return {"qa": qa}
                if round_number % 3 == 2:
                    pair = self._completion_question(title, sentence, lang)
                elif cues[sentence]:
                    # Two cues per question where there are enough, so fewer questions cover them all.
                    own = cues[sentence]
                    pair_of = [own[(asked[sentence] + k) % len(own)] for k in range(min(2, len(own)))]
                    asked[sentence] += len(pair_of)
                    cue = ("と" if _is_ja(lang) else " and the ").join(dict.fromkeys(pair_of))
                    pair = self._cue_question(title, sentence, cue, lang, rng)
                else:
                    pair = None
                if pair:
                    qa.append(pair)
        return {"qa": qa[:n]}

    def _keyword_questions(self, title, text, lang, n, rng):
        sentences = _sentences(text)
        pairs = [(e, s) for s in sentences for e in set(_entities(s, lang)) if e != title]
        qa = []
        for entity, sentence in self._pick(pairs, n, rng):
            q = (f"{title}において、{entity}について何が分かりますか？" if _is_ja(lang)
                 else f"What does the text about {title} say about {entity}?")
            qa.append(_qa(q, sentence, entity))
        return qa

    def _qa_difficult(self, title, text, lang, n, rng):
        qa = []
        for sentence in _sentences(text):
            if _is_ja(lang):
                match = _JA_CAUSE.match(sentence)
                if match:
                    effect = match.group("effect").rstrip("。")
                    qa.append(_qa(f"なぜ{effect}のですか？", sentence, match.group("cause")))
            else:
                match = _EN_CAUSE.match(sentence)
                if match and match.group("cause").strip():
                    effect = (match.group("post") or match.group("pre")).strip().rstrip(".")
                    if effect:
                        qa.append(_qa(f"Why is it that {effect[0].lower() + effect[1:]}?", sentence,
                                      match.group("cause").strip()))
        qa = self._pick(qa, n, rng)
        if len(qa) < n:
            qa += self._keyword_questions(title, text, lang, n - len(qa), rng)
        return {"qa": qa}

    def _qa_methods(self, title, text, lang, n, rng):
        pattern = _JA_METHOD if _is_ja(lang) else _EN_METHOD
        qa = []
        for sentence in _sentences(text):
            if pattern.search(sentence):
                q = (f"{title}では、どのように{sentence[:20]}…のですか？" if _is_ja(lang)
                     else f"How is this done in {title}: {sentence.split(',')[0].rstrip('.')}?")
                qa.append(_qa(q, sentence, sentence))
        qa = self._pick(qa, n, rng)
        if len(qa) < n:
            qa += self._keyword_questions(title, text, lang, n - len(qa), rng)
        return {"qa": qa}
