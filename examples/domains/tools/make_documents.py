"""Turn a plain-text source into a .pdf or .docx example document (an authoring tool, not a dependency).

The source is a UTF-8 text file (a BOM is allowed): the first line is the title (a leading
Markdown "# " is dropped), then paragraphs separated by blank lines. Lines inside a paragraph are
joined (with a space between Latin words, without one next to Japanese/Chinese characters).

The output format follows the output's suffix:

    .pdf   the title as a bold heading, then the paragraphs; the title is also stored as the PDF
           metadata title. Needs fpdf2 (`pip install fpdf2`). The built-in Helvetica covers
           Latin-1 only; for other scripts (e.g. Japanese) pass --font with a TrueType font,
           e.g. --font /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf. Text without spaces
           (Japanese) is broken into lines here, never inside a number or Latin word and with
           kinsoku rules, so that a PDF reader gets the text back exactly.
    .docx  the title as a level-1 heading, then one Word paragraph per source paragraph; the title
           is also stored as the document's core-properties title. Needs python-docx.

Dates in the files are fixed, so rebuilding from the same source gives the same content.

Usage:
    python examples/domains/tools/make_documents.py SOURCE.txt OUT.pdf  [--font FONT.ttf]
    python examples/domains/tools/make_documents.py SOURCE.txt OUT.docx [--font-name "MS Mincho"]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
_WIDE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and not (_WIDE.match(out[-1]) or _WIDE.match(line[0])):
            out += " "
        out += line
    return out


def read_source(path: Path) -> tuple[str, list[str]]:
    """(title, paragraphs) from a text file: first line the title, blank lines between paragraphs."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise SystemExit(f"error: {path} is empty")
    title = re.sub(r"^#+\s*", "", lines[0].strip())
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[1:] + [""]:
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append(_join(current))
            current = []
    if not paragraphs:
        raise SystemExit(f"error: {path} has a title but no paragraphs")
    return title, paragraphs


# Line breaking for text without spaces (Japanese, Chinese). fpdf2's character wrapping may break
# anywhere, also inside a number ("16|84") or a Latin word, and a text extractor (pypdf) then gives
# back "16 84". Here a run of Latin letters/digits is never split, a line never starts with closing
# punctuation or small kana and never ends with an opening bracket (kinsoku), and there is no break
# right after a closing bracket either (a line ending in "」" or "）" reads as a finished line to
# line-unwrapping heuristics).
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%'\u2019-]*|\s+|.", re.S)
_NO_START = set("、。，．・：；？！）］｝〕〉》」』】ゝゞー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.)]}:;!?%")
_NO_END = set("（［｛〔〈《「『【([{")
_CLOSE = set("）］｝〕〉》」』】)]}")


def _wrap_wide(text: str, width: float, measure) -> list[str]:
    groups: list[str] = []
    for unit in _UNIT.findall(text):
        if groups and not unit.isspace() and not groups[-1].isspace() and (
            unit[0] in _NO_START or groups[-1][-1] in _NO_END or groups[-1][-1] in _CLOSE
        ):
            groups[-1] += unit
        else:
            groups.append(unit)
    lines: list[str] = []
    line = ""
    for group in groups:
        if group.isspace():
            group = " "
        if measure((line + group).rstrip()) <= width or not line.strip():
            line += group
        else:
            lines.append(line.rstrip())
            line = "" if group.isspace() else group
        while measure(line.rstrip()) > width and len(line) > 1:  # one unbreakable group wider than a line
            cut = len(line) - 1
            while cut > 1 and measure(line[:cut]) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip():
        lines.append(line.strip())
    return lines


def write_pdf(title: str, paragraphs: list[str], out: Path, font: str | None) -> None:
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    if font:
        pdf.add_font("body", "", font)
        family, bold = "body", ""
    else:
        everything = title + "".join(paragraphs)
        try:
            everything.encode("latin-1")
        except UnicodeEncodeError:
            bad = sorted({ch for ch in everything if ord(ch) > 255})
            raise SystemExit(
                f"error: characters outside Latin-1 ({''.join(bad[:10])}); pass --font FONT.ttf for a PDF"
            )
        family, bold = "Helvetica", "B"
    wide = bool(_WIDE.search(title + "".join(paragraphs)))

    def block(text: str, height: float) -> None:
        if not wide:  # English: fpdf2's own word wrapping
            pdf.multi_cell(0, height, text, align="L", wrapmode=WrapMode.WORD, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            return
        # Japanese/Chinese: our own line breaks (see _wrap_wide), one cell per line.
        for line in _wrap_wide(text, pdf.epw, pdf.get_string_width):
            pdf.cell(0, height, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def gap() -> None:
        # An invisible one-space line rather than plain vertical space: a text extractor (pypdf)
        # then yields an empty line here, so the title and each paragraph come back as separate
        # blocks instead of being joined by line-unwrapping ("Tumbrask Tumbrask is a ...").
        pdf.cell(0, 5, " ", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_font(family, bold, 16)
    block(title, 9)
    pdf.set_font(family, "", 11)
    for paragraph in paragraphs:
        gap()
        block(paragraph, 6.5)
    pdf.output(str(out))


def write_docx(title: str, paragraphs: list[str], out: Path, font_name: str | None) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = ""
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = ""
    props.revision = 1
    if font_name:
        from docx.oxml.ns import qn

        for style_name in ("Normal", "Heading 1"):
            style = document.styles[style_name]
            style.font.name = font_name
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font_name)
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Text file (title line + paragraphs) -> .pdf or .docx")
    parser.add_argument("source", type=Path, help="UTF-8 text: first line the title, blank lines between paragraphs")
    parser.add_argument("out", type=Path, help="output file; its suffix (.pdf or .docx) chooses the format")
    parser.add_argument("--font", help="TrueType/OpenType font file to embed in a PDF (needed beyond Latin-1)")
    parser.add_argument("--font-name", help="font family name to set in a .docx (e.g. for Japanese text)")
    args = parser.parse_args(argv)

    title, paragraphs = read_source(args.source)
    suffix = args.out.suffix.lower()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        write_pdf(title, paragraphs, args.out, args.font)
    elif suffix == ".docx":
        write_docx(title, paragraphs, args.out, args.font_name)
    else:
        print(f"error: output must end in .pdf or .docx, got {args.out.name}", file=sys.stderr)
        return 2
    print(f"{args.source} -> {args.out} ({len(paragraphs)} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
