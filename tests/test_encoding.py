"""Legacy encodings: a file is read as its exact text, or refused with the reason; never stored as
a different text ("rivière" as "rivičre")."""

import json

import pytest

from adapt.config import DataSection
from adapt.data.ingest import ingest
from adapt.data.readers import IngestError, decode_bytes
from corpus import japanese_documents

FRENCH = ("La rivière coule près du château où l'évêque habitait. Les élèves étudièrent à côté de la forêt, "
          "où les bûcherons coupaient des hêtres; ça ne dérangeait personne.")
GERMAN = ("Die Brücke über den Fluß ist schön. Müller aß Äpfel, während er öfter übte, und die Größe der "
          "Straße überraschte die Bürger von Köln.")
SPANISH = ("El niño comió piña en España mientras la señora leía un artículo sobre el corazón. ¿Dónde está "
           "la canción? ¡Qué día tan bonito! El búho voló sobre el árbol del jardín.")

SENTENCES = {
    "fr": ["La rivière coule près du château.", "Ça coûte cher à l'hôtel, où l'été dure.", FRENCH * 3,
           "« Voilà ! » dit-il, ému; sa sœur était très âgée."],
    "de": ["Die Brücke über den Fluß ist schön.", GERMAN * 3],
    "es": ["El niño comió piña en España.", "¿Dónde está la canción?", SPANISH * 3],
    "pt": ["São Paulo é a maior cidade.", "A educação é importante para a população; não há dúvida. " * 4],
    "it": ["Perché è così difficile?", "La città è bella e l'università è vicina; perché non andiamo là? " * 4],
    "pl": ["Zażółć gęślą jaźń.", "Pójdź, kińże tę chmurność w głąb flaszy! Łódź i Kraków są piękne. " * 4],
    "cs": ["Příliš žluťoučký kůň úpěl ďábelské ódy.", "Dobrý den, jak se máte? Praha je hlavní město. " * 4],
    "ru": ["Привет, мир!", "Москва — столица России. Съешь же ещё этих мягких французских булок. " * 4],
    "ja": [*list(japanese_documents().values())[:2], "①番の髙橋さんは～で待っています。NEC特殊文字。" * 3,
           "霧山郷のCPUとGPUはAI研究所にあります。" * 3],
}
ENCODINGS = {"fr": ["latin-1", "cp1252", "iso8859_15"], "de": ["latin-1", "cp1250"], "es": ["latin-1"],
             "pt": ["latin-1"], "it": ["latin-1"], "pl": ["cp1250", "iso8859_2"], "cs": ["cp1250", "iso8859_2"],
             "ru": ["cp1251", "koi8_r"], "ja": ["cp932", "euc_jp", "utf-16-le", "utf-16-be"]}


def as_file(kind: str, text: str) -> str:
    """The text as the body of a file of this kind, the way people write them."""
    if kind == "jsonl":
        return "\n".join(json.dumps({"text": t, "title": "x"}, ensure_ascii=False) for t in (text, text.upper()))
    if kind == "csv":
        return f'id,text\n1,"{text}"\n'
    if kind == "html":
        return f"<html><body><p>{text}</p></body></html>"
    if kind == "md":
        return f"# Note\n\n{text}\n"
    return text


@pytest.mark.parametrize("kind", ["txt", "md", "jsonl", "csv", "html"])
@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH, "La rivière coule près du château."],
                         ids=["french", "german", "spanish", "french-short"])
def test_latin1_files_are_read_exactly_in_every_text_format(tmp_path, kind, text):
    path = tmp_path / f"doc.{kind}"
    path.write_bytes(as_file(kind, text).encode("latin-1"))
    result = ingest([path], DataSection(min_chars=10))
    (report,) = result.files
    assert report.status == "ok", report.reason
    assert report.encoding == "latin-1/cp1252"
    assert text in result.documents[0].text


def test_a_legacy_file_is_its_text_or_refused_never_another_text():
    read = refused = 0
    for language, texts in SENTENCES.items():
        for text in texts:
            for encoding in ENCODINGS[language]:
                for kind in ("txt", "jsonl", "csv", "html", "md"):
                    body = as_file(kind, text)
                    try:
                        data = body.encode(encoding)
                    except UnicodeEncodeError:
                        continue
                    try:
                        decoded, _ = decode_bytes(data)
                    except IngestError as err:
                        assert "save it as UTF-8" in str(err)
                        refused += 1
                        continue
                    assert decoded == body, (language, encoding, kind, decoded[:80])
                    read += 1
    # Refusing everything would pass the loop: only short texts may be undecidable.
    assert read >= 0.9 * (read + refused), (read, refused)


def test_equally_clean_readings_are_refused_with_both_shown():
    with pytest.raises(IngestError) as info:
        decode_bytes("El niño comió piña en España.".encode("latin-1"))
    message = str(info.value)
    assert message.startswith("ambiguous legacy encoding")
    assert "El niño" in message and "El nińo" in message and "save it as UTF-8" in message


def test_a_file_mixing_utf8_and_latin1_is_refused_naming_the_first_latin1_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(FRENCH.encode("utf-8") + b"\n" + FRENCH.encode("utf-8") + b"\n" + FRENCH.encode("latin-1"))
    (report,) = ingest([path], DataSection()).files
    assert report.status == "error"
    assert report.reason == ("mixes encodings: 2 line(s) are UTF-8 but line 3 is not (byte 0xe8); "
                             "save the whole file as UTF-8")
