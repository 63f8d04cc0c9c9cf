"""File readers: bytes on disk -> raw documents, or an IngestError that says why not.

Each reader returns a list of RawDocument (a jsonl or csv file holds many; the other formats one).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import threading
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

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


class _PypdfComplaints(logging.Handler):
    """What pypdf says while it works around a broken object. It logs and carries on with an empty
    result (an object that is not there, a stream that does not inflate), so its log is the only
    sign that a page without text is damaged rather than a scanned image."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()  # the app ingests in several threads at once
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@contextmanager
def _pypdf_complaints() -> Iterator[_PypdfComplaints]:
    handler = _PypdfComplaints()
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


_RESAVE_PDF = "open it and save or export it as PDF again"


def read_pdf(path: Path) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

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
        pages = list(reader.pages)
        title = (reader.metadata.title if reader.metadata else None) or ""
    except IngestError:
        raise
    except LimitReachedError as err:
        raise IngestError(f"not read: its structure goes past pypdf's safety limit ({str(err)[:120]}), as a "
                          f"decompression bomb or a badly broken file does; {_RESAVE_PDF}")
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as err:
        raise IngestError(f"not a readable PDF ({type(err).__name__}: {str(err)[:120]}); damaged or incomplete? "
                          f"{_RESAVE_PDF}")
    texts, damaged = [], []  # damaged: (page number, what went wrong)
    for number, page in enumerate(pages, 1):
        with _pypdf_complaints() as complaints:
            try:
                text = page.extract_text() or ""
            except LimitReachedError as err:
                raise IngestError(f"not read: a content stream on page {number} goes past pypdf's safety limit "
                                  f"({str(err)[:120]}), as a decompression bomb does; {_RESAVE_PDF}") from None
            except MemoryError:
                raise
            except Exception as err:  # pypdf on a broken object may raise almost anything, RecursionError too
                damaged.append((number, f"{type(err).__name__}: {str(err)[:120]}"))
                continue
        if text.strip():
            texts.append(text.strip())
        elif complaints.messages:
            damaged.append((number, complaints.messages[0][:120]))
    if not texts:
        if damaged:
            number, why = damaged[0]
            more = f" (and {len(damaged) - 1} more pages)" if len(damaged) > 1 else ""
            raise IngestError(f"damaged PDF: page {number} cannot be read ({why}){more}; {_RESAVE_PDF}")
        raise IngestError("PDF has no extractable text (a scanned image? run OCR first)")
    warnings = []
    if damaged:
        shown = ", ".join(str(number) for number, _ in damaged[:10]) + (", ..." if len(damaged) > 10 else "")
        warnings.append(f"damaged page(s) {shown} skipped (page {damaged[0][0]}: {damaged[0][1]}); the other "
                        f"pages were read. To keep them all, {_RESAVE_PDF}")
    return ReadResult([RawDocument("\n\n".join(texts), str(title))], "pdf", warnings)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc and other OLE files
_UNREADABLE_DOCX = "not a readable .docx (Word 2007+) file"
DEFAULT_MAX_UNPACKED_BYTES = 200 * 2**20  # data.max_file_mb's default, for a caller without a config

# A .docx is a zip of XML. Its XML is bounded before anything is unpacked, from the sizes the zip
# declares: at most data.max_file_mb in all (the budget a plain text file has), and no part unpacking
# to more than _XML_MAX_RATIO times its packed size past its first MB. Word's XML packs 5-20 times; a
# zip bomb packs hundreds of times (the tester's: 139 KB -> 27 MB of XML, which python-docx took 134 s
# and 3.6 GB to read). Declared sizes can lie, so the bytes are also counted as they are unpacked
# (zipfile itself stops at the declared size, and the CRC then fails). The XML within those bounds is
# streamed, never held as a tree: time and memory go with the text, not with how the XML is built.
_XML_MAX_RATIO = 100
_RATIO_FREE_BYTES = 2**20
_UNPACK_CHUNK = 2**20


def _local(tag) -> str:
    """'p' for '{http://...wordprocessingml...}p': the two OOXML flavours differ only in namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attribute(element, name: str) -> str | None:
    """A w: attribute (same namespace as the element): w:val, w:type."""
    namespace = element.tag[: element.tag.index("}") + 1] if element.tag.startswith("{") else ""
    return element.get(namespace + name)


def _check_unpacked_sizes(archive: zipfile.ZipFile, max_bytes: int) -> None:
    xml_parts = [info for info in archive.infolist() if info.filename.lower().endswith((".xml", ".rels"))]
    for info in xml_parts:
        packed = max(info.compress_size, 1)
        if info.file_size > _RATIO_FREE_BYTES and info.file_size > _XML_MAX_RATIO * packed:
            raise IngestError(
                f"not read: {info.filename} inside it unpacks from {packed / 1024:,.0f} KB to "
                f"{info.file_size / 2**20:,.1f} MB ({info.file_size // packed:,} times; a Word document's XML packs "
                f"5-20 times), as a zip bomb does. If it is a genuine document, save it as PDF and use that")
    total = sum(info.file_size for info in xml_parts)
    if total > max_bytes:
        raise IngestError(f"not read: its text (XML) unpacks to {total / 2**20:,.1f} MB, over the "
                          f"{max_bytes / 2**20:g} MB limit (data.max_file_mb); split the document or raise "
                          "data.max_file_mb")


def _unpacked(archive: zipfile.ZipFile, name: str, budget: list[int]) -> Iterator[bytes]:
    """The bytes of one part, in chunks, charged to budget[0] (bytes still allowed): a part whose
    zip entry claims fewer bytes than it holds is stopped here, never held whole."""
    with archive.open(name) as part:
        while chunk := part.read(_UNPACK_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise IngestError(f"not read: {name} inside it unpacks to more than its zip entry declares and "
                                  "past data.max_file_mb, as a zip bomb does")
            yield chunk


def _ended_elements(chunks: Iterator[bytes]) -> Iterator[tuple[list[str], ElementTree.Element]]:
    """Each element of an XML part as it ends, with the local names of the path from the root down to
    it (read it before the next). Streamed: what has been read is dropped, so memory holds the open
    elements and one slice of XML, never the tree (a paragraph of four million runs, a table of a
    million rows, a relationships part of any size)."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    elements: list[ElementTree.Element] = []  # the open elements, from the root down
    path: list[str] = []  # their local names

    def ended():
        for event, element in parser.read_events():
            if event == "start":
                elements.append(element)
                path.append(_local(element.tag))
            else:
                yield path, element
                elements.pop()
                path.pop()

    for chunk in chunks:
        for start in range(0, len(chunk), _PARSE_SLICE):
            parser.feed(chunk[start: start + _PARSE_SLICE])
            yield from ended()
            # Every child of an open element has ended and been read, but its last when that is open too.
            for depth, element in enumerate(elements):
                still_open = depth + 1 < len(elements)
                del element[: len(element) - 1 if still_open else len(element)]
    parser.close()
    yield from ended()


def _package_parts(archive: zipfile.ZipFile, budget: list[int]) -> tuple[str, str | None]:
    """(the main document part, the core properties part or None), as the package's _rels/.rels says."""
    document, properties = None, None
    for path, element in _ended_elements(_unpacked(archive, "_rels/.rels", budget)):
        if path[-1] == "Relationship":
            kind, target = element.get("Type", ""), element.get("Target", "").lstrip("/")
            if kind.endswith("/officeDocument"):
                document = target
            elif kind.endswith("/core-properties"):
                properties = target
    if document is None:
        raise KeyError("no officeDocument relationship in _rels/.rels")
    return document, properties


def _title(archive: zipfile.ZipFile, properties: str | None, budget: list[int]) -> str:
    if not properties or properties not in archive.NameToInfo:
        return ""
    titles = (e.text for path, e in _ended_elements(_unpacked(archive, properties, budget)) if path[-1] == "title")
    return (next(titles, None) or "").strip()


# What a run's content elements stand for, as python-docx's Run.text has them (a w:br stands for a
# line break unless it is a page or column break).
_RUN_CONTENT = {"t": None, "tab": "\t", "ptab": "\t", "cr": "\n", "br": "\n", "noBreakHyphen": "-"}
# Elements inside a paragraph that hold runs: links, tracked insertions, content controls, fields.
_RUN_HOLDERS = {"hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "dir", "bdo"}
_MAX_HOLDER_DEPTH = 8
# The paragraphs read are the body's own and those of its tables' cells, as python-docx read them (a
# table inside a cell, or a content control around paragraphs, it did not read either).
_BODY_PARAGRAPH = ("document", "body", "p")
_CELL_PARAGRAPH = ("document", "body", "tbl", "tr", "tc", "p")
_PARSE_SLICE = 64 * 1024  # XML fed to the parser at a time: what is held before it is read and dropped


def _in_paragraph_read(path: list[str]) -> bool:
    """Whether the run at the end of `path` (local names from the root down) is text of a paragraph
    that is read: not a text box's, say, whose paragraphs sit inside a run."""
    for depth in range(len(path) - 2, max(len(path) - 2 - _MAX_HOLDER_DEPTH, -1), -1):
        if path[depth] == "p":
            return tuple(path[: depth + 1]) in (_BODY_PARAGRAPH, _CELL_PARAGRAPH)
        if path[depth] not in _RUN_HOLDERS:
            return False
    return False


def _document_text(chunks: Iterator[bytes]) -> str:
    """The body's paragraphs, then its tables' rows as 'cell | cell', as python-docx gave them, but
    streamed (_ended_elements). Each cell is read once: python-docx repeated a cell once per column
    it spans (w:gridSpan="100000": 17 MB of text from a 37 KB file) and found a merged cell's origin
    recursively (a RecursionError for a long vertical merge); a merged cell below the first holds no
    text of its own."""
    paragraphs: list[str] = []
    rows: list[str] = []
    runs: list[str] = []  # text of the paragraph being read
    cell: list[str] = []  # paragraphs of the table cell being read
    row: list[str] = []  # cells of the table row being read
    merged_below = False  # the cell being read continues a vertical merge
    for path, element in _ended_elements(chunks):
        kind = path[-1]
        if kind in _RUN_CONTENT and len(path) > 1 and path[-2] == "r" and _in_paragraph_read(path[:-1]):
            if kind == "t":
                runs.append(element.text or "")
            elif kind != "br" or _attribute(element, "type") in (None, "textWrapping"):
                runs.append(_RUN_CONTENT[kind])
        elif kind == "p" and tuple(path) == _BODY_PARAGRAPH:
            paragraphs.append("".join(runs))
            runs = []
        elif kind == "p" and tuple(path) == _CELL_PARAGRAPH:
            cell.append("".join(runs))
            runs = []
        elif kind == "vMerge" and tuple(path[2:]) == ("tbl", "tr", "tc", "tcPr", "vMerge"):
            merged_below = _attribute(element, "val") in (None, "continue")
        elif kind == "tc" and tuple(path[2:]) == ("tbl", "tr", "tc"):
            text = "\n".join(cell).strip()
            if text and not merged_below:
                row.append(text)
            cell, merged_below = [], False
        elif kind == "tr" and tuple(path[2:]) == ("tbl", "tr"):
            rows.append(" | ".join(row))
            row = []
    return "\n\n".join(p for p in paragraphs + rows if p.strip())


def read_docx(path: Path, max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES) -> ReadResult:
    with path.open("rb") as handle:
        if handle.read(8) == _OLE_MAGIC:
            raise IngestError(f"{_UNREADABLE_DOCX}: an old Word .doc renamed .docx; save it as .docx or PDF in Word")
    if not zipfile.is_zipfile(path):
        raise IngestError(f"{_UNREADABLE_DOCX}: not a zip archive as .docx files are (damaged, cut short, or another "
                          "kind of file renamed .docx?)")
    try:
        with zipfile.ZipFile(path) as archive:
            _check_unpacked_sizes(archive, max_unpacked_bytes)
            budget = [max_unpacked_bytes]
            document, properties = _package_parts(archive, budget)
            text = _document_text(_unpacked(archive, document, budget))
            title = _title(archive, properties, budget)
    except IngestError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ElementTree.ParseError, NotImplementedError,
            RuntimeError, ValueError) as err:  # a damaged entry, a missing part, broken XML, an encrypted zip
        raise IngestError(f"{_UNREADABLE_DOCX} ({type(err).__name__}): a zip archive without a readable Word document "
                          "inside; open it in Word and save it as .docx again")
    return ReadResult([RawDocument(text, title)], "docx")


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
    documents, bad_json, too_deep, missing = [], [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            bad_json.append(number)
            continue
        except RecursionError:  # [[[[...]]]] nested past the interpreter's stack: that line only
            too_deep.append(number)
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
    if too_deep:
        warnings.append(f"{len(too_deep)} line(s) are nested too deeply to read (first: line {too_deep[0]})")
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
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    columns = next(reader, [])
    if text_field not in columns:
        shown = ", ".join(columns[:20]) or "none"
        raise IngestError(f"no column '{text_field}' (columns: {shown}); set data.text_field to the text column")
    lines = io.StringIO(text).readlines()  # as the reader counts them (reader.line_num)
    documents, merged = [], []  # merged: (first line, last line, fields) of rows a stray quote ran together
    try:
        ended = reader.line_num
        for fields in reader:
            first, ended = ended + 1, reader.line_num
            if not fields:
                continue
            # A quoted field over several lines is a real one, or a quote left open.
            if ended > first and _quote_left_open(lines, first, ended, fields, len(columns), dialect):
                merged.append((first, ended, len(fields)))
            row = dict(zip(columns, fields))
            value = row.get(text_field)
            if value and value.strip():
                title = row.get("title") or ""
                documents.append(RawDocument(value, title, {"row": first}))
    except csv.Error as err:
        raise IngestError(f"malformed CSV: {err}")
    if not documents:
        raise IngestError(f"column '{text_field}' is empty in every row (columns: {', '.join(columns[:20])}); "
                          "set data.text_field to the column that holds the text")
    warnings = []
    if merged:
        first, last, count = merged[0]
        warnings.append(f"{len(merged)} row(s) ran over several lines with the wrong number of fields (first: line "
                        f"{first}, a quoted field running on to line {last}, {count} fields, not {len(columns)}): a "
                        f"quote left open on line {first}? Those lines were read as one row; {_csv_quote_fix(dialect)}")
    return ReadResult(documents, encoding, warnings)


def _csv_quote_fix(dialect) -> str:
    quote = getattr(dialect, "quotechar", '"') or '"'
    return f"close the quote, or double any {quote} inside a quoted field ({quote}{quote}), then upload again"


def _quote_left_open(lines: list[str], first: int, last: int, fields: list[str], columns: int, dialect) -> bool:
    """For a row read from lines first..last: IngestError if a quote opened there never closes (the
    rest of the file would be one field); True if the row came out with the wrong number of fields (a
    stray quote further down closed it); False for a proper multi-line field."""
    quote = getattr(dialect, "quotechar", '"') or '"'
    if last == len(lines):
        strict = csv.reader(io.StringIO("".join(lines[first - 1:])), dialect=dialect, strict=True)
        try:
            next(strict, None)
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                raise IngestError(f"malformed CSV: the quote ({quote}) opened on line {first} never closes, so lines "
                                  f"{first}-{last} would be read as one field; {_csv_quote_fix(dialect)}") from None
    return len(fields) != columns


def read_file(path: Path, text_field: str = "text", max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES) -> ReadResult:
    """max_unpacked_bytes: what a packed format (.docx) may unpack to; ingest gives data.max_file_mb."""
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
        return read_docx(path, max_unpacked_bytes)
    if kind == "html":
        return read_html(path)
    if kind == "jsonl":
        return read_jsonl(path, text_field)
    return read_csv(path, text_field)
