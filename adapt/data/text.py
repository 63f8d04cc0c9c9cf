"""Text normalisation, language guess, sentence splitting and chunking for English and Japanese."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

_KANA = re.compile(r"[\u3040-\u30ff]")
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN = re.compile(r"[A-Za-z]")
_EN_STOPWORDS = {"the", "and", "of", "to", "is", "in", "a", "that", "for", "it", "with", "as", "on", "are", "was"}

# Characters that draw nothing and mean nothing in running text, removed: C0/C1 controls except tab
# and newline (they only ever come from broken extraction), and the invisible format characters: soft
# hyphen, combining grapheme joiner, zero-width space, direction marks, embeddings and isolates, word
# joiner and invisible operators, byte-order mark, interlinear annotation marks, tag characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u180e\u200b\u200e\u200f"
                      r"\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# Invisible too, but kept: they change how the letters around them are written (the zero-width
# non-joiner and joiner in Persian, Indic scripts and emoji; variation selectors) or are letters
# that draw nothing (the Hangul fillers, the blank Braille pattern). They are not text of their own.
_INVISIBLE = re.compile(r"[\u115f\u1160\u17b4\u17b5\u200c\u200d\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def normalize(text: str) -> str:
    """NFKC (full-width ASCII to half-width, half-width kana to full-width), clean whitespace.

    Paragraphs (blank lines) are kept; runs of spaces collapse; control characters go.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def visible_length(text: str) -> int:
    """The length `text` (normalized) would have without the invisible characters it keeps: what counts
    toward data.min_chars. A file of zero-width joiners and spaces has none."""
    if not _INVISIBLE.search(text):
        return len(text)
    return len(normalize(_INVISIBLE.sub("", text)))


def pieces(text: str, max_chars: int) -> Iterator[str]:
    """`text` cut into pieces of at most max_chars, each cut just before a space or line break where
    there is one (a Japanese line without either is cut anywhere), so that a tokenizer is never handed a
    whole book-sized line at once. Tokens of the pieces are the tokens of the text, but at the cuts."""
    start = 0
    while len(text) - start > max_chars:
        end = start + max_chars
        cut = max(text.rfind(" ", start + 1, end), text.rfind("\n", start + 1, end))
        if cut <= start:
            cut = end
        yield text[start:cut]
        start = cut
    yield text[start:]


_JA_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef]")


def is_japanese_char(ch: str) -> bool:
    """Kana, kanji, CJK punctuation: characters that are written without spaces between them."""
    return bool(_KANA.match(ch) or _CJK.match(ch) or _JA_PUNCT.match(ch))


def detect_language(text: str) -> str:
    """'ja', 'zh', 'en' or 'other' from character classes: cheap, offline, good enough for routing."""
    sample = text[:20000]
    kana = len(_KANA.findall(sample))
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if kana + cjk > latin * 0.5 and kana + cjk > 0:
        if kana >= 0.05 * (kana + cjk):
            return "ja"
        return "zh"
    words = re.findall(r"[A-Za-z]+", sample.lower())
    if words and sum(w in _EN_STOPWORDS for w in words) >= 0.05 * len(words):
        return "en"
    return "other" if sample.strip() else "unknown"


_LIST_OR_HEADING = re.compile(r"^(#{1,6}\s|[-*+•・]\s?|\d+[.)]\s|[（(]?\d+[）)]|[①-⑳])")
_ENDS_SENTENCE = re.compile(r"[.!?。！？:：」』)）\]]$")


def _number_split_in_japanese(prev: str, line: str) -> bool:
    """Japanese typesetting may break a line inside a number (16|84年); English never does, so only
    digits with Japanese around them are rejoined without a space."""
    if not (prev[-1:].isdigit() and line[:1].isdigit()):
        return False
    before = prev.rstrip("0123456789")[-1:]
    after = line.lstrip("0123456789")[:1]
    return bool(before and is_japanese_char(before)) or bool(after and is_japanese_char(after))


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines (PDF and plain-text layouts) back into paragraphs.

    English lines are joined with a space, Japanese ones without; a hyphen at a line end is
    removed when a lowercase word continues. Headings, list items and finished sentences
    keep their line break.
    """
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1] and line and not _ENDS_SENTENCE.search(out[-1]) and not _LIST_OR_HEADING.match(line):
            prev = out[-1]
            if not _LIST_OR_HEADING.match(prev) or len(prev) > 80:
                if prev.endswith("-") and line[:1].islower():
                    out[-1] = prev[:-1] + line
                elif is_japanese_char(prev[-1]) or is_japanese_char(line[0]) or _number_split_in_japanese(prev, line):
                    out[-1] = prev + line
                else:
                    out[-1] = prev + " " + line
                continue
        out.append(line)
    return "\n".join(out)


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "fig", "no", "vol",
    "inc", "ltd", "co", "corp", "u.s", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "approx", "dept", "est", "al",
}
# A Japanese terminator ends a sentence at once (closing brackets stay with it); an English one
# only when whitespace follows.
_JA_END = re.compile(r"[。！？!?]+[」』）)】〕\"']*")
_EN_END = re.compile(r"[.!?]+[\"')\]]*(?=\s)")


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in paragraph.split("\n"):
            sentences.extend(_split_line(line.strip()))
    return [s for s in sentences if s]


def _split_line(line: str) -> list[str]:
    if not line:
        return []
    cuts: list[int] = []
    for match in _JA_END.finditer(line):
        if match.group(0)[0] in "。！？" or (match.start() > 0 and is_japanese_char(line[match.start() - 1])):
            end = match.end()
            # 「…。」と言った — a quote closing mid-sentence does not end it.
            if end < len(line) and line[end] in "とって":
                continue
            cuts.append(end)
    for match in _EN_END.finditer(line):
        start = match.start()
        if line[start] == ".":
            word = re.search(r"([A-Za-z.]+)$", line[:start])
            if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            rest = line[match.end():].lstrip()
            if rest and rest[0].islower():
                continue
        cuts.append(match.end())
    pieces, last = [], 0
    for cut in sorted(set(cuts)):
        piece = line[last:cut].strip()
        if piece:
            pieces.append(piece)
        last = cut
    tail = line[last:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def chunk_text(text: str, max_chars: int) -> list[str]:
    """Greedy chunks of whole sentences up to max_chars; paragraph breaks are kept inside a chunk.

    A single sentence longer than max_chars (a giant line) is cut at max_chars.
    """
    chunks: list[str] = []
    current = ""
    for paragraph in re.split(r"\n\s*\n", text):
        for sentence in split_sentences(paragraph):
            while len(sentence) > max_chars:
                if current:
                    chunks.append(current)
                    current = ""
                chunks.append(sentence[:max_chars])
                sentence = sentence[max_chars:]
            joiner = "" if not current or current.endswith("\n") or is_japanese_char(current[-1]) else " "
            if len(current) + len(joiner) + len(sentence) > max_chars and current:
                chunks.append(current)
                current, joiner = "", ""
            current = current + joiner + sentence
        if current and len(current) + 2 <= max_chars:
            current += "\n\n"
    if current.strip():
        chunks.append(current)
    return [c.strip() for c in chunks if c.strip()]


def prompt_language(doc_lang: str) -> str:
    """The language prompts and headings are written in for a document: Japanese, else English."""
    return "ja" if doc_lang == "ja" else "en"
