"""A catalogue of bad inputs a hostile-but-fair user would try, and what each one gets back.

Every row asserts that the message names the setting or the file, shows the bad value where there
is one, and says what is allowed or what to do; and that nothing escapes as a traceback (the CLI
is called in-process, so an exception would fail the row). Documents are ingested next to a good
file, which must still go through. Cheap: no training run, no app server.

docs/bad_inputs.md is this table with the messages as they come out; the last test keeps the two
equal. After changing a row or a message: ADAPT_WRITE_BAD_INPUTS_DOC=1 pytest tests/test_bad_inputs.py
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

from adapt.cli import main
from adapt.config import ConfigError, DataSection, RunConfig
from adapt.data.ingest import ingest
from corpus import english_documents
from test_ingest import make_docx, minimal_pdf
from test_hostile_files import docx_with_body, empty_paragraphs, pdf, pdf_bomb_stream

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "bad_inputs.md"
GOOD = english_documents()["Velmor"]


@dataclass(frozen=True)
class Row:
    id: str  # what happens, as a sentence
    given: str  # what the user gave, for the doc
    produce: Callable[[Path, Any], str]  # (an empty folder, capsys) -> what the user sees
    expect: tuple[str, ...]  # all in the message: setting or file, value, what is allowed or to do


# ---- how an input reaches the program ---------------------------------------------------------


def setting(raw: dict) -> Callable:
    """RunConfig.from_dict, as the app's form and every config file end up."""
    def produce(tmp: Path, capsys) -> str:
        with pytest.raises(ConfigError) as info:
            RunConfig.from_dict(raw)
        return str(info.value)
    return produce


def command(*args: str) -> Callable:
    """python -m adapt ARGS ({tmp} is the row's folder); it must exit 2, bad input."""
    def produce(tmp: Path, capsys) -> str:
        capsys.readouterr()
        code = main([arg.replace("{tmp}", str(tmp)) for arg in args])
        out, err = capsys.readouterr()
        assert code == 2, (code, out, err)
        assert not (tmp / "runs").exists(), "a refused run must not leave a run directory"
        said = [line for line in (err + out).splitlines() if not line.startswith('{"files"')]  # ingest's totals
        return "\n".join(said).strip()
    return produce


def config_file(content: str | bytes) -> Callable:
    """python -m adapt validate on a config.yaml holding this."""
    def produce(tmp: Path, capsys) -> str:
        (tmp / "config.yaml").write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return command("validate", "{tmp}/config.yaml")(tmp, capsys)
    return produce


def config_folder(tmp: Path, capsys) -> str:
    """python -m adapt validate on a folder of configs instead of one of them."""
    (tmp / "configs").mkdir()
    (tmp / "configs" / "quick.yaml").write_text("data:\n  paths: [docs]\n", encoding="utf-8")
    return command("validate", "{tmp}/configs")(tmp, capsys)


def run_with(*overrides: str) -> Callable:
    """python -m adapt run on a valid config with these --set overrides."""
    def produce(tmp: Path, capsys) -> str:
        (tmp / "config.yaml").write_text("data:\n  paths: [docs]\n", encoding="utf-8")
        sets = [part for item in overrides for part in ("--set", item)]
        return command("run", "{tmp}/config.yaml", *sets, "--runs-dir", "{tmp}/runs")(tmp, capsys)
    return produce


def document(name: str, content: bytes | Callable[[Path], None], **data) -> Callable:
    """A documents folder with this file and a good one: python -m adapt ingest (or ingest() when a
    data setting is needed). Returns what is said about this file."""
    def produce(tmp: Path, capsys) -> str:
        docs = tmp / "docs"
        docs.mkdir()
        (docs / "good.txt").write_text(GOOD, encoding="utf-8")
        if callable(content):
            content(docs / name)
        else:
            (docs / name).write_bytes(content)
        if data:
            result = ingest([docs], DataSection(**data))
            lines = [f"{'ok' if f.status == 'ok' else 'error':<6} {f.name}: {f.reason}" for f in result.files]
        else:
            capsys.readouterr()
            assert main(["ingest", str(docs)]) == 0
            lines = capsys.readouterr().out.splitlines()
        assert any(line.startswith("ok     good.txt") for line in lines), "the good file must still go through"
        said = [line for line in lines if line.split(" ", 1)[-1].lstrip().startswith(f"{name}:")]
        assert len(said) == 1, lines
        return said[0]
    return produce


# ---- files that are not what they say ---------------------------------------------------------


def _pdf_with_password(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(minimal_pdf(["The keeper's log is kept under lock."]))))
    writer.encrypt("secret")
    with path.open("wb") as handle:
        writer.write(handle)


def _docx_cut_short(path: Path) -> None:
    make_docx(path, ["The Tessel river floods in autumn."] * 20)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _zip_without_word(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "a zip archive, but no Word document in it")


def _link_out(path: Path) -> None:
    secret = path.parent.parent / "secret.txt"
    secret.write_text("The vault code of the lighthouse keeper is 4417-alpha. " * 3, encoding="utf-8")
    path.symlink_to(secret)


def _folder_link_out(path: Path) -> None:
    elsewhere = path.parent.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_text(GOOD.replace("Velmor", "Quastra"), encoding="utf-8")
    path.symlink_to(elsewhere, target_is_directory=True)


# The tester's 469 bytes: each line's list holds nine of the line before it.
ALIAS_BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
              + "".join(f"{x}: &{x} [{', '.join(['*' + y] * 9)}]\n" for y, x in zip("abcdefgh", "bcdefghi"))
              + "cpt: {learning_rate: *i}\n")


def _qa_file_as_text(tmp: Path, capsys) -> str:
    (tmp / "questions.txt").write_text("What is the harbour of Velmor called?\n", encoding="utf-8")
    return run_with("eval.qa_file={tmp}/questions.txt")(tmp, capsys)


FRENCH = "La rivière coule près du château où l'évêque habitait; les élèves étudièrent à côté de la forêt."
ONE_LINE = (english_documents()["Quastra"].replace("\n", " ") + " ").encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

ROWS = [
    # -- settings: numbers
    Row("a negative learning rate is refused with the range allowed",
        "cpt.learning_rate: -0.001", setting({"cpt": {"learning_rate": -0.001}}),
        ("cpt.learning_rate", "got -0.001", "greater than 0")),
    Row("a zero micro-batch size is refused",
        "sft.micro_batch_size: 0", setting({"sft": {"micro_batch_size": 0}}),
        ("sft.micro_batch_size", "got 0", "greater than or equal to 1")),
    Row("a billion-token context is refused with the largest allowed",
        "cpt.context_length: 1000000000", setting({"cpt": {"context_length": 10**9}}),
        ("cpt.context_length", "got 1000000000", "less than or equal to 1048576")),
    Row("NaN as a learning rate is refused as not a finite number",
        "cpt.learning_rate: .nan (YAML)", config_file("cpt:\n  learning_rate: .nan\n"),
        ("cpt.learning_rate", "got nan", "finite number")),
    Row("infinite epochs are refused as not a finite number",
        "cpt.epochs: .inf (YAML)", config_file("cpt:\n  epochs: .inf\n"),
        ("cpt.epochs", "got inf", "finite number")),
    Row("true as max_steps is refused rather than training one step",
        "cpt.max_steps: true", config_file("cpt:\n  max_steps: true\n"),
        ("cpt.max_steps", "got True", "a whole number, not true/false")),
    Row("YAML's yes as the LoRA rank is refused rather than read as 1",
        "model.lora.r: yes", config_file("model:\n  lora:\n    r: yes\n"),
        ("model.lora.r", "got True", "a whole number, not true/false")),
    Row("YAML's off as a learning rate is refused rather than read as 0",
        "sft.learning_rate: off", config_file("sft:\n  learning_rate: off\n"),
        ("sft.learning_rate", "got False", "a number, not true/false")),
    Row("a word where a whole number belongs is refused",
        "cpt.context_length: long", setting({"cpt": {"context_length": "long"}}),
        ("cpt.context_length", "got 'long'", "valid integer")),
    Row("a fractional step count is refused",
        "cpt.max_steps: 2.5", setting({"cpt": {"max_steps": 2.5}}),
        ("cpt.max_steps", "got 2.5", "fractional part")),
    Row("an absurd checkpoint interval is refused so that a kill cannot lose the whole run",
        "cpt.save_every_steps: 99999999999999999999999",
        setting({"cpt": {"save_every_steps": 99999999999999999999999}}),
        ("cpt.save_every_steps", "got 99999999999999999999999", "less than or equal to 100000")),
    Row("a held-out fraction above one is refused",
        "data.heldout_fraction: 1.5", setting({"data": {"heldout_fraction": 1.5}}),
        ("data.heldout_fraction", "got 1.5", "less than 1")),
    Row("a negative seed is refused",
        "seed: -1", setting({"seed": -1}), ("seed", "got -1", "greater than or equal to 0")),
    Row("a LoRA dropout of one is refused",
        "model.lora.dropout: 1", setting({"model": {"lora": {"dropout": 1}}}),
        ("model.lora.dropout", "got 1", "less than 1")),
    Row("a negative number of general SFT examples is refused",
        "sft.max_general_examples: -5", setting({"sft": {"max_general_examples": -5}}),
        ("sft.max_general_examples", "got -5", "greater than or equal to 0")),
    # -- settings: names, types, choices
    Row("a misspelt setting is refused with the right name suggested",
        "cpt.learnig_rate: 1e-4", setting({"cpt": {"learnig_rate": 1e-4}}),
        ("cpt.learnig_rate", "unknown setting", "Did you mean 'learning_rate'?", "Allowed here:")),
    Row("a misspelt section is refused with the right name suggested",
        "agument: {}", setting({"agument": {}}),
        ("agument", "unknown setting", "Did you mean 'augment'?", "Allowed here: augment, cpt")),
    Row("a section's setting written at the top level is refused with what belongs there",
        "epochs: 3", setting({"epochs": 3}), ("epochs", "unknown setting", "Allowed here: augment, cpt, data")),
    Row("a single path where a list belongs is refused with how to write a list",
        "data.paths: docs/", setting({"data": {"paths": "docs/"}}),
        ("data.paths", "got 'docs/'", "for a single one write [docs/]")),
    Row("numbers in the list of documents are refused",
        "data.paths: [1, 2]", setting({"data": {"paths": [1, 2]}}),
        ("data.paths.0", "got 1", "valid string", "files or folders of domain documents")),
    Row("a mapping where target modules belong is refused with both forms allowed",
        "model.lora.target_modules: {q: 1}", setting({"model": {"lora": {"target_modules": {"q": 1}}}}),
        ("model.lora.target_modules", "got a mapping", "a valid list or 'all-linear'")),
    Row("a section given as a number is refused with what a section holds",
        "cpt: 5", config_file("cpt: 5\n"), ("cpt", "got 5", "a mapping of its settings (enabled, epochs")),
    Row("an unknown training method is refused with the choices",
        "model.method: qlora", setting({"model": {"method": "qlora"}}),
        ("model.method", "got 'qlora'", "'lora' or 'full'")),
    Row("an unknown precision is refused with the choices",
        "model.precision: fp8", setting({"model": {"precision": "fp8"}}),
        ("model.precision", "got 'fp8'", "'auto', 'bf16', 'fp16' or 'fp32'")),
    Row("an unknown augmentation backend is refused with the choices",
        "augment.backend: openai", setting({"augment": {"backend": "openai"}}),
        ("augment.backend", "got 'openai'", "'rules', 'local' or 'endpoint'")),
    Row("an unknown augmentation category is refused with the known ones",
        "augment.categories: {qa_hard: 1}", setting({"augment": {"categories": {"qa_hard": 1}}}),
        ("augment.categories", "['qa_hard']", "known: paraphrase, summary")),
    Row("a category count above fifty is refused",
        "augment.categories: {qa_easy: 500}", setting({"augment": {"categories": {"qa_easy": 500}}}),
        ("augment.categories", "500", "whole numbers from 0 to 50")),
    Row("true as a category count is refused naming the category",
        "augment.categories: {summary: true}", setting({"augment": {"categories": {"summary": True}}}),
        ("augment.categories", "for summary", "a whole number, not true/false")),
    Row("an SFT variant that does not exist is refused with the choices",
        "sft.variant: domain", setting({"sft": {"variant": "domain"}}),
        ("sft.variant", "got 'domain'", "'general', 'domain_zero_shot', 'domain_one_shot' or 'all'")),
    Row("retrieval maybe is refused with the choices",
        "eval.retrieval: maybe", setting({"eval": {"retrieval": "maybe"}}),
        ("eval.retrieval", "got 'maybe'", "'auto', 'on' or 'off'")),
    Row("a run name that climbs out of the runs folder is refused",
        "name: ../evil", setting({"name": "../evil"}), ("name", "got '../evil'", "letters, digits, . _ -")),
    Row("a run name with spaces is refused",
        "name: my first run", setting({"name": "my first run"}),
        ("name", "got 'my first run'", "letters, digits, . _ -")),
    Row("a config naming a server variable as the endpoint key is refused and says where the key comes from",
        "augment.endpoint.api_key_env: ADAPT_USERS",
        setting({"augment": {"backend": "endpoint", "endpoint": {"api_key_env": "ADAPT_USERS"}}}),
        ("augment.endpoint", "api_key_env: 'ADAPT_USERS' is refused", "ADAPT_ENDPOINT_API_KEY",
         "endpoint key field")),
    Row("an empty base model is refused with what it may be",
        'model.base: ""', setting({"model": {"base": ""}}),
        ("model.base", "got ''", "at least 1 character", "bundled name (smollm2-135m: a real chat model")),
    # -- config files
    Row("malformed YAML is refused with its line and column",
        "cpt:\\n  learning_rate: [1e-4", config_file("cpt:\n  learning_rate: [1e-4\n"),
        ("config.yaml", "not valid YAML at line 3, column 1")),
    Row("a YAML list instead of a mapping is refused",
        "- cpt\\n- sft", config_file("- cpt\n- sft\n"),
        ("config.yaml", "got list", "expected a mapping of sections (model, data, cpt, ...)")),
    Row("an empty config file is refused rather than run on defaults",
        "(empty file)", config_file(""), ("config.yaml is empty", "at least data.paths")),
    Row("a config file of only comments is refused as empty",
        "# to do", config_file("# to do: fill in\n"), ("config.yaml is empty", "at least data.paths")),
    Row("a folder given as the config is refused",
        "python -m adapt validate configs/", config_folder,
        ("configs is a folder, not a config file", "give the YAML file itself (in it: quick.yaml)")),
    Row("a config file in UTF-16 is refused with the encoding to use",
        "cpt: {epochs: 2} saved as UTF-16", config_file("cpt:\n  epochs: 2\n".encode("utf-16")),
        ("config.yaml is not UTF-8 text", "byte 0xff", "save it as UTF-8 YAML")),
    Row("a config file that does not exist is refused",
        "python -m adapt validate nope.yaml", command("validate", "{tmp}/nope.yaml"),
        ("config file not found", "nope.yaml")),
    # -- the command line
    Row("--set without an equals sign is refused with an example",
        "--set cpt.epochs", run_with("cpt.epochs"),
        ("--set expects key=value", "got 'cpt.epochs'", "for example cpt.learning_rate=5e-5")),
    Row("--set on an unknown section is refused with the sections there are",
        "--set training.epochs=2", run_with("training.epochs=2"),
        ("'training.epochs'", "'training' is not a section", "Sections here: augment, cpt, data")),
    Row("--set on a misspelt setting suggests the right one",
        "--set cpt.epoch=2", run_with("cpt.epoch=2"),
        ("cpt.epoch", "unknown setting", "Did you mean 'epochs'?")),
    Row("--set with a word for a number names the setting and the word",
        "--set cpt.learning_rate=fast", run_with("cpt.learning_rate=fast"),
        ("cpt.learning_rate", "got 'fast'", "valid number")),
    Row("--set below a setting is refused with how to set it",
        "--set cpt.epochs.x=1", run_with("cpt.epochs.x=1"),
        ("'cpt.epochs' is a setting, not a section", "write cpt.epochs=VALUE")),
    Row("run with a config file that does not exist stops before anything starts",
        "python -m adapt run nope.yaml", command("run", "{tmp}/nope.yaml", "--runs-dir", "{tmp}/runs"),
        ("config file not found", "nope.yaml")),
    Row("ingest of a folder that does not exist names it",
        "python -m adapt ingest missing-docs", command("ingest", "{tmp}/missing-docs"),
        ("missing-docs", "file or folder not found")),
    # -- issue 28: configs and --set values a hostile user wrote
    Row("a YAML alias bomb is refused before it is expanded",
        "469 bytes: nine levels of nine *aliases", config_file(ALIAS_BOMB),
        ("config.yaml", "line 6", "more than 200,000 values once its aliases (*name) are written out")),
    Row("YAML nested 5000 levels deep is refused rather than overflowing the stack",
        "a: [[[[...]]]] 5000 deep", config_file("a: " + "[" * 5000 + "]" * 5000 + "\n"),
        ("config.yaml", "nested more than 32 levels deep")),
    Row("a section given twice is refused rather than the last silently winning",
        "cpt: {epochs: 3} then cpt: {learning_rate: 0.1}",
        config_file("cpt: {epochs: 3}\ncpt: {learning_rate: 0.1}\n"),
        ("config.yaml", "'cpt' is given twice (lines 1 and 2)", "keep one")),
    Row("a run name YAML reads as a date says to quote it",
        "name: 2026-12-06", config_file("name: 2026-12-06\n"),
        ("name: got 2026-12-06", 'put it in quotes ("2026-12-06")')),
    Row("--set with an unclosed bracket names the setting and the value",
        "--set 'cpt.learning_rate=[1e-4'", run_with("cpt.learning_rate=[1e-4"),
        ("--set cpt.learning_rate", "'[1e-4'", "not a value YAML can read", "write a list as [a, b]")),
    Row("--set with a Python object tag is refused, not constructed",
        "--set 'cpt.learning_rate=!!python/object/apply:os.system [id]'",
        run_with("cpt.learning_rate=!!python/object/apply:os.system [id]"),
        ("--set cpt.learning_rate", "not a value YAML can read", "could not determine a constructor")),
    Row("a 5000-character base model is refused as no model name, folder or Hub id",
        "model.base: x * 5000", run_with("model.base=" + "x" * 5000),
        ("model.base", "no bundled model", "no Hugging Face Hub id", "at most 96 characters")),
    Row("an empty path among the documents is refused rather than reading the working directory",
        'data.paths: [""]', run_with('data.paths=[""]'), ("data.paths[0]", "an empty path", "name a file or folder")),
    Row("a text file as the questions file is refused at validate time with the format",
        "eval.qa_file: questions.txt", _qa_file_as_text,
        ("eval.qa_file", "questions.txt is not JSONL", '{"question": "...", "answer": "..."}')),
    # -- documents
    Row("an empty file is reported by name and the others go through",
        "empty.txt (0 bytes)", document("empty.txt", b""), ("empty.txt", "empty file")),
    Row("bytes of every value named .txt are refused as binary",
        "data.txt: bytes 0-255", document("data.txt", bytes(range(256)) * 8),
        ("data.txt", "binary data (NUL bytes), not text", "wrong file extension?")),
    Row("a PNG image renamed .md is refused as binary",
        "photo.md: a PNG", document("photo.md", PNG),
        ("photo.md", "binary data (NUL bytes), not text", "wrong file extension?")),
    Row("NUL bytes inside a text file are refused as binary",
        "notes.txt: text with 50 NUL bytes", document("notes.txt", GOOD.encode()[:2000] + b"\x00" * 50),
        ("notes.txt", "binary data, not text", "wrong file extension?")),
    Row("an HTML file of binary junk is refused",
        "page.html: control bytes", document("page.html", b"\x01\x02\x03" * 200),
        ("page.html", "binary data, not HTML", "wrong file extension?")),
    Row("a PDF cut short is refused as damaged with what to do",
        "report.pdf: first 300 bytes of a PDF", document("report.pdf", minimal_pdf([GOOD[:80]])[:300]),
        ("report.pdf", "not a readable PDF", "save or export it as PDF again")),
    Row("a text file renamed .pdf is refused as not a PDF",
        "notes.pdf: plain text", document("notes.pdf", b"Just some notes, not a PDF at all.\n"),
        ("notes.pdf", "does not start with %PDF-", "renamed .pdf")),
    Row("a password-protected PDF is refused with what to do",
        "locked.pdf: encrypted", document("locked.pdf", _pdf_with_password),
        ("locked.pdf", "password-protected PDF", "remove the password")),
    Row("a scanned PDF without text is refused with OCR suggested",
        "scan.pdf: a page with no text", document("scan.pdf", minimal_pdf([])),
        ("scan.pdf", "no extractable text", "run OCR first")),
    Row("a Word file cut short is refused as a damaged zip",
        "letter.docx: first half of a .docx", document("letter.docx", _docx_cut_short),
        ("letter.docx", "not a zip archive", "cut short")),
    Row("a zip without a Word document inside named .docx is refused",
        "archive.docx: a zip of notes.txt", document("archive.docx", _zip_without_word),
        ("archive.docx", "without a readable Word document", "save it as .docx again")),
    Row("an old Word .doc renamed .docx is refused with how to convert it",
        "old.docx: an OLE .doc", document("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)),
        ("old.docx", "old Word .doc", "save it as .docx")),
    Row("an unsupported file type is refused with the supported ones",
        "notes.rtf", document("notes.rtf", b"{\\rtf1 hello}"),
        ("notes.rtf", "unsupported file type '.rtf'", "supported: .csv, .docx")),
    Row("a file without an extension is refused with the supported ones",
        "README", document("README", GOOD.encode()),
        ("README", "unsupported file type '(none)'", "supported: .csv, .docx")),
    Row("a JSONL file without the text field says which setting to change",
        'rows.jsonl: {"body": ...}', document("rows.jsonl", b'{"body": "The harbour of Velmor."}\n' * 3),
        ("rows.jsonl", "3 line(s) have no string field 'text'", "Set data.text_field")),
    Row("a JSONL file of broken JSON names the first bad line and the format",
        "rows.jsonl: {not json", document("rows.jsonl", b"{not json\n{also not\n"),
        ("rows.jsonl", "2 line(s) are not valid JSON (first: line 1)", "one JSON object per line")),
    Row("a CSV file without the text column lists the columns it has",
        "table.csv: id,content", document("table.csv", b"id,content\n1,The harbour of Velmor is old.\n"),
        ("table.csv", "no column 'text'", "columns: id, content", "set data.text_field")),
    Row("a CSV file whose text column is empty says which setting to change",
        "table.csv: id,text,body with text empty", document("table.csv", b"id,text,body\n1,,Velmor\n2,  ,Quastra\n"),
        ("table.csv", "column 'text' is empty in every row", "columns: id, text, body", "data.text_field")),
    Row("UTF-16 cut in the middle of a character is refused",
        "notes.txt: UTF-16 BOM, odd length", document("notes.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"A"),
        ("notes.txt", "utf-16-le byte-order mark", "truncated data", "save it as UTF-8")),
    Row("UTF-16 with a lone surrogate is refused",
        "notes.txt: UTF-16 with U+D800 alone",
        document("notes.txt", codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le") + b"\x00\xd8" + b"a\x00"),
        ("notes.txt", "illegal UTF-16 surrogate", "save it as UTF-8")),
    Row("Latin-1 French in JSONL is read as Latin-1 and not as Czech",
        "french.jsonl: Latin-1", document("french.jsonl", ('{"text": "%s"}\n' % FRENCH).encode("latin-1")),
        ("french.jsonl", "ok", "enc=latin-1/cp1252")),
    Row("a short Latin-1 sentence that reads as well in Polish is refused with both readings",
        "spanish.txt: 'El niño comió piña en España.' in Latin-1",
        document("spanish.txt", "El niño comió piña en España.".encode("latin-1")),
        ("spanish.txt", "ambiguous legacy encoding", "El niño", "El nińo", "save it as UTF-8")),
    Row("a file mixing UTF-8 and Latin-1 lines names the first Latin-1 line",
        "mixed.txt: a UTF-8 line, then a Latin-1 line",
        document("mixed.txt", FRENCH.encode("utf-8") + b"\n" + FRENCH.encode("latin-1")),
        ("mixed.txt", "mixes encodings", "line 2 is not", "save the whole file as UTF-8")),
    Row("text shorter than data.min_chars names the setting",
        "hi.txt: 'hi'", document("hi.txt", b"hi"),
        ("hi.txt", "no text of at least 20 characters", "data.min_chars")),
    Row("a file over data.max_file_mb names the size and the setting",
        "huge.txt: one 2 MB line, data.max_file_mb: 1",
        document("huge.txt", b"word " * 400_000, max_file_mb=1),
        ("huge.txt", "file is 1.9 MB, over the 1 MB limit", "data.max_file_mb")),
    Row("a 3 MB single line under the size limit is read whole",
        "oneline.txt: one 3 MB line", document("oneline.txt", ONE_LINE * (3_000_000 // len(ONE_LINE))),
        ("oneline.txt", "ok", "1 docs")),
    Row("a symbolic link to a file outside the documents folder is refused and not read",
        "passwd.txt -> ../secret.txt", document("passwd.txt", _link_out),
        ("passwd.txt", "symbolic link to a file outside", "not read")),
    Row("a symbolic link to a folder outside the documents folder is reported rather than dropped",
        "elsewhere -> ../elsewhere/", document("elsewhere", _folder_link_out),
        ("elsewhere", "symbolic link to a folder outside", "not read")),
    # -- issue 28: hostile files
    Row("a .docx zip bomb is refused from its declared sizes before anything is unpacked",
        "bomb.docx: 5 MB of <w:p/> packed 600 times",
        document("bomb.docx", lambda p: docx_with_body(p, empty_paragraphs(5_000_000))),
        ("bomb.docx", "word/document.xml", "as a zip bomb does", "save it as PDF")),
    Row("a PDF whose content stream inflates past pypdf's limit is refused and the others go through",
        "bomb.pdf: 80 KB stream inflating to 80 MB",
        document("bomb.pdf", lambda p: p.write_bytes(pdf([pdf_bomb_stream()], "/Filter /FlateDecode "))),
        ("bomb.pdf", "page 1", "pypdf's safety limit", "export it as PDF again")),
    Row("a PDF page pointing at a missing object is called damaged, not a scan needing OCR",
        "broken.pdf: /Contents 9 0 R, no object 9",
        document("broken.pdf", minimal_pdf([GOOD[:80]]).replace(b"/Contents 4 0 R", b"/Contents 9 0 R")),
        ("broken.pdf", "damaged PDF: page 1", "export it as PDF again")),
    Row("a CSV quote that never closes is refused naming the line it opens on",
        'table.csv: 2,"The ferry... with no closing quote',
        document("table.csv", b'id,text\n1,The harbour of Velmor is old.\n2,"The ferry carries 40\n3,Quastra\n'),
        ("table.csv", "opened on line 3 never closes", 'double any " inside a quoted field')),
    Row("a file of zero-width characters is refused as having no visible text",
        "blank.txt: 12,000 of U+200B, U+200C, U+200D, U+2060",
        document("blank.txt", ("\u200b\u200c\u200d\u2060" * 3000).encode("utf-8")),
        ("blank.txt", "no visible text", "invisible characters", "U+200B")),
    Row("a FIFO inside the documents folder is reported and never opened",
        "pipe.txt: a FIFO (mkfifo)", document("pipe.txt", os.mkfifo),
        ("pipe.txt", "not a regular file (a FIFO)", "not read")),
    Row("a FIFO named in data.paths is refused by validate",
        "data.paths: [pipe], a FIFO",
        lambda tmp, capsys: [os.mkfifo(tmp / "pipe"),
                             (tmp / "config.yaml").write_text(f"data:\n  paths: [{tmp}/pipe]\n", encoding="utf-8"),
                             command("validate", "{tmp}/config.yaml")(tmp, capsys)][-1],
        ("data.paths[0]", "pipe is not a regular file or folder (a FIFO)", "give a file or folder of documents")),
]


def produce(row: Row, tmp: Path, capsys) -> str:
    tmp.mkdir(parents=True, exist_ok=True)
    message = row.produce(tmp, capsys)
    return message.replace(f"{tmp}/", "").replace(str(tmp), ".")


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_a_bad_input_gets_a_message_that_says_what_and_what_to_do(row, tmp_path, capsys):
    message = produce(row, tmp_path, capsys)
    missing = [fragment for fragment in row.expect if fragment not in message]
    assert not missing, f"{missing} not in: {message}"
    assert "Traceback" not in message and "pydantic" not in message


def test_the_catalogue_is_at_least_45_distinct_inputs():
    assert len(ROWS) >= 45
    assert len({row.id for row in ROWS}) == len({row.given for row in ROWS}) == len(ROWS)


def render(rows: list[tuple[Row, str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    head = [
        "# Bad inputs and what they get",
        "",
        "Generated from `tests/test_bad_inputs.py`, which asserts every row (the message names the setting or",
        "file, shows the value, says what is allowed or what to do, and no traceback escapes). Paths are shown",
        "relative to the folder the input was in. Regenerate after changing a row or a message:",
        "`ADAPT_WRITE_BAD_INPUTS_DOC=1 python -m pytest tests/test_bad_inputs.py`.",
        "",
        "| # | case | input | what the user sees |",
        "|---|---|---|---|",
    ]
    body = [f"| {n} | {cell(row.id)} | `{cell(row.given)}` | {cell(message)} |" for n, (row, message) in
            enumerate(rows, 1)]
    return "\n".join(head + body) + "\n"


def test_the_doc_lists_exactly_these_rows_and_messages(tmp_path, capsys):
    rendered = render([(row, produce(row, tmp_path / f"row{n}", capsys)) for n, row in enumerate(ROWS)])
    if os.environ.get("ADAPT_WRITE_BAD_INPUTS_DOC"):
        DOC.write_text(rendered, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == rendered, (
        "docs/bad_inputs.md is out of date: ADAPT_WRITE_BAD_INPUTS_DOC=1 pytest tests/test_bad_inputs.py")
