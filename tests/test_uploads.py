"""Uploads on hostile ground: real files and real zips, some of them built byte by byte."""

from __future__ import annotations

import io
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapt.config import DataSection
from adapt.data.ingest import ingest
from adapt.uploads import MB, NOT_RECEIVED, UploadLimits, safe_name, save_uploads

TEXT = "The harbour office records every ship that enters the bay, with its cargo and crew.\n"


def upload(folder: Path, name: str, data: bytes | str) -> tuple[Path, str]:
    """A browser upload: a temporary file (its own name means nothing) and the original name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkstemp(dir=folder)[1])
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path, name


def make_zip(entries: list[tuple[str | zipfile.ZipInfo, bytes | str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def raw_zip(name: bytes, body: bytes, size: int, crc: int = 0, method: int = 8) -> bytes:
    """One-entry zip written by hand, so that names, sizes and CRCs can be anything."""
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 33, crc, len(body), size, len(name), 0)
    central = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 33, crc, len(body), size,
                          len(name), 0, 0, 0, 0, 0, 0)
    offset = len(local) + len(name) + len(body)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), offset, 0)
    return local + name + body + central + name + end


def zeros_deflated(size: int) -> bytes:
    """Raw deflate of `size` zero bytes in ~1 KB per MB, without compressing them all: a fully flushed
    block depends on nothing before it, so the block for one MB can be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (size // MB) + b"\x03\x00"  # an empty final block ends the stream


def stored(dest: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in dest.iterdir()}


def test_plain_files_names_and_ingest(tmp_path):
    dest, tmp = tmp_path / "run" / "uploads", tmp_path / "tmp"
    japanese = "港湾事務所は湾に入るすべての船を記録する。積荷と乗組員も記録される。\n" * 2
    sources = [
        upload(tmp, "../escape.md", "# Escape\n\n" + TEXT),
        upload(tmp, "/etc/abs.txt", TEXT * 2),
        upload(tmp, "C:\\x\\y.txt", TEXT * 3),
        upload(tmp, "bad\x00na\x07me\n\u202e.txt", TEXT * 4),
        upload(tmp, "日本語の資料.md", japanese),
        upload(tmp, ".hidden.md", TEXT * 5),
        upload(tmp, "data.csv", "title,text\nOne," + TEXT.strip() + "\n"),
        upload(tmp, "rows.jsonl", '{"text": "' + TEXT.strip() + ' Jsonl."}\n'),
    ]
    reports = save_uploads(sources, dest, received_in=tmp)
    assert [r.status for r in reports] == ["ok"] * 8, reports
    assert [r.stored_as for r in reports] == [
        "escape.md", "abs.txt", "y.txt", "badname.txt", "日本語の資料.md", "hidden.md", "data.csv", "rows.jsonl",
    ]
    assert reports[3].name == "bad\ufffdna\ufffdme\ufffd\ufffd.txt"  # shown without its control characters
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["uploads"]
    assert stored(dest)["日本語の資料.md"] == japanese.encode()

    result = ingest([dest], DataSection(dedupe=False))  # the test texts repeat one another
    assert not result.failed_files, result.failed_files
    assert len(result.documents) == 8


def test_refusals_do_not_stop_the_others(tmp_path):
    dest, tmp = tmp_path / "uploads", tmp_path / "tmp"
    limits = UploadLimits(max_file_bytes=1000)
    sources = [
        upload(tmp, "big.txt", "x" * 2000),
        upload(tmp, "empty.md", b""),
        upload(tmp, "tool.exe", b"MZ..."),
        upload(tmp, "noext", TEXT),
        upload(tmp, "broken.zip", b"PK\x03\x04 this is not really a zip"),
        (tmp / "vanished.txt", "vanished.txt"),
        upload(tmp, "good.txt", TEXT),
    ]
    reports = save_uploads(sources, dest, received_in=tmp, limits=limits)
    reasons = {r.name: r.reason for r in reports if r.status == "error"}
    assert set(reasons) == {"big.txt", "empty.md", "tool.exe", "noext", "broken.zip", "vanished.txt"}
    assert "2.0 KB" in reasons["big.txt"] and "1000 bytes" in reasons["big.txt"]
    assert "UploadLimits.max_file_bytes" in reasons["big.txt"]
    assert reasons["empty.md"] == "empty file"
    assert "'.exe'" in reasons["tool.exe"] and ".md" in reasons["tool.exe"] and ".zip" in reasons["tool.exe"]
    assert "'(none)'" in reasons["noext"]
    assert "not a readable zip" in reasons["broken.zip"]
    assert list(stored(dest)) == ["good.txt"]


def test_only_files_received_in_the_upload_folder_are_read(tmp_path):
    """A web API caller names its upload by path: anything but a regular file inside the upload folder,
    reached without following a link, is refused unread (issue 15)."""
    received, dest = tmp_path / "gradio", tmp_path / "uploads"
    secret = tmp_path / "runs" / "alice-run" / "data" / "documents.jsonl"
    secret.parent.mkdir(parents=True)
    secret.write_text('{"text": "Alice\'s secret harbour ledger, never to be shown to Bob."}\n')
    genuine = received / "3f9a" / "notes.md"  # where Gradio stores an upload: <hash>/<name>
    genuine.parent.mkdir(parents=True)
    genuine.write_text(TEXT)
    (received / "out.md").symlink_to(secret)  # a link inside the folder, pointing out of it
    (received / "outdir").symlink_to(secret.parent, target_is_directory=True)
    (received / "inner.md").symlink_to(genuine)  # even within the folder, links are not followed
    os.mkfifo(received / "pipe.md")
    sources = [
        (secret, "documents.jsonl"),  # the exploit: a server path
        (received / ".." / "runs" / "alice-run" / "data" / "documents.jsonl", "dots.jsonl"),
        (Path("README.md"), "README.md"),  # relative: the app's working directory
        (received / "out.md", "out.md"),
        (received / "outdir" / "documents.jsonl", "outdir.jsonl"),
        (received / "inner.md", "inner.md"),
        (received / "pipe.md", "pipe.md"),
        (received / "3f9a", "folder.md"),
        (received, "root.md"),
        (genuine, "notes.md"),
    ]
    reports = save_uploads(sources, dest, received_in=received)
    reasons = {r.name: r.reason for r in reports}
    assert [r.status for r in reports] == ["error"] * 9 + ["ok"], reports
    for name in ("documents.jsonl", "dots.jsonl", "README.md", "root.md"):
        assert reasons[name] == NOT_RECEIVED
    for name in ("out.md", "outdir.jsonl", "inner.md"):
        assert "symbolic link" in reasons[name] and "not followed" in reasons[name]
    for name in ("pipe.md", "folder.md"):
        assert "not a regular file" in reasons[name]
    assert stored(dest) == {"notes.md": TEXT.encode()}
    assert "secret" not in str(reports)

    # The folder may be named through a link (a symlinked temp dir): its files are still uploads.
    (tmp_path / "alias").symlink_to(received, target_is_directory=True)
    again = save_uploads([(tmp_path / "alias" / "3f9a" / "notes.md", "again.md")], tmp_path / "other",
                         received_in=tmp_path / "alias")
    assert [r.status for r in again] == ["ok"]
    # Nothing outside the folder is reachable through the link either.
    refused = save_uploads([(tmp_path / "alias" / ".." / "runs" / "alice-run" / "data" / "documents.jsonl",
                             "x.jsonl")], tmp_path / "other", received_in=tmp_path / "alias")
    assert refused[0].reason == NOT_RECEIVED


def test_same_name_twice_and_duplicates(tmp_path):
    dest, tmp = tmp_path / "uploads", tmp_path / "tmp"
    first = save_uploads([upload(tmp, "notes.md", TEXT), upload(tmp, "notes.md", TEXT * 2)], dest, received_in=tmp)
    assert [r.stored_as for r in first] == ["notes.md", "notes-2.md"]
    # The same bytes again, in this call or a later one, under any name: stored once.
    again = save_uploads([upload(tmp, "copy.md", TEXT * 2), upload(tmp, "other.md", TEXT * 3),
                          upload(tmp, "other again.md", TEXT * 3)], dest, received_in=tmp)
    assert [(r.status, r.duplicate, r.stored_as) for r in again] == [
        ("ok", True, "notes-2.md"), ("ok", False, "other.md"), ("ok", True, "other.md")]
    assert "same content as notes-2.md" in again[0].reason
    assert sorted(stored(dest)) == ["notes-2.md", "notes.md", "other.md"]


def test_total_limit_counts_what_is_already_stored(tmp_path):
    dest, tmp = tmp_path / "uploads", tmp_path / "tmp"
    limits = UploadLimits(max_total_bytes=len(TEXT) * 3)
    assert save_uploads([upload(tmp, "a.txt", TEXT * 2)], dest, received_in=tmp, limits=limits)[0].status == "ok"
    refused = save_uploads([upload(tmp, "b.txt", TEXT * 2), upload(tmp, "b.zip", make_zip([("b.txt", TEXT)]))],
                           dest, received_in=tmp, limits=limits)
    assert [r.status for r in refused] == ["error", "error"]
    assert all("UploadLimits.max_total_bytes" in r.reason for r in refused)
    assert list(stored(dest)) == ["a.txt"]


def test_zip_slip_symlinks_and_devices_refused(tmp_path):
    parent = tmp_path / "run"
    dest = parent / "uploads"
    link = zipfile.ZipInfo("link.md")
    link.create_system, link.external_attr = 3, (stat.S_IFLNK | 0o777) << 16
    device = zipfile.ZipInfo("dev.txt")
    device.create_system, device.external_attr = 3, (stat.S_IFCHR | 0o644) << 16
    archive = make_zip([
        ("../evil.txt", "evil"), ("/abs/evil.txt", "evil"), ("sub/../../evil.txt", "evil"),
        ("..\\evil2.txt", "evil"), ("C:/evil3.txt", "evil"), (link, "/etc/passwd"), (device, "x"),
        ("inner.zip", make_zip([("a.txt", TEXT)])), ("__MACOSX/._ok.md", "junk"), (".DS_Store", "junk"),
        ("docs/", ""), ("docs/ok.md", TEXT), ("docs/sub/deep.txt", TEXT * 2),
    ])
    reports = save_uploads([upload(tmp_path / "tmp", "bundle.zip", archive)], dest, received_in=tmp_path / "tmp")
    reasons = {r.name.removeprefix("bundle.zip: "): r.reason for r in reports[1:] if r.status == "error"}
    for name in ("../evil.txt", "sub/../../evil.txt", "..\\evil2.txt"):
        assert "'..'" in reasons[name]
    for name in ("/abs/evil.txt", "C:/evil3.txt"):
        assert "absolute path" in reasons[name]
    assert "symbolic link" in reasons["link.md"]
    assert "device" in reasons["dev.txt"]
    assert "zip inside the zip" in reasons["inner.zip"]
    assert len(reasons) == 8
    assert reports[0].status == "ok"
    assert reports[0].reason == "2 file(s) extracted, 8 refused, 2 hidden or __MACOSX entries skipped"
    assert sorted(stored(dest)) == ["docs__ok.md", "docs__sub__deep.txt"]
    assert sorted(p.name for p in parent.iterdir()) == ["uploads"]
    assert not [p for p in tmp_path.rglob("evil*")]


def test_zip_names_in_cp932_are_recovered(tmp_path):
    name = "資料/報告.txt".encode("cp932")  # Japanese Windows: no UTF-8 flag
    archive = raw_zip(name, TEXT.encode(), len(TEXT), zlib.crc32(TEXT.encode()), method=0)
    reports = save_uploads([upload(tmp_path / "tmp", "jp.zip", archive)], tmp_path / "uploads",
                           received_in=tmp_path / "tmp")
    assert reports[1].name == "jp.zip: 資料/報告.txt"
    assert reports[1].stored_as == "資料__報告.txt"


def test_zip_bomb_declared_size_refused_at_once(tmp_path):
    dest = tmp_path / "uploads"
    bomb = raw_zip(b"zeros.txt", zeros_deflated(2 * 2**30), 2 * 2**30)
    assert len(bomb) < 3 * MB
    reports = save_uploads([upload(tmp_path / "tmp", "bomb.zip", bomb)], dest, received_in=tmp_path / "tmp")
    assert reports[0].status == "error" and reports[1].status == "error"
    assert "2.0 GB" in reports[1].reason and "UploadLimits.max_file_bytes" in reports[1].reason
    assert list(dest.iterdir()) == []


def test_zip_bomb_stopped_while_extracting(tmp_path):
    """Declared sizes are not trusted: bytes are counted as they come out."""
    dest, tmp = tmp_path / "uploads", tmp_path / "tmp"
    bomb = raw_zip(b"zeros.txt", zeros_deflated(2 * 2**30), 2 * 2**30)
    loose = UploadLimits(max_file_bytes=4 * 2**30, max_total_bytes=20 * MB, max_ratio=10**6)
    report = save_uploads([upload(tmp, "bomb.zip", bomb)], dest, received_in=tmp, limits=loose)[1]
    assert report.status == "error" and "UploadLimits.max_total_bytes" in report.reason
    assert list(dest.iterdir()) == []  # the partial file is gone too

    ratio = save_uploads([upload(tmp, "ratio.zip", make_zip([("zeros.txt", bytes(5 * MB))]))], dest, received_in=tmp)[1]
    assert ratio.status == "error" and "UploadLimits.max_ratio" in ratio.reason
    # A header that understates the size: zipfile stops at the declared size, and the CRC fails.
    liar = raw_zip(b"zeros.txt", zeros_deflated(2 * 2**30), 1000)
    assert save_uploads([upload(tmp, "liar.zip", liar)], dest, received_in=tmp)[1].status == "error"
    assert list(dest.iterdir()) == []


def test_zip_limits_and_broken_entries(tmp_path):
    dest, tmp = tmp_path / "uploads", tmp_path / "tmp"
    many = make_zip([(f"f{i}.txt", f"{i} {TEXT}") for i in range(11)])
    refused = save_uploads([upload(tmp, "many.zip", many)], dest, received_in=tmp,
                           limits=UploadLimits(max_zip_entries=10))
    assert len(refused) == 1 and "11 files" in refused[0].reason and "max_zip_entries" in refused[0].reason
    # A directory far larger than the entry limit allows is refused before zipfile reads it.
    assert "directory" in save_uploads([upload(tmp, "many.zip", many)], dest, received_in=tmp,
                                      limits=UploadLimits(max_zip_entries=0))[0].reason

    archive = bytearray(make_zip([("a.txt", TEXT * 20), ("b.txt", "other " + TEXT * 20)]))
    body = archive.index(b"a.txt") + len(b"a.txt")
    archive[body + 5 : body + 15] = bytes(10)  # damage a.txt's compressed data
    reports = save_uploads([upload(tmp, "damaged.zip", bytes(archive)), upload(tmp, "ok.txt", TEXT)], dest, received_in=tmp)
    assert [r.status for r in reports] == ["ok", "error", "ok", "ok"]
    assert "cannot extract" in reports[1].reason
    assert sorted(stored(dest)) == ["b.txt", "ok.txt"]
    assert list(tmp_path.rglob(".upload-*")) == []


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_thousands_of_tiny_files(tmp_path):
    dest = tmp_path / "uploads"
    # Half of them share one name: finding a free name must not get slower with every file.
    names = [f"notes/n{i:04d}.txt" if i % 2 else "notes/same.txt" for i in range(3000)]
    archive = make_zip([(name, f"note {i}: {TEXT}") for i, name in enumerate(names)])
    reports = save_uploads([upload(tmp_path / "tmp", "notes.zip", archive)], dest, received_in=tmp_path / "tmp")
    assert reports[0].reason == "3000 file(s) extracted"
    assert len(stored(dest)) == 3000
    assert (dest / "notes__n2999.txt").is_file() and (dest / "notes__same-1500.txt").is_file()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(), suffix=st.sampled_from(["", ".md", ".txt", ".zip"]))
def test_any_name_stays_inside(tmp_path, name, suffix):
    clean = safe_name(name + suffix)
    assert clean and Path(clean).name == clean and clean not in (".", "..") and not clean.startswith(".")
    assert len(clean.encode()) <= 200
    with tempfile.TemporaryDirectory(dir=tmp_path) as work:
        parent = Path(work) / "run"
        dest = parent / "uploads"
        # In a zip, the same name is also an entry name (zipfile cuts names at NUL, hence the prefix).
        data = make_zip([("d/" + name + ".md", TEXT)]) if suffix == ".zip" else TEXT
        for report in save_uploads([upload(Path(work) / "tmp", name + suffix, data)], dest,
                                   received_in=Path(work) / "tmp"):
            if report.stored_as:
                path = dest / report.stored_as
                assert path.resolve().parent == dest.resolve() and path.is_file()
        assert [p.name for p in parent.iterdir()] == ["uploads"]
        assert all(p.parent == dest for p in parent.rglob("*") if p != dest)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 400), flips=st.lists(st.tuples(st.integers(0, 399), st.integers(0, 255)), max_size=4))
def test_damaged_zips_never_raise(tmp_path, cut, flips):
    archive = bytearray(make_zip([("a/b.md", TEXT), ("c.txt", TEXT * 2)]))
    for at, value in flips:
        archive[at % len(archive)] = value
    with tempfile.TemporaryDirectory(dir=tmp_path) as work:
        dest = Path(work) / "uploads"
        reports = save_uploads([upload(Path(work) / "tmp", "x.zip", bytes(archive[: len(archive) - cut]))], dest,
                               received_in=Path(work) / "tmp")
        assert reports and all(r.status in ("ok", "error") for r in reports)
        assert all(p.parent == dest and not p.name.startswith(".") for p in dest.rglob("*"))
