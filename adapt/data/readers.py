"""File readers: bytes on disk -> raw documents, or an IngestError that says why not.

Each reader returns a list of RawDocument (a jsonl or csv file holds many; the other formats one).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from adapt.data.encoding import UndecodableText, decode, looks_binary

SUPPORTED_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
}


class IngestError(Exception):
    """A file that cannot be used; the message is the reason shown to the user."""


@dataclass
class RawDocument:
    text: str
    title: str = ""
    meta: dict = field(default_factory=dict)


@dataclass
class ReadResult:
    documents: list[RawDocument]
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


# ---- decoding --------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text of unknown encoding. Returns (text, encoding name); see adapt.data.encoding."""
    try:
        return decode(data)
    except UndecodableText as err:
        raise IngestError(str(err)) from None


def read_text_file(path: Path) -> tuple[str, str]:
    text, encoding = decode_bytes(path.read_bytes())
    if looks_binary(text):
        raise IngestError("binary data, not text (wrong file extension?)")
    return text, encoding


# ---- formats ---------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def read_plain(path: Path, markdown: bool = False) -> ReadResult:
    text, encoding = read_text_file(path)
    title = ""
    if markdown:
        text = text.replace("\r\n", "\n")
        text = _FRONT_MATTER.sub("", text)
        text = _HTML_COMMENT.sub("", text)
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        heading = re.search(r"^#\s+(.+)$", text, re.M)
        title = heading.group(1).strip() if heading else ""
    return ReadResult([RawDocument(text, title)], encoding)


def read_pdf(path: Path) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            raise IngestError("not a PDF: it does not start with %PDF- (another kind of file renamed .pdf?)")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError("password-protected PDF; remove the password and upload again")
            except IngestError:
                raise
            except Exception:
                raise IngestError("encrypted PDF that cannot be opened; remove the protection and upload again")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as err:
        raise IngestError(f"not a readable PDF ({type(err).__name__}: {str(err)[:120]}); damaged or incomplete? "
                          "open it and save or export it as PDF again")
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise IngestError("PDF has no extractable text (a scanned image? run OCR first)")
    return ReadResult([RawDocument(text, str(title))], "pdf", [])


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc and other OLE files


def read_docx(path: Path) -> ReadResult:
    import docx

    unreadable = "not a readable .docx (Word 2007+) file"
    with path.open("rb") as handle:
        if handle.read(8) == _OLE_MAGIC:
            raise IngestError(f"{unreadable}: an old Word .doc renamed .docx; save it as .docx or PDF in Word")
    if not zipfile.is_zipfile(path):
        raise IngestError(f"{unreadable}: not a zip archive as .docx files are (damaged, cut short, or another "
                          "kind of file renamed .docx?)")
    try:
        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises its own PackageNotFoundError, KeyError and lxml errors
        raise IngestError(f"{unreadable} ({type(err).__name__}): a zip archive without a readable Word document "
                          "inside; open it in Word and save it as .docx again")
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            parts.append(" | ".join(c for c in cells if c))
    title = document.core_properties.title or ""
    return ReadResult([RawDocument("\n\n".join(p for p in parts if p.strip()), title)], "docx")


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "hr", "header", "main"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


def read_html(path: Path) -> ReadResult:
    data = path.read_bytes()
    declared = _META_CHARSET.search(data[:4096])
    text = encoding = None
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode_bytes(data)
    if looks_binary(text):
        raise IngestError("binary data, not HTML (wrong file extension?)")
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    body = "\n".join(line.strip() for line in body.split("\n"))
    return ReadResult([RawDocument(body, parser.title.strip())], encoding)


def read_jsonl(path: Path, text_field: str) -> ReadResult:
    text, encoding = read_text_file(path)
    documents, bad_json, missing = [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            bad_json.append(number)
            continue
        value = row.get(text_field) if isinstance(row, dict) else None
        if not isinstance(value, str):
            missing.append(number)
            continue
        title = row.get("title") if isinstance(row.get("title"), str) else ""
        documents.append(RawDocument(value, title, {"line": number}))
    warnings = []
    if bad_json:
        warnings.append(f"{len(bad_json)} line(s) are not valid JSON (first: line {bad_json[0]})")
    if missing:
        warnings.append(f"{len(missing)} line(s) have no string field '{text_field}' (first: line {missing[0]})")
    if not documents:
        detail = "; ".join(warnings) or "the file has no lines"
        advice = ("Set data.text_field to the field that holds the text" if missing
                  else 'A JSONL file holds one JSON object per line, such as {"text": "..."}')
        raise IngestError(f"no usable rows: {detail}. {advice}")
    return ReadResult(documents, encoding, warnings)


def read_csv(path: Path, text_field: str) -> ReadResult:
    text, encoding = read_text_file(path)
    csv.field_size_limit(2**31 - 1)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = reader.fieldnames or []
    if text_field not in columns:
        shown = ", ".join(columns[:20]) or "none"
        raise IngestError(f"no column '{text_field}' (columns: {shown}); set data.text_field to the text column")
    documents = []
    try:
        for number, row in enumerate(reader, 2):
            value = row.get(text_field)
            if value and value.strip():
                title = row.get("title") or ""
                documents.append(RawDocument(value, title if isinstance(title, str) else "", {"row": number}))
    except csv.Error as err:
        raise IngestError(f"malformed CSV: {err}")
    if not documents:
        raise IngestError(f"column '{text_field}' is empty in every row (columns: {', '.join(columns[:20])}); "
                          "set data.text_field to the column that holds the text")
    return ReadResult(documents, encoding)


def read_file(path: Path, text_field: str = "text") -> ReadResult:
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}'; supported: {allowed}")
    if path.stat().st_size == 0:
        raise IngestError("empty file")
    if kind in ("text", "markdown"):
        return read_plain(path, markdown=kind == "markdown")
    if kind == "pdf":
        return read_pdf(path)
    if kind == "docx":
        return read_docx(path)
    if kind == "html":
        return read_html(path)
    if kind == "jsonl":
        return read_jsonl(path, text_field)
    return read_csv(path, text_field)
