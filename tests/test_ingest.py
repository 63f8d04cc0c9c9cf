import json
import os

import pytest

from adapt.config import DataSection
from adapt.data.ingest import ingest
from adapt.data.readers import decode_bytes
from corpus import english_documents, japanese_documents

EN = english_documents()["Velmor"]
JA = japanese_documents()["ソラリ"]


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF with Helvetica text, written byte by byte (no PDF library needed)."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = "BT /F1 11 Tf 50 750 Td 14 TL " + " ".join(f"({l}) Tj T*" for l in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_docx(path, paragraphs, table=None):
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.save(str(path))


def run(paths, **data):
    return ingest(paths, DataSection(**{"min_chars": 10, **data}))


def only_ok(result):
    assert not result.failed_files, [(f.name, f.reason) for f in result.failed_files]
    return result


@pytest.mark.parametrize(
    "encoding, label",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8 with BOM"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
     ("shift_jis", "shift_jis/cp932"), ("cp932", "shift_jis/cp932"), ("euc_jp", "euc-jp")],
)
def test_japanese_text_in_every_encoding(tmp_path, encoding, label):
    path = tmp_path / "doc.txt"
    path.write_bytes(JA.encode(encoding))
    result = only_ok(run([path]))
    assert result.documents[0].text.replace("\n", "") == JA.replace("\n", "")
    assert result.documents[0].lang == "ja"
    assert label in result.files[0].encoding


def test_cp932_specific_characters(tmp_path):
    text = "①番の髙橋さんは～で待っています。NEC特殊文字も読めること。" * 3
    path = tmp_path / "cp.txt"
    path.write_bytes(text.encode("cp932"))
    doc = only_ok(run([path])).documents[0]
    assert "髙橋" in doc.text  # NFKC keeps the variant kanji; ① becomes 1
    assert "1番" in doc.text


def test_decode_prefers_plausible_japanese_over_mojibake():
    for encoding in ("shift_jis", "euc_jp"):
        text, _ = decode_bytes(JA.encode(encoding))
        assert text == JA


def test_markdown_html_jsonl_csv_pdf_docx(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n# Velmor\n\n![img](x.png) See [the harbour](http://x) now. " + EN,
                                   encoding="utf-8")
    (tmp_path / "b.html").write_bytes(
        ("<html><head><meta charset='shift_jis'><title>村</title><style>p{}</style></head><body>"
         f"<script>var x=1;</script><p>{JA}</p><nav>menu</nav></body></html>").encode("shift_jis"))
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps({"body": t, "title": n})
                                                for n, t in list(english_documents().items())[1:4]), encoding="utf-8")
    (tmp_path / "d.csv").write_text("id;body\n1;\"" + english_documents()["Brannoch"] + "\"\n", encoding="cp932")
    (tmp_path / "e.pdf").write_bytes(minimal_pdf(["The lighthouse of Quastra is built of basalt.",
                                                  "It was raised in the year 1402 by the lampwrights."]))
    make_docx(tmp_path / "f.docx", ["The Tessel river floods in autumn.", "Its ferry carries 40 passengers."],
              table=[["Town", "Good"], ["Zerqua", "violet dye"]])

    result = only_ok(run([tmp_path], text_field="body"))
    by_file = {f.name: f for f in result.files}
    assert by_file["c.jsonl"].documents == 3 and by_file["d.csv"].documents == 1
    csv_doc = next(d for d in result.documents if d.source == "d.csv")
    assert csv_doc.text.startswith("# Brannoch") and "\n\n" in csv_doc.text  # multi-line quoted field, ';' sniffed

    md = next(d for d in result.documents if d.source == "a.md")
    assert "img" not in md.text and "http" not in md.text and "See the harbour now." in md.text
    assert md.title == "Velmor" and "title: x" not in md.text
    html = next(d for d in result.documents if d.source == "b.html")
    assert html.title == "村" and "var x" not in html.text and "menu" not in html.text
    assert html.text.replace("\n", "") == JA.replace("\n", "")
    pdf = next(d for d in result.documents if d.source == "e.pdf")
    assert "basalt" in pdf.text and "1402" in pdf.text
    docx_doc = next(d for d in result.documents if d.source == "f.docx")
    assert "40 passengers" in docx_doc.text and "Zerqua | violet dye" in docx_doc.text


def test_csv_missing_column_lists_columns(tmp_path):
    (tmp_path / "d.csv").write_text("id,content\n1,hello there world\n", encoding="utf-8")
    result = run([tmp_path / "d.csv"])
    assert result.files[0].status == "error"
    assert "no column 'text'" in result.files[0].reason and "content" in result.files[0].reason


def test_bad_files_are_reported_by_name_and_others_go_through(tmp_path):
    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(os.urandom(4096))
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (tmp_path / "truncated.pdf").write_bytes(minimal_pdf(["Some text here for the test."])[:150])
    (tmp_path / "rows.jsonl").write_text("{not json}\n[1,2]\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("hi", encoding="utf-8")
    result = run([tmp_path, tmp_path / "missing.txt"])
    reasons = {f.name: f.reason for f in result.failed_files}
    assert [f.name for f in result.ok_files] == ["good.txt"]
    assert len(result.documents) == 1
    assert reasons["empty.txt"] == "empty file"
    assert "no text" in reasons["blank.md"]
    assert "binary" in reasons["binary.txt"]
    assert "unsupported file type '.png'" in reasons["image.png"]
    assert "PDF" in reasons["broken.pdf"] and "PDF" in reasons["truncated.pdf"]
    assert ".docx" in reasons["broken.docx"]
    assert "not valid JSON" in reasons["rows.jsonl"]
    assert "data.min_chars" in reasons["short.txt"]
    assert reasons["missing.txt"] == "file or folder not found"


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text(EN * 200, encoding="utf-8")
    result = run([tmp_path], max_file_mb=0.01)
    assert result.files[0].status == "error" and "data.max_file_mb" in result.files[0].reason


def test_exact_and_near_duplicates_removed_and_counted(tmp_path):
    docs = english_documents()
    (tmp_path / "a.txt").write_text(docs["Velmor"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(docs["Velmor"].upper().replace(" ", "  "), encoding="utf-8")  # exact after folding
    near = docs["Quastra"].replace("Quastra", "Quastra", 1) + " One more short line."
    (tmp_path / "c.txt").write_text(docs["Quastra"], encoding="utf-8")
    (tmp_path / "d.txt").write_text(near, encoding="utf-8")
    (tmp_path / "e.txt").write_text(docs["Ombrith"], encoding="utf-8")
    result = only_ok(run([tmp_path]))
    assert len(result.documents) == 3
    totals = result.totals()
    assert totals["exact_duplicates"] == 1 and totals["near_duplicates"] == 1
    by_file = {f.name: f for f in result.files}
    assert by_file["b.txt"].exact_duplicates == 1 and by_file["d.txt"].near_duplicates == 1
    kept = run([tmp_path], dedupe=False)
    assert len(kept.documents) == 5


def test_distinct_documents_are_not_merged(corpus_dir):
    result = only_ok(run([corpus_dir]))
    assert len(result.documents) == len(english_documents()) + len(japanese_documents())
    assert result.totals()["languages"] == {"en": 12, "ja": 8}


def test_stats_count_tokens_with_the_model_tokenizer(corpus_dir, tiny_model):
    from adapt.models import load_tokenizer

    tokenizer = load_tokenizer(str(tiny_model))
    result = ingest([corpus_dir], DataSection(), tokenizer=tokenizer)
    first = result.documents[0]
    assert first.tokens == len(tokenizer(first.text, add_special_tokens=False)["input_ids"])
    assert result.totals()["tokens"] == sum(f.tokens for f in result.ok_files) > 0


def test_links_out_of_a_folder_are_refused_by_name_and_never_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The vault code of the lighthouse keeper is 4417-alpha. " * 3)
    (outside / "more").mkdir()
    (outside / "more" / "also-secret.txt").write_text("The second vault code is 9932-beta, kept apart. " * 3)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(EN, encoding="utf-8")
    (docs / "passwd.txt").symlink_to(outside / "secret.txt")
    (docs / "more").symlink_to(outside / "more", target_is_directory=True)
    (docs / "gone.txt").symlink_to(tmp_path / "nowhere.txt")

    result = run([docs])
    reasons = {f.name: f.reason for f in result.failed_files}
    assert [f.name for f in result.ok_files] == ["good.txt"]
    assert reasons == {
        "passwd.txt": f"symbolic link to a file outside {docs}; not read",
        "more": f"symbolic link to a folder outside {docs}; not read",
        "gone.txt": "broken symbolic link (its target does not exist); not read",
    }
    assert not any("vault" in d.text for d in result.documents)


def test_links_within_a_folder_are_reported_and_their_targets_read_once(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "a.txt").write_text(EN, encoding="utf-8")
    (docs / "alias.txt").symlink_to(docs / "sub" / "a.txt")
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    result = run([docs], dedupe=False)
    assert [f.name for f in result.ok_files] == ["a.txt"] and len(result.documents) == 1
    reasons = {f.name: f.reason for f in result.failed_files}
    assert reasons == {
        "alias.txt": f"symbolic link to sub/a.txt inside {docs}; links are not followed; "
                     "the file is read under its own name",
        "loop": f"symbolic link to {docs} itself; not followed",
    }


def test_a_link_the_user_names_directly_is_read(tmp_path):
    (tmp_path / "real.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "named.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "folder-link").symlink_to(tmp_path, target_is_directory=True)
    assert only_ok(run([tmp_path / "named.txt"])).documents[0].text.startswith("# Velmor")
    assert [f.name for f in run([tmp_path / "folder-link"]).ok_files] == ["real.txt"]
