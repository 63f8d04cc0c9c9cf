"""Data: upload documents (or a zip, or pick an example domain), see what each file gave, and
whether the domain looks new to a model (the similarity pre-check).

What the user has chosen lives in the session's draft: its uploads folder (kept on disk under
the owner's staging area, so a reload keeps them) and the example domain, if any. Launching a
run in the Train tab moves the uploads into the run's own folder.

The upload quota (ADAPT_UPLOAD_QUOTA_MB, default 1024) is the owner's, not the draft's: the draft
id comes from the caller, so it counts every draft in the owner's staging area and the uploads of
their runs still waiting to start. Clear removes everything the owner has staged, in every draft
(another browser of a signed-in user included), so the quota can always be freed.

The person's own questions with their expected answers (typed in a table, or a .jsonl / .csv) are
kept beside the draft's uploads folder, never in it, so they are never ingested as a document
(ui/user_questions.py); a run asks them at evaluation and never trains on them.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import gradio as gr

from adapt import bundled
from adapt.config import ConfigError, RunConfig
from adapt.fileio import read_json, write_json_atomic
from adapt.models import default_base_model, load_tokenizer
from adapt.preview import preview_corpus
from adapt.uploads import MB, QUOTA_LOCK, UploadLimits, save_uploads
from ui import user_questions
from ui.config_form import ConfigForm
from ui.i18n import Texts, say
from ui.received import split_received, upload_folder
from ui.registry import SESSION, Call, Registry, Wiring
from ui.session import Session, context

EXAMPLE_DOMAINS = {
    "lumen-isles": "Lumen Isles (English, fictional)",
    "kiriyama": "霧山郷 Kiriyama (日本語, fictional)",
    "demo": "Demo (English + 日本語, tiny)",
}
FILE_TYPES = [".txt", ".md", ".pdf", ".docx", ".html", ".htm", ".jsonl", ".csv", ".zip"]


def example_docs(name: str) -> Path:
    return bundled.EXAMPLES_DIR / "domains" / name / "docs"


def example_qa(name: str) -> Path | None:
    path = bundled.EXAMPLES_DIR / "domains" / name / "qa.jsonl"
    return path if path.is_file() else None


def draft_paths(session: Session) -> list[str]:
    paths = []
    uploads = session.uploads_dir()
    if any(uploads.iterdir()):
        paths.append(str(uploads))
    if session.example:
        paths.append(str(example_docs(session.example)))
    return paths


FILE_COLUMNS = ["file", "status", "reason", "documents", "characters", "tokens", "language", "duplicates removed"]


def render_preview(preview: dict | None, lang: str, refused: list[list] | None = None, last_run: str | None = None):
    """(files table, totals markdown, precheck markdown, document choices, the first document's text).
    `refused`: rows for uploads that were not taken (an empty file, a bad zip): a line per file."""
    refused = refused or []
    if not preview:
        empty = say("data_went_to_run", lang) if last_run else say("data_empty", lang)
        return refused, empty, "", gr.update(choices=[], value=None), ""
    rows = refused + [[f["name"], "ok" if f["status"] == "ok" else say("data_error", lang), f["reason"],
                       f["documents"], f["characters"], f["tokens"] if f["tokens"] is not None else "", f["language"],
                       f["exact_duplicates"] + f["near_duplicates"]] for f in preview["files"]]
    t = preview["totals"]
    totals = say("data_totals", lang, files_ok=t["files_ok"], files=t["files"], documents=t["documents"],
                 characters=f"{t['characters']:,}", tokens=f"{t['tokens']:,}" if t["tokens"] is not None else "?",
                 languages=", ".join(f"{k}: {v}" for k, v in t["languages"].items()) or "-",
                 exact=t["exact_duplicates"], near=t["near_duplicates"])
    if preview.get("tokenizer"):
        totals += f"  \n<small>{say('data_tokens_of', lang, model=preview['tokenizer'])}</small>"
    check = preview.get("precheck")
    if check:
        sim = check["similarity"]
        head = "⚠️ " if check["warning"] else "✅ "
        precheck = head + say("data_precheck", lang, centroid=sim["centroid_cosine"],
                              nearest=sim["mean_nearest_cosine"], message=check["message"])
    else:
        precheck = ""
    choices = [(f"{d['source']} — {d['title'] or d['text'][:40]}", i) for i, d in enumerate(preview["documents"])]
    # The first document's text goes with the new choices: the picker's change event does not fire when
    # its value stays 0, and the text of the previous corpus stayed on screen.
    first = preview["documents"][0]["text"] if preview["documents"] else ""
    return rows, totals, precheck, gr.update(choices=choices, value=0 if choices else None), first


def upload_limits() -> UploadLimits:
    """The limits, with the owner's quota from ADAPT_UPLOAD_QUOTA_MB (MB, default 1024)."""
    quota = os.environ.get("ADAPT_UPLOAD_QUOTA_MB", "").strip()
    if not quota:
        return UploadLimits()
    try:
        megabytes = float(quota)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < 10**9:  # also NaN and inf
        raise gr.Error(f"ADAPT_UPLOAD_QUOTA_MB is {quota[:40]!r}: the server's upload quota must be a number of "
                       "megabytes above 0 (default 1024); the operator sets it")
    return UploadLimits(max_total_bytes=int(megabytes * MB))


def waiting_uploads(session: Session) -> list[Path]:
    """The uploads of the owner's runs that have not started: still theirs to count against the quota."""
    jobs = context().jobs
    return [jobs.root / info.id / "uploads" for info in jobs.list(session.owner)
            if info.state in ("preparing", "queued")]


def clear_staging(session: Session) -> None:
    """Everything the owner has staged, every draft: what the quota counts."""
    root = session.staging_dir()
    for entry in (root.iterdir() if root.is_dir() else ()):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name != QUOTA_LOCK:
            entry.unlink(missing_ok=True)


def _refused_path(session: Session) -> Path:
    uploads = session.uploads_dir()
    return uploads.with_name(uploads.name + ".refused.json")


@functools.lru_cache(maxsize=1)
def _preview_tokenizer():
    """The default base model's tokenizer, so the token counts are the ones training will see."""
    name = default_base_model()
    try:
        return name, load_tokenizer(name)
    except Exception:  # noqa: BLE001 - counting tokens is a nicety; characters are shown regardless
        return None, None


def build(texts: Texts, registry: Registry, form: ConfigForm) -> None:
    """The tab's components; its events are wired by wire(), once the Train tab has built the rest of
    `form`: the preview reads the form's data section, the same one the run is launched with."""
    add = registry.add
    texts.make(gr.Markdown, "data_intro", prop="value")
    with gr.Row():
        with gr.Column(scale=3):
            add("data.files", texts.make(gr.File, "data_upload", file_count="multiple", file_types=FILE_TYPES,
                                         height=140, elem_id="data-upload"))
            with gr.Row():
                add("data.example", texts.make(gr.Dropdown, "data_example", elem_id="data-example",
                                               choices=[("-", "")] + [(v, k) for k, v in EXAMPLE_DOMAINS.items()],
                                               value=""))
                form.adopt("data.text_field", lambda value, _: texts.make(
                    gr.Textbox, "data_text_field", info="data_text_field_info", value=value,
                    elem_id="data-text-field"))
            add("data.clear", texts.make(gr.Button, "data_clear", prop="value", variant="secondary", size="sm",
                                         elem_id="data-clear"))
        with gr.Column(scale=2):
            add("data.totals", gr.Markdown(elem_id="data-totals"))
            add("data.precheck", gr.Markdown(elem_id="data-precheck"))
    add("data.table", texts.headers(texts.make(gr.Dataframe, "data_files", headers=FILE_COLUMNS, interactive=False,
                                               wrap=True, elem_id="data-files"), FILE_COLUMNS))
    with gr.Row():
        add("data.doc_choice", texts.make(gr.Dropdown, "data_preview_doc", choices=[], scale=1,
                                          elem_id="data-preview-doc"))
        add("data.doc_text", texts.make(gr.Textbox, "data_preview_text", lines=10, max_lines=20, interactive=False,
                                        scale=3, elem_id="data-preview-text"))
    with texts.make(gr.Accordion, "data_questions", open=False, elem_id="data-questions-accordion"):
        texts.make(gr.Markdown, "data_questions_intro", prop="value")
        add("data.questions", texts.headers(texts.make(
            gr.Dataframe, "data_questions_table", headers=user_questions.COLUMNS, value=user_questions.table([]),
            type="array", datatype="str", column_count=len(user_questions.COLUMNS), interactive=True, wrap=True,
            elem_id="data-questions"), user_questions.COLUMNS))
        with gr.Row():
            add("data.questions_save", texts.make(gr.Button, "data_questions_save", prop="value", variant="primary",
                                                  size="sm", elem_id="data-questions-save"))
            # Any file type: the handler names what it takes (a type filter here would refuse first, with
            # Gradio's words, before the app checks where the file came from).
            add("data.questions_file", texts.make(gr.File, "data_questions_file", file_count="multiple", height=90,
                                                  elem_id="data-questions-file"))
        add("data.questions_status", gr.Markdown(elem_id="data-questions-status"))


PREVIEW = ("preview", "data.table", "data.totals", "data.precheck", "data.doc_choice", "data.doc_text")
QUESTIONS = ("data.questions", "data.questions_status")


def saved_questions(session: Session) -> dict:
    """The draft's questions as the table and the line under it show them."""
    questions = user_questions.load(session.uploads_dir())
    return {"data.questions": user_questions.table(questions),
            "data.questions_status": user_questions.summary(questions, session.lang)}


def store_questions(session: Session, rows, preview: dict | None, problems: list[str] | None = None) -> dict:
    """Typed (and uploaded) rows checked and kept as the draft's questions. With a problem nothing is
    kept, and the table stays as it was typed, to be fixed; a named document the corpus does not
    have is only a note."""
    questions, found = user_questions.parse_rows(rows, session.lang)
    problems = (problems or []) + found
    if problems:
        return {"data.questions": user_questions.filled(rows) + user_questions.table([]),
                "data.questions_status": "\n".join([say("data_questions_not_saved", session.lang),
                                                    *(f"- {p}" for p in problems[:20])])}
    user_questions.save(session.uploads_dir(), questions)
    notes = user_questions.unknown_documents(questions, (preview or {}).get("documents") or [], session.lang)
    shown = saved_questions(session)
    if notes:
        shown["data.questions_status"] += "\n\n" + "\n".join([say("data_questions_notes", session.lang),
                                                               *(f"- {n}" for n in notes[:20])])
    return shown


def wire(registry: Registry, form: ConfigForm, blocks: gr.Blocks) -> tuple[Wiring, Wiring]:
    """The tab's events; returns the wirings for a page load and for a language switch."""
    data_ids = tuple(form.section_ids("data"))

    def refresh(call: Call) -> dict:
        session, progress = call.session, call.progress
        paths = draft_paths(session)
        refused = read_json(_refused_path(session), default=[]) or []
        if not paths:
            return dict(zip(PREVIEW, (None, *render_preview(None, session.lang, refused, session.run))))
        try:
            values = [call[key] for key in data_ids]
            section = RunConfig.from_dict({"data": form.section("data", values)}, source="the form").data
        except ConfigError as err:
            raise gr.Error(str(err), duration=None) from None
        progress(0, desc=say("data_reading", session.lang))
        name, tokenizer = _preview_tokenizer()
        preview = preview_corpus(paths, section, tokenizer=tokenizer, general_paths=bundled.GENERAL_HELDOUT,
                                 on_file=lambda done, total, name: progress((done, max(total, 1)), desc=name),
                                 on_precheck=lambda: progress(None, desc=say("data_prechecking", session.lang)))
        preview["tokenizer"] = name if tokenizer is not None else None
        return dict(zip(PREVIEW, (preview, *render_preview(preview, session.lang, refused))))

    def on_upload(call: Call) -> dict:
        session = call.session
        received, foreign = split_received(blocks, call["data.files"] or [])
        if foreign:  # a path named by the caller, not an upload: refuse the whole call (issue 15)
            raise gr.Error(say("data_not_received", session.lang, files=", ".join(p.name for p in foreign[:10])))
        reports = save_uploads([(p, p.name) for p in received], session.uploads_dir(), received_in=upload_folder(),
                               limits=upload_limits(), quota_root=session.staging_dir(),
                               also_counted=waiting_uploads(session))
        refused = [f"{r.name}: {r.reason}" for r in reports if r.status != "ok"]
        if refused:
            gr.Warning(say("data_refused", session.lang, files="; ".join(refused[:10])))
        rows = (read_json(_refused_path(session), default=[]) or []) + [
            [r.name, say("data_error", session.lang), r.reason, 0, 0, "", "", 0] for r in reports if r.status != "ok"]
        write_json_atomic(_refused_path(session), rows)
        return {"data.files": None, SESSION: session.dump(), **refresh(call)}

    def on_example(call: Call) -> dict:
        call.session.example = call["data.example"] or None
        return {SESSION: call.session.dump(), **refresh(call)}

    def on_show(call: Call) -> dict:
        """Reload or first visit: show what this session's draft already holds."""
        return {"data.example": call.session.example or "", **refresh(call), **saved_questions(call.session)}

    def on_clear(call: Call) -> dict:
        session = call.session
        clear_staging(session)
        session.new_draft()
        return {SESSION: session.dump(), "data.example": "", **refresh(call), **saved_questions(session)}

    def on_questions_save(call: Call) -> dict:
        return store_questions(call.session, call["data.questions"], call["preview"])

    def on_questions_upload(call: Call) -> dict:
        session, value = call.session, call["data.questions_file"]
        paths = [value] if isinstance(value, str) else [p for p in value or [] if isinstance(p, str)]
        received, foreign = split_received(blocks, paths)
        if foreign:  # a path named by the caller, not an upload (issue 15)
            raise gr.Error(say("data_not_received", session.lang, files=", ".join(p.name for p in foreign[:10])))
        rows, problems = [], []
        for path in received:
            # Gradio keeps the uploaded file's own name as the last part of the path it stored it at.
            found, wrong = user_questions.read_file(path, path.name, session.lang)
            rows, problems = rows + found, problems + wrong
        typed = user_questions.filled(call["data.questions"])
        return {"data.questions_file": None, **store_questions(session, typed + rows, call["preview"], problems)}

    def on_doc(call: Call) -> dict:
        preview, index = call["preview"], call["data.doc_choice"]
        if preview is None or index is None or index >= len(preview["documents"]):
            return {"data.doc_text": ""}
        return {"data.doc_text": preview["documents"][index]["text"]}

    def on_language(call: Call) -> dict:
        session = call.session
        refused = read_json(_refused_path(session), default=[]) or []
        rows, totals, precheck, _, _ = render_preview(call["preview"], session.lang, refused, session.run)
        questions = user_questions.summary(user_questions.load(session.uploads_dir()), session.lang)
        return {"data.table": rows, "data.totals": totals, "data.precheck": precheck,
                "data.questions_status": questions}

    registry.on(registry["data.files"].upload, on_upload, ("data.files", *data_ids),
                ("data.files", SESSION, *PREVIEW), progress=True)
    registry.on(registry["data.example"].input, on_example, ("data.example", *data_ids), (SESSION, *PREVIEW),
                progress=True)
    registry.on(registry["data.clear"].click, on_clear, data_ids, (SESSION, "data.example", *PREVIEW, *QUESTIONS),
                progress=True)
    registry.on(registry["cfg.data.text_field"].submit, on_show, data_ids, ("data.example", *PREVIEW, *QUESTIONS),
                progress=True)
    registry.on(registry["data.questions_save"].click, on_questions_save, ("data.questions", "preview"), QUESTIONS)
    registry.on(registry["data.questions_file"].upload, on_questions_upload,
                ("data.questions_file", "data.questions", "preview"), ("data.questions_file", *QUESTIONS))
    registry.on(registry["data.doc_choice"].change, on_doc, ("data.doc_choice", "preview"), ("data.doc_text",))
    return (Wiring(on_show, data_ids, ("data.example", *PREVIEW, *QUESTIONS), progress=True),
            Wiring(on_language, ("preview",), ("data.table", "data.totals", "data.precheck",
                                               "data.questions_status")))
