"""Text of unknown encoding: which strict decoding of the bytes is the text, or why none can be trusted.

A BOM or valid UTF-8 decides at once. Otherwise several legacy encodings decode the same bytes
without error, and the wrong ones are not random noise: Latin-1 "rivière" read as cp1250 is
"rivičre", read as Shift_JIS it is "rivi鑽e". What gives a wrong reading away is characters that
do not belong together: č is Czech and è French, 鑽 does not sit inside a French word, ¥ does not
sit between letters. Every reading is scored by such stray characters (stray_characters) and the
cleanest wins. When two readings that differ are equally clean (a short Spanish "niño" reads as
Polish "nińo" just as well), nothing in the bytes tells them apart: the file is refused with both
readings shown, rather than stored in one that may be wrong. So is a file that is part UTF-8,
part something else.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from charset_normalizer import from_bytes


class UndecodableText(ValueError):
    """Bytes whose text cannot be recovered with confidence; the message says why and what to do."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters real text in the languages we read is made of: ASCII, Latin-1, the Latin letters of
# Central Europe and cp1252's extras, Greek, Cyrillic, Japanese. Mis-decodings score low.
_COMMON = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u02c6-\u02dd\u0370-\u03ff\u0400-\u04ff\u2010-\u206f\u20ac\u2122"
    r"\u2190-\u21ff\u2200-\u22ff\u2460-\u24ff\u25a0-\u25ff"
    r"\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff5e]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 50000

# Letters beyond a-z that each language using a Western or Central European code page writes with.
_LATIN_ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíñóúüªº",
    "Portuguese": "áàâãçéêíóôõúªº",
    "Italian": "àèéìíîòóùúªº",
    "Catalan": "àçèéíïòóúüªº",
    "Dutch": "áäéëèïóöúü",
    "Danish/Norwegian": "æøåé",
    "Swedish/Finnish": "åäöéšž",
    "Icelandic": "áðéíóúýþæö",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșşțţ",
    "Croatian/Slovene": "čćđšž",
    "Turkish": "çğıöşüâîû",
    "Estonian": "äöõüšž",
    "Baltic": "āčēģīķļņšūžąęėįų",
}
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_LATIN = [_ASCII_LETTERS | frozenset(extra) for extra in _LATIN_ALPHABETS.values()]
# Japanese text mixes these scripts; any other script is an alphabet of its own.
_JAPANESE_SCRIPTS = {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"}
_NEUTRAL_LETTERS = set("µªº")


def _script(char: str) -> str:
    """LATIN, JAPANESE, CYRILLIC, GREEK, ... for a letter; "" for anything else."""
    if not char.isalpha() or char in _NEUTRAL_LETTERS:
        return ""
    script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return "JAPANESE" if script in _JAPANESE_SCRIPTS else script


def _is_symbol(char: str) -> bool:
    # Latin-1-range symbols (¤ ¥ ½ ³ ...); quotes and punctuation do not count: « Voilà » is fine.
    return "\u00a0" <= char <= "\u02ff" and unicodedata.category(char) in ("Sc", "Sk", "Sm", "So", "No")


def stray_characters(text: str) -> int:
    """How many characters of a reading do not belong with the rest; zero for clean text.

    - characters real text is not made of (C1 controls, box drawing, private use);
    - letters outside the one alphabet that covers most letters: a Latin language's letters
      (a-z and its accents), or one other script together with a-z (acronyms, markup);
    - a run of another script's letters touching an a-z letter (the 鑽 of "rivi鑽e");
    - a capital straight after a small letter (Cyrillic KOI8-R read as cp1251: "рТЙЧЕФ");
    - a symbol touching a letter (the ¤ and ¥ of EUC-JP read as cp1252: "¥½¥é¤Î").
    """
    sample = text[:_SAMPLE]
    scripts = {char: _script(char) for char in set(sample)}
    letters = Counter(char.lower() for char in sample if scripts[char])
    by_script = Counter()
    for letter, count in letters.items():
        script = _script(letter)
        if script != "LATIN":
            by_script[script] += count
    ascii_letters = sum(count for letter, count in letters.items() if letter in _ASCII_LETTERS)
    covered = max([sum(count for letter, count in letters.items() if letter in alphabet) for alphabet in _LATIN]
                  + [count + ascii_letters for count in by_script.values()])
    stray = sum(letters.values()) - covered + len(sample) - len(_COMMON.findall(sample))
    previous = ""
    for i, char in enumerate(sample):
        script = scripts[char]
        after = sample[i + 1] if i + 1 < len(sample) else ""
        if script:
            if char.isupper() and previous.islower():
                stray += 1
            # Counted once per run, at its first letter.
            if script not in ("LATIN", scripts.get(previous)) and _touches_latin(sample, i, script):
                stray += 1
        elif _is_symbol(char):
            stray += bool(scripts.get(previous) or scripts.get(after))
        previous = char
    return stray


def _touches_latin(sample: str, start: int, script: str) -> bool:
    end = start
    while end < len(sample) and _script(sample[end]) == script:
        end += 1
    neighbours = (sample[start - 1] if start else "") + (sample[end] if end < len(sample) else "")
    return any(char.isascii() and char.isalpha() for char in neighbours)


def plausibility(text: str) -> float:
    """Share of characters that real text is made of; 0..1."""
    if not text:
        return 0.0
    sample = text[:_SAMPLE]
    return len(_COMMON.findall(sample)) / len(sample)


def looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.01


@dataclass
class _Reading:
    encoding: str
    text: str
    stray: int


_SINGLE_BYTE = ["cp1252", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r"]
# Variants of a candidate that differ from it only in rare characters (JIS X 0213 kanji, the C1
# controls of ISO Latin-1): a guess of one of them is the candidate itself, not a rival reading.
_COVERED = {"shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jis_2004", "euc_jisx0213", "iso8859-1"}
# Names users know the encodings by.
_LABELS = {"cp932": "shift_jis/cp932", "euc_jp": "euc-jp", "cp1252": "latin-1/cp1252", "cp1250": "cp1250"}
_TRIED = "UTF-8, UTF-16, Shift_JIS/CP932, EUC-JP, Latin-1/CP1252, ISO-8859-15, CP1250, ISO-8859-2, CP1251, KOI8-R"


def _candidates(data: bytes) -> list[str]:
    # Multi-byte encodings have a structure wrong bytes rarely satisfy; single-byte code pages
    # decode almost anything, so the common ones are always tried side by side (they disagree
    # exactly where a mis-reading would hide), plus charset-normalizer's guess for the rest.
    candidates = ["cp932", "euc_jp"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    candidates += _SINGLE_BYTE
    if b"\x00" not in data[:4096]:
        guess = from_bytes(data[:200000]).best()
        if guess is not None:
            name = codecs.lookup(guess.encoding).name
            if name not in _COVERED and name not in {codecs.lookup(c).name for c in candidates}:
                candidates.append(name)
    return candidates


def _where_they_differ(first: str, second: str, width: int = 18) -> tuple[str, str]:
    at = next((i for i, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))
    start = max(0, at - width)
    return first[start : at + width].replace("\n", " "), second[start : at + width].replace("\n", " ")


def _refuse_mixed(data: bytes, candidates: list[str], first_bad: int) -> None:
    """Bytes that are partly UTF-8 and partly a legacy encoding have no one right reading: any
    legacy decoding turns the UTF-8 part into "Ã©". Lines that decode as UTF-8 and read cleaner
    that way than in every legacy candidate are UTF-8; a legacy line is valid UTF-8 only by
    accident, and then it reads worse as UTF-8 ("CAFÉ»" would be "CAFɻ")."""
    if b"\x00" in data[:4096]:
        return  # UTF-16 or binary, not UTF-8 at all
    lines = [line for line in data[:200000].split(b"\n") if not line.isascii()]
    utf8_lines = []
    for line in lines:
        try:
            utf8_lines.append((line, line.decode("utf-8")))
        except UnicodeDecodeError:
            pass
    if not utf8_lines or len(utf8_lines) == len(lines):
        return
    as_utf8 = stray_characters("\n".join(text for _, text in utf8_lines))
    raw = b"\n".join(line for line, _ in utf8_lines)
    for encoding in candidates:
        try:
            if stray_characters(raw.decode(encoding)) <= as_utf8:
                return
        except (UnicodeDecodeError, LookupError):
            continue
    line = data.count(b"\n", 0, first_bad) + 1
    raise UndecodableText(
        f"mixes encodings: {len(utf8_lines)} line(s) are UTF-8 but line {line} is not (byte 0x{data[first_bad]:02x}); "
        "save the whole file as UTF-8")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding label). Raises UndecodableText with the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding.replace("-sig", " with BOM")
            except UnicodeDecodeError as err:
                raise UndecodableText(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} ({err.reason} at byte "
                    f"{err.start + len(bom)}); damaged or cut short? save it as UTF-8")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    candidates = _candidates(data)
    _refuse_mixed(data, candidates, first_bad)
    readings: list[_Reading] = []
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if looks_binary(text) or plausibility(text) < 0.9:
            continue
        readings.append(_Reading(encoding, text, stray_characters(text)))
    if not readings:
        if b"\x00" in data[:4096]:
            raise UndecodableText("binary data (NUL bytes), not text (wrong file extension?)")
        raise UndecodableText(f"unknown text encoding (tried {_TRIED}); save it as UTF-8")
    readings.sort(key=lambda r: r.stray)  # stable: candidate order breaks ties between equal texts
    best = readings[0]
    rival = next((r for r in readings[1:] if r.text != best.text and r.stray == best.stray), None)
    if rival is not None:
        ours, theirs = _where_they_differ(best.text, rival.text)
        raise UndecodableText(
            f"ambiguous legacy encoding: it reads as {_LABELS.get(best.encoding, best.encoding)} "
            f"(\"...{ours}...\") or as {_LABELS.get(rival.encoding, rival.encoding)} (\"...{theirs}...\") "
            "and nothing in the text tells which is right; save it as UTF-8")
    return best.text, _LABELS.get(best.encoding, best.encoding)
