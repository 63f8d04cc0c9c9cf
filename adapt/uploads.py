"""Uploaded files -> a destination folder (a run's uploads), safely. Never imports gradio.

Threat model: the app runs as a public Space, so every upload, every file name and every zip entry
may be hostile.

- Caller-named sources: a web API call names its upload by a path the caller writes. Only a regular
  file inside `received_in` (the folder where the web server stores what it received) is read; it is
  opened one path component at a time relative to that folder, never following a symbolic link, so
  neither a server path ("/data/runs/<someone's run>/data/documents.jsonl") nor a link planted in the
  folder can make us copy a file the caller could not upload.

- Path traversal: names such as "../../app.py", "/etc/passwd" or "C:\\x\\y.txt". Each name becomes
  one safe path component (no separators, no "..", not hidden, no control characters, bounded
  length), and the final path is resolved and compared with the destination before it is created.
- Zip slip: zip entries with an absolute path or a ".." part are refused and reported by name.
- Symlinks and device files inside a zip (Unix mode in external_attr) could point outside the
  folder or block a reader: refused.
- Zip bombs: declared sizes can lie, so bytes are counted while extracting and extraction stops at
  the per-file limit, the total limit and a compression ratio; a central directory too large for
  the entry limit is refused before zipfile loads it into memory; zips inside zips stay packed.
- Huge files: refused from their size before any copy. Everything in the folder, including what
  earlier calls stored there, counts towards the total limit.
- Many folders: the caller may choose which of its folders to fill (the app's draft id is theirs to
  send), so with `quota_root` the total limit is a quota on every folder in it (all of one owner's
  drafts) and in `also_counted` (their queued runs' uploads), not on the destination alone; calls
  sharing a quota_root take turns under a lock file there, so calls made at once cannot each see
  room that only one of them may use.

Files are written under a hidden temporary name (ingestion skips dot files) and then renamed onto a
final name that was created exclusively, so nothing is ever overwritten or seen half-written.
Folders inside a zip are flattened: "sub/dir/file.md" is stored as "sub__dir__file.md", so the
destination stays one flat folder and every stored name passes the same single-component check.
Identical content is stored once: later copies are reported as duplicates of the first.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import lzma
import os
import re
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from adapt.data.readers import SUPPORTED_SUFFIXES

MB = 2**20


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 200 * MB  # one upload, or one file inside a zip (as data.max_file_mb)
    max_total_bytes: int = 1024 * MB  # everything in dest (or its quota_root), earlier uploads included
    max_zip_entries: int = 5000  # files in one zip; folders, hidden files and __MACOSX not counted
    max_ratio: int = 100  # uncompressed / compressed size of a zip entry past the first MB


@dataclass
class UploadReport:
    name: str  # as uploaded (control characters shown as U+FFFD); "archive.zip: inner/path" for entries
    status: str = "ok"  # ok | error
    reason: str = ""
    bytes: int = 0
    stored_as: str = ""  # file name inside dest; for a duplicate, the file that already holds the content
    duplicate: bool = False


class _Refused(Exception):
    """An upload or zip entry that is not stored; the message is the reason shown to the user."""


_CHUNK = MB
_RATIO_FREE_BYTES = MB  # small files may compress very well (repeated lines) and cannot fill a disk
_MAX_NAME_BYTES = 200  # under the usual 255-byte file name limit, leaving room for "-N"
_CENTRAL_DIRECTORY_BYTES_PER_ENTRY = 2048  # long names, extra fields and __MACOSX twins fit easily
# Controls, invisible format characters (bidi overrides can disguise a suffix), lone surrogates
# (not encodable as a file name) and line separators.
_DROP = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_FORBIDDEN = str.maketrans({c: "_" for c in '<>:"|?*'})  # not allowed on Windows, where files may end up
_EDGES = re.compile(r"^[\s.]+|[\s.]+$")  # leading dots hide a file; trailing dots and spaces vanish on Windows
_OPEN_ERRORS = (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError)
_ENTRY_ERRORS = _OPEN_ERRORS + (zlib.error, lzma.LZMAError)


def safe_name(name: str) -> str:
    """One safe path component from any text: the last part of a path, cleaned, never empty."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in _DROP)
    name = _EDGES.sub("", name.translate(_FORBIDDEN))
    stem, suffix = os.path.splitext(name)
    if len(suffix) > 16:  # not a file type; let it be truncated with the rest
        stem, suffix = name, ""
    stem = stem.encode()[: _MAX_NAME_BYTES - len(suffix.encode())].decode("utf-8", "ignore")
    return (stem or "upload") + suffix


def save_uploads(
    sources: list[tuple[Path, str]], dest: Path, *, received_in: Path, limits: UploadLimits = UploadLimits(),
    quota_root: Path | None = None, also_counted: Iterable[Path] = (),
) -> list[UploadReport]:
    """Store (temporary path, original name) uploads in dest. One report per upload, plus one per
    file inside each zip; bad input is reported, never raised, and never stops the other files.

    received_in: where the web server put the files it received (Gradio's upload folder). A source
    anywhere else is refused unread: the path came from the caller, not from an upload.
    quota_root: the folder that holds dest and the same owner's other upload folders (dest's parent).
    What all of them hold counts towards limits.max_total_bytes, and so does what the `also_counted`
    folders hold (elsewhere, but under the same quota); calls with the same quota_root run one at a
    time.
    """
    dest = Path(dest)
    if quota_root is not None and Path(quota_root).resolve() != dest.resolve().parent:
        raise ValueError(f"{dest} is not a folder of its quota folder {quota_root}")
    with _quota_lock(quota_root):
        folder = _Folder(dest, limits)
        others = [] if quota_root is None else [
            p for p in _subfolders(Path(quota_root)) if p.resolve() != folder.dest]
        folder.elsewhere = sum(_stored_bytes(p) for p in [*others, *map(Path, also_counted)])
        folder.used += folder.elsewhere
        reports: list[UploadReport] = []
        for path, original in sources:
            reports.extend(_save_upload(folder, Path(path), original, Path(received_in)))
        return reports


QUOTA_LOCK = ".quota.lock"


@contextlib.contextmanager
def _quota_lock(quota_root: Path | None) -> Iterator[None]:
    if quota_root is None:
        yield
        return
    Path(quota_root).mkdir(parents=True, exist_ok=True)
    fd = os.open(Path(quota_root) / QUOTA_LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _subfolders(root: Path) -> list[Path]:
    with contextlib.suppress(FileNotFoundError), os.scandir(root) as entries:
        return [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    return []


def _stored_bytes(folder: Path) -> int:
    """What a destination folder holds, counted as _Folder counts it: its regular, non-hidden files."""
    total = 0
    with contextlib.suppress(FileNotFoundError, NotADirectoryError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and not entry.name.startswith("."):
                total += entry.stat(follow_symlinks=False).st_size
    return total


NOT_RECEIVED = (
    "not a file this app received as an upload (a path on the server is never read);"
    " upload the file itself"
)


def _open_received(path: Path, received_in: Path) -> IO[bytes]:
    """path opened for reading, if it is a regular file inside received_in reached without following
    a symbolic link. The folder itself is trusted (the app configures it); below it, each component is
    opened relative to the one before with O_NOFOLLOW, so a link swapped in while we look cannot
    redirect the read. ".." is resolved as text first, and that is the path the walk opens."""
    folder, absolute = os.path.abspath(received_in), Path(os.path.abspath(path))
    parts: tuple[str, ...] = ()
    for root in (folder, os.path.realpath(folder)):  # the caller may spell the folder either way
        if absolute.is_relative_to(root):
            parts = absolute.relative_to(root).parts
            break
    if not parts:
        raise _Refused(NOT_RECEIVED)
    if os.open not in os.supports_dir_fd or not hasattr(os, "O_NOFOLLOW"):  # neither Linux nor macOS
        return _open_received_by_path(absolute, folder)
    try:
        at = os.open(os.path.realpath(folder), os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        raise _Refused(NOT_RECEIVED) from None
    try:
        for part in parts[:-1]:
            try:
                inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=at)
            except NotADirectoryError:  # a link, or a file used as a folder
                is_link = stat.S_ISLNK(os.lstat(part, dir_fd=at).st_mode)
                raise OSError(errno.ELOOP if is_link else errno.ENOENT, part) from None
            os.close(at)
            at = inner
        # O_NONBLOCK: opening a FIFO must not hang; it is refused below as not a regular file.
        fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=at)
    except OSError as err:
        raise _refusal(err) from None
    finally:
        os.close(at)
    return _regular(fd)


def _open_received_by_path(absolute: Path, folder: str) -> IO[bytes]:
    """Where open() cannot walk relative to a folder: resolve links, then check (a narrow race)."""
    real = Path(os.path.realpath(absolute))
    if not real.is_relative_to(os.path.realpath(folder)):
        raise _refusal(OSError(errno.ELOOP, str(absolute)))
    try:
        return _regular(os.open(real, os.O_RDONLY))
    except OSError as err:
        raise _refusal(err) from None


def _refusal(err: OSError) -> _Refused:
    if err.errno == errno.ELOOP:
        return _Refused("a symbolic link in the upload folder (links are not followed); upload the file itself")
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return _Refused("upload not found or not a file; upload it again")
    return _Refused(f"cannot read the upload ({type(err).__name__}: {err.strerror}); upload it again")


def _regular(fd: int) -> IO[bytes]:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _Refused("not a regular file (a folder, device or pipe); upload a document")
    return os.fdopen(fd, "rb")


def _shown(name: str) -> str:
    return "".join("\ufffd" if unicodedata.category(c) in _DROP else c for c in name)


def _size(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", MB), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def _check_suffix(name: str) -> None:
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise _Refused(f"unsupported file type '{suffix or '(none)'}'; supported: {allowed}, or a .zip of them")


class _Folder:
    """The destination during one call: the bytes it holds and the content already stored."""

    def __init__(self, dest: Path, limits: UploadLimits):
        dest.mkdir(parents=True, exist_ok=True)
        self.dest = dest.resolve()
        self.limits = limits
        self.used = 0  # what the limit counts: the files in dest, plus `elsewhere`
        self.elsewhere = 0  # the same owner's files in other folders (save_uploads' quota_root, also_counted)
        self.by_digest: dict[str, str] = {}
        self.next_suffix: dict[str, int] = {}  # per name, so that n files of one name cost n tries, not n²
        # Files from earlier calls, by size: hashed only when a new file has the same size.
        self.unhashed: dict[int, list[str]] = {}
        with os.scandir(self.dest) as entries:
            for entry in entries:
                if entry.is_file(follow_symlinks=False) and not entry.name.startswith("."):
                    size = entry.stat(follow_symlinks=False).st_size
                    self.used += size
                    self.unhashed.setdefault(size, []).append(entry.name)

    def check_size(self, size: int) -> None:
        if size == 0:
            raise _Refused("empty file")
        if size > self.limits.max_file_bytes:
            raise _Refused(
                f"file is {_size(size)}, over the {_size(self.limits.max_file_bytes)} limit per file"
                " (UploadLimits.max_file_bytes); split it into smaller files"
            )

    def check_total(self, size: int) -> None:
        if self.used + size > self.limits.max_total_bytes:
            where = f", {_size(self.elsewhere)} of it in your other drafts or queued runs" if self.elsewhere else ""
            raise _Refused(
                f"uploads would total more than the {_size(self.limits.max_total_bytes)} limit"
                f" (UploadLimits.max_total_bytes; {_size(self.used)} already stored{where});"
                " clear uploads or upload less"
            )

    def store(self, source: IO[bytes], name: str, compressed: int | None = None) -> tuple[str, int, bool]:
        """Copy source to dest under name (or name-N). Returns (stored name, bytes, duplicate).

        compressed: a zip entry's compressed size, for the ratio check.
        """
        fd, tmp = tempfile.mkstemp(dir=self.dest, prefix=".upload-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                size, digest = self._copy(source, out, compressed)
            if size == 0:
                raise _Refused("empty file")
            existing = self._find(size, digest)
            if existing:
                return existing, size, True
            final = self._claim(name)
            os.replace(tmp, self.dest / final)
            self.used += size
            self.by_digest[digest] = final
            return final, size, False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

    def _copy(self, source: IO[bytes], out: IO[bytes], compressed: int | None) -> tuple[int, str]:
        """Count every byte as it arrives: zip headers may understate what an entry expands to."""
        limits = self.limits
        digest = hashlib.sha256()
        size = 0
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            if size > limits.max_file_bytes:
                raise _Refused(
                    f"expands to more than {_size(limits.max_file_bytes)}, the limit per file"
                    " (UploadLimits.max_file_bytes)"
                )
            self.check_total(size)
            if compressed is not None and size > _RATIO_FREE_BYTES and size > limits.max_ratio * max(compressed, 1):
                raise _Refused(
                    f"expands more than {limits.max_ratio} times (UploadLimits.max_ratio), like a zip bomb;"
                    " if it is a real document, upload it without the zip"
                )
            out.write(chunk)
            digest.update(chunk)
        return size, digest.hexdigest()

    def _find(self, size: int, digest: str) -> str | None:
        for name in self.unhashed.pop(size, []):
            self.by_digest.setdefault(_hash_file(self.dest / name), name)
        return self.by_digest.get(digest)

    def _claim(self, name: str) -> str:
        """Create the first free name of name, name-2, name-3, ... exclusively (never overwrite)."""
        stem, suffix = os.path.splitext(name)
        n = self.next_suffix.get(name, 1)
        while True:
            candidate = name if n == 1 else f"{stem}-{n}{suffix}"
            path = self.dest / candidate
            # The last line of defence: one component that resolves to a file directly in dest.
            if path.name != candidate or candidate in (".", "..") or path.resolve().parent != self.dest:
                raise _Refused("unsafe file name")
            try:
                open(path, "xb").close()  # O_EXCL: fails on any existing entry, symlinks included
            except FileExistsError:
                n += 1
                continue
            self.next_suffix[name] = n + 1
            return candidate


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _save_upload(folder: _Folder, path: Path, original: str, received_in: Path) -> list[UploadReport]:
    report = UploadReport(_shown(original))
    name = safe_name(original)
    try:
        with _open_received(path, received_in) as source:
            report.bytes = os.fstat(source.fileno()).st_size
            if name.lower().endswith(".zip"):
                return _save_zip(folder, source, report)
            _check_suffix(name)
            folder.check_size(report.bytes)
            folder.check_total(report.bytes)
            report.stored_as, report.bytes, report.duplicate = folder.store(source, name)
    except _Refused as err:
        report.status, report.reason = "error", str(err)
    except OSError as err:
        report.status, report.reason = "error", f"cannot save ({type(err).__name__}: {err})"
    if report.duplicate:
        report.reason = f"same content as {report.stored_as}; stored once"
    return [report]


# ---- zip -------------------------------------------------------------------------------------

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _central_directory_size(f: IO[bytes]) -> int | None:
    """The central directory size zipfile will read (None: no end record, zipfile will refuse it).

    zipfile keeps one ZipInfo per entry in memory, so a 200 MB directory of tiny entries is a memory
    bomb. This mirrors zipfile's own lookup: the end record, and the ZIP64 record just before it.
    """
    end = f.seek(0, os.SEEK_END)
    start = max(0, end - _EOCD.size - (1 << 16) - _ZIP64_LOCATOR.size - _ZIP64_EOCD.size)
    f.seek(start)
    tail = f.read()
    at = len(tail) - _EOCD.size
    if not (at >= 0 and tail.startswith(b"PK\x05\x06", at) and tail.endswith(b"\x00\x00")):
        at = tail.rfind(b"PK\x05\x06")  # the record is followed by a comment
        if at < 0 or at + _EOCD.size > len(tail):
            return None
    size = _EOCD.unpack_from(tail, at)[5]
    locator = at - _ZIP64_LOCATOR.size
    record = locator - _ZIP64_EOCD.size
    if record >= 0 and tail.startswith(b"PK\x06\x07", locator) and tail.startswith(b"PK\x06\x06", record):
        size = _ZIP64_EOCD.unpack_from(tail, record)[8]
    return size


def _entry_name(info: zipfile.ZipInfo) -> str:
    """zipfile reads names without the UTF-8 flag as cp437; Japanese Windows writes cp932 there and
    some tools UTF-8, so those are recovered when the bytes decode cleanly."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "cp932"):
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode(encoding)
    return info.filename


def _is_folder(info: zipfile.ZipInfo) -> bool:
    return info.filename.endswith(("/", "\\")) or stat.S_IFMT(info.external_attr >> 16) == stat.S_IFDIR


def _skipped(name: str) -> bool:
    """Hidden files and macOS residue, as ingestion skips them (a '..' path is refused instead)."""
    parts = name.replace("\\", "/").split("/")
    return ".." not in parts and any(p == "__MACOSX" or (p.startswith(".") and p != ".") for p in parts)


def _entry_parts(name: str) -> list[str]:
    path = name.replace("\\", "/")
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        raise _Refused("absolute path inside the zip (zip slip); not extracted")
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise _Refused("'..' in the path inside the zip (zip slip); not extracted")
    return parts


def _save_zip(folder: _Folder, source: IO[bytes], report: UploadReport) -> list[UploadReport]:
    limits = folder.limits
    if report.bytes == 0:
        raise _Refused("empty file")
    folder.check_total(report.bytes)  # only entries face the per-file limit; the contents are rarely smaller
    directory = _central_directory_size(source)
    if directory is not None and directory > limits.max_zip_entries * _CENTRAL_DIRECTORY_BYTES_PER_ENTRY:
        raise _Refused(
            f"the zip's directory is {_size(directory)}: far more than {limits.max_zip_entries} files"
            " (UploadLimits.max_zip_entries); split it into smaller zips"
        )
    try:
        archive = zipfile.ZipFile(source)
    except _OPEN_ERRORS as err:
        raise _Refused(f"not a readable zip file ({type(err).__name__}: {err}); create the archive again")
    with archive:
        infos = [i for i in archive.infolist() if not _is_folder(i)]
        files = [i for i in infos if not _skipped(_entry_name(i))]
        if len(files) > limits.max_zip_entries:
            raise _Refused(
                f"the zip holds {len(files)} files, over the limit of {limits.max_zip_entries}"
                " (UploadLimits.max_zip_entries); split it into smaller zips"
            )
        entries = [_save_entry(folder, archive, info, report.name) for info in files]
    stored = sum(e.status == "ok" and not e.duplicate for e in entries)
    duplicates = sum(e.duplicate for e in entries)
    counts = [f"{stored} file(s) extracted"]
    counts += [f"{n} {what}" for n, what in [
        (len(entries) - stored - duplicates, "refused"),
        (duplicates, "duplicate(s)"),
        (len(infos) - len(files), "hidden or __MACOSX entries skipped"),
    ] if n]
    report.reason = ", ".join(counts)
    if not stored and not duplicates:
        report.status = "error"
        report.reason = "no usable files in the zip: " + report.reason
    return [report, *entries]


def _save_entry(folder: _Folder, archive: zipfile.ZipFile, info: zipfile.ZipInfo, archive_name: str) -> UploadReport:
    entry = _entry_name(info)
    report = UploadReport(f"{archive_name}: {_shown(entry)}", bytes=info.file_size)
    try:
        parts = _entry_parts(entry)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise _Refused("symbolic link inside the zip; not extracted")
        if kind not in (0, stat.S_IFREG):
            raise _Refused("device, pipe or socket inside the zip; not extracted")
        if info.flag_bits & 0x1:
            raise _Refused("encrypted; unzip it with its password and upload the files")
        name = safe_name("__".join(parts))
        if name.lower().endswith(".zip"):
            raise _Refused("a zip inside the zip is not extracted; unzip it and upload its files")
        _check_suffix(name)
        folder.check_size(info.file_size)  # a declared size over the limit is believed at once
        with archive.open(info) as source:
            report.stored_as, report.bytes, report.duplicate = folder.store(source, name, info.compress_size)
    except _Refused as err:
        report.status, report.reason = "error", str(err)
    except _ENTRY_ERRORS as err:
        report.status = "error"
        report.reason = f"cannot extract ({type(err).__name__}: {err}); is the zip damaged?"
    if report.duplicate:
        report.reason = f"same content as {report.stored_as}; stored once"
    return report
