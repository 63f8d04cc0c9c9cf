"""Ingestion: files and folders -> clean, deduplicated documents with per-file reports.

A file that cannot be used is reported by name with the reason; every other file still goes
through. Nothing here raises for bad input except when no file at all is usable.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from adapt.config import DataSection
from adapt.data.dedupe import find_duplicates
from adapt.data.readers import SUPPORTED_SUFFIXES, IngestError, read_file
from adapt.data.text import chunk_text, detect_language, normalize, pieces, unwrap_lines, visible_length


@dataclass
class FileReport:
    path: str
    name: str
    status: str = "ok"  # ok | error
    reason: str = ""
    format: str = ""
    encoding: str | None = None
    documents: int = 0
    characters: int = 0
    tokens: int | None = None
    language: str = ""
    too_short: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Document:
    id: str
    source: str
    title: str
    text: str
    lang: str
    chars: int
    tokens: int | None = None


@dataclass
class IngestResult:
    documents: list[Document]
    files: list[FileReport]

    @property
    def ok_files(self) -> list[FileReport]:
        return [f for f in self.files if f.status == "ok"]

    @property
    def failed_files(self) -> list[FileReport]:
        return [f for f in self.files if f.status != "ok"]

    def totals(self) -> dict:
        languages = Counter(d.lang for d in self.documents)
        tokens = [d.tokens for d in self.documents if d.tokens is not None]
        return {
            "files": len(self.files),
            "files_ok": len(self.ok_files),
            "files_failed": len(self.failed_files),
            "documents": len(self.documents),
            "characters": sum(d.chars for d in self.documents),
            "tokens": sum(tokens) if len(tokens) == len(self.documents) else None,
            "languages": dict(languages.most_common()),
            "too_short": sum(f.too_short for f in self.files),
            "exact_duplicates": sum(f.exact_duplicates for f in self.files),
            "near_duplicates": sum(f.near_duplicates for f in self.files),
        }


def collect_files(paths: list[str | Path]) -> tuple[list[Path], list[FileReport]]:
    """Expand folders (recursively, sorted) into files. Missing paths become error reports."""
    files: list[Path] = []
    missing: list[FileReport] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                # Hidden folders and macOS zip residue are never documents.
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
                folders = [Path(root) / d for d in dirs]
                found = [Path(root) / n for n in sorted(names) if not n.startswith(".")]
                # Symbolic links are reported by name, never followed (see _link_report).
                missing.extend(_link_report(link, path) for link in folders + found if link.is_symlink())
                dirs[:] = [folder.name for folder in folders if not folder.is_symlink()]
                for file in found:
                    if file.is_symlink():
                        continue
                    kind = special_file_kind(file)
                    if kind:  # never opened: reading a FIFO blocks until someone writes to it
                        missing.append(FileReport(str(file), file.name, "error",
                                                  f"not a regular file ({kind}); not read"))
                    else:
                        files.append(file)
        elif path.is_file():
            files.append(path)
        elif kind := special_file_kind(path):
            missing.append(FileReport(str(path), path.name, "error",
                                      f"not a regular file or folder ({kind}); not read"))
        else:
            missing.append(FileReport(str(path), path.name, "error", "file or folder not found"))
    return files, missing


def special_file_kind(path: Path) -> str | None:
    """'a FIFO', 'a character device' (/dev/zero), ...: what a path that is neither a regular file nor a
    folder is, found without opening it; None for a file, a folder or nothing."""
    kinds = (("a FIFO", path.is_fifo), ("a character device", path.is_char_device),
             ("a block device", path.is_block_device), ("a socket", path.is_socket))
    return next((name for name, test in kinds if test()), None)


def _link_report(link: Path, folder: Path) -> FileReport:
    """A symbolic link met inside a given folder is reported and never followed. One leading out of
    the folder would hand any file of the machine (/etc/passwd, a key) to training; one within it
    points at a file the walk reads under its own name anyway, or at a folder it may loop into.
    (A link the user names directly is theirs to name: collect_files follows it.)"""
    try:
        target, root = link.resolve(), folder.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return FileReport(str(link), link.name, "error", "symbolic link that points to itself; not read")
    if not target.exists():
        return FileReport(str(link), link.name, "error", "broken symbolic link (its target does not exist); not read")
    kind = "folder" if target.is_dir() else "file"
    if root != target and root not in target.parents:
        return FileReport(str(link), link.name, "error", f"symbolic link to a {kind} outside {folder}; not read")
    if target == root:
        return FileReport(str(link), link.name, "error", f"symbolic link to {folder} itself; not followed")
    inside = target.relative_to(root)
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in inside.parts)
    why = "links are not followed" if hidden else f"links are not followed; the {kind} is read under its own name"
    return FileReport(str(link), link.name, "error", f"symbolic link to {inside} inside {folder}; {why}")


def _doc_id(text: str) -> str:
    return "d" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def ingest(
    paths: list[str | Path],
    config: DataSection,
    tokenizer=None,
    on_file: Callable[[int, int, str], None] | None = None,
) -> IngestResult:
    files, reports = collect_files(paths)
    candidates: list[tuple[Document, FileReport]] = []
    limit = int(config.max_file_mb * 1024 * 1024)
    for n, path in enumerate(files):
        report = FileReport(str(path), path.name, format=SUPPORTED_SUFFIXES.get(path.suffix.lower(), ""))
        reports.append(report)
        if on_file:
            on_file(n, len(files), path.name)
        try:
            size = path.stat().st_size
            if size > limit:
                raise IngestError(
                    f"file is {size / 2**20:.1f} MB, over the {config.max_file_mb:g} MB limit (data.max_file_mb)"
                )
            result = read_file(path, config.text_field, max_unpacked_bytes=limit)
        except IngestError as err:
            report.status, report.reason = "error", str(err)
            continue
        except (OSError, MemoryError, RecursionError) as err:
            report.status, report.reason = "error", f"cannot read file ({type(err).__name__}: {err})"
            continue
        except Exception as err:  # a reader's library failing on a hostile file must not end the run
            report.status = "error"
            report.reason = (f"cannot read file ({type(err).__name__}: {str(err)[:200]}); damaged? open it and save "
                             "it again")
            continue
        report.encoding = result.encoding
        report.warnings.extend(result.warnings)
        added = invisible_only = 0
        for raw in result.documents:
            text = normalize(raw.text)
            if report.format in ("pdf", "text"):
                text = unwrap_lines(text)
            # Zero-width and other invisible characters are not text: they do not count toward min_chars.
            visible = visible_length(text)
            if visible < config.min_chars:
                report.too_short += 1
                if text and not visible:
                    invisible_only += 1
                continue
            doc = Document(_doc_id(text), path.name, normalize(raw.title), text, detect_language(text), len(text))
            candidates.append((doc, report))
            added += 1
        if not added:
            report.status = "error"
            if invisible_only and invisible_only == report.too_short:
                report.reason = ("no visible text: only invisible characters (zero-width spaces and joiners, format "
                                 "marks such as U+200B); is it the file you meant?")
            elif report.too_short:
                report.reason = f"no text of at least {config.min_chars} characters (data.min_chars)"
            else:
                report.reason = "no text found"
    if on_file:
        on_file(len(files), len(files), "")

    duplicates = (
        find_duplicates([d.text for d, _ in candidates], config.near_duplicate_threshold) if config.dedupe else {}
    )
    documents: list[Document] = []
    kept_by_report: dict[int, list[Document]] = {}
    for i, (doc, report) in enumerate(candidates):
        dup = duplicates.get(i)
        if dup is not None:
            if dup.kind == "exact":
                report.exact_duplicates += 1
            else:
                report.near_duplicates += 1
            continue
        documents.append(doc)
        kept_by_report.setdefault(id(report), []).append(doc)
        report.documents += 1
        report.characters += doc.chars

    if tokenizer is not None and documents:
        lengths = _count_tokens(tokenizer, [d.text for d in documents])
        for doc, length in zip(documents, lengths):
            doc.tokens = length
    for report in reports:
        docs = kept_by_report.get(id(report), [])
        if docs:
            report.language = Counter(d.lang for d in docs).most_common(1)[0][0]
            if tokenizer is not None:
                report.tokens = sum(d.tokens or 0 for d in docs)
        elif report.status == "ok" and (report.exact_duplicates or report.near_duplicates):
            report.warnings.append("every document in this file duplicates another file")
    return IngestResult(documents, reports)


# A fast tokenizer holds ~400 bytes per token of what it is given at once (ids, offsets, the token
# strings): one 50 MB line took 6.9 GB. It is given at most _TOKENIZE_CHARS at a time, in pieces of at
# most _PIECE_CHARS (under a model's usual 8k-token context, so it does not warn about length).
_PIECE_CHARS = 24_000
_TOKENIZE_CHARS = 1_000_000


def _count_tokens(tokenizer, texts: list[str]) -> list[int]:
    lengths = [0] * len(texts)
    batch: list[tuple[int, str]] = []  # (which text, a piece of it)
    held = 0

    def count() -> None:
        encoded = tokenizer([piece for _, piece in batch], add_special_tokens=False)["input_ids"]
        for (index, _), ids in zip(batch, encoded):
            lengths[index] += len(ids)
        batch.clear()

    for index, text in enumerate(texts):
        for piece in pieces(text, _PIECE_CHARS):
            if batch and held + len(piece) > _TOKENIZE_CHARS:
                count()
                held = 0
            batch.append((index, piece))
            held += len(piece)
    if batch:
        count()
    return lengths


def chunk_documents(documents: list[Document], max_chars: int) -> list[dict]:
    return [
        {"doc_id": d.id, "index": i, "text": chunk}
        for d in documents
        for i, chunk in enumerate(chunk_text(d.text, max_chars))
    ]


def why_no_documents(paths: list[str | Path]) -> str:
    """Why an ingest of `paths` found no document, in one sentence: what each given folder holds
    when that is the reason (nothing, or no supported file type); else the per-file reasons."""
    reasons = []
    for raw in paths:
        path = Path(raw).expanduser().resolve()
        if not path.exists():
            reasons.append(f"{path} does not exist")
        elif path.is_dir():
            files, _ = collect_files([path])
            suffixes = Counter(f.suffix.lower() or "(no suffix)" for f in files)
            if not files:
                reasons.append(f"the folder {path} holds no files")
            elif not any(s in SUPPORTED_SUFFIXES for s in suffixes):
                held = ", ".join(f"{n} {suffix}" for suffix, n in suffixes.most_common())
                reasons.append(f"the folder {path} holds no supported files, only {held}")
    if not reasons:
        return "none of the files gave usable text; see the per-file reasons"
    return "; ".join(reasons) + f" (supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})"
