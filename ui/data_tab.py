"""Data: upload documents (or a zip, or pick an example domain), see what each file gave, and
whether the domain looks new to a model (the similarity pre-check).

What the user has chosen lives in the session's draft: its uploads folder (kept on disk under
the owner's staging area, so a reload keeps them) and the example domain, if any. Launching a
run in the Train tab moves the uploads into the run's own folder.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import gradio as gr

from adapt import bundled
from adapt.config import ConfigError, RunConfig
from adapt.fileio import read_json, write_json_atomic
from adapt.models import default_base_model, load_tokenizer
from adapt.preview import preview_corpus
from adapt.uploads import save_uploads
from ui.config_form import ConfigForm
from ui.i18n import Texts, say
from ui.received import split_received, upload_folder
from ui.session import Session

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


def build(texts: Texts, session_state: gr.BrowserState, preview_state: gr.State, blocks: gr.Blocks,
          form: ConfigForm):
    """The tab's components; returns wire(), which connects them once the Train tab has built the rest of
    `form`: the preview reads the form's data section, the same one the run is launched with."""
    texts.make(gr.Markdown, "data_intro", prop="value")
    with gr.Row():
        with gr.Column(scale=3):
            files = texts.make(gr.File, "data_upload", file_count="multiple", file_types=FILE_TYPES, height=140,
                               elem_id="data-upload")
            with gr.Row():
                example = texts.make(gr.Dropdown, "data_example", elem_id="data-example",
                                     choices=[("-", "")] + [(v, k) for k, v in EXAMPLE_DOMAINS.items()], value="")
                text_field = form.adopt("data.text_field", lambda value, _: texts.make(
                    gr.Textbox, "data_text_field", info="data_text_field_info", value=value,
                    elem_id="data-text-field"))
            clear = texts.make(gr.Button, "data_clear", prop="value", variant="secondary", size="sm", elem_id="data-clear")
        with gr.Column(scale=2):
            totals = gr.Markdown(elem_id="data-totals")
            precheck = gr.Markdown(elem_id="data-precheck")
    table = texts.make(gr.Dataframe, "data_files", headers=FILE_COLUMNS, interactive=False, wrap=True,
                       elem_id="data-files")
    texts.headers(table, FILE_COLUMNS)
    with gr.Row():
        doc_choice = texts.make(gr.Dropdown, "data_preview_doc", choices=[], scale=1, elem_id="data-preview-doc")
        doc_text = texts.make(gr.Textbox, "data_preview_text", lines=10, max_lines=20, interactive=False, scale=3,
                              elem_id="data-preview-text")

    def refresh(session: Session, data_values: tuple, progress):
        paths = draft_paths(session)
        refused = read_json(_refused_path(session), default=[]) or []
        if not paths:
            return None, *render_preview(None, session.lang, refused, session.run)
        try:
            section = RunConfig.from_dict({"data": form.section("data", list(data_values))}, source="the form").data
        except ConfigError as err:
            raise gr.Error(str(err), duration=None) from None
        progress(0, desc=say("data_reading", session.lang))
        name, tokenizer = _preview_tokenizer()
        preview = preview_corpus(paths, section, tokenizer=tokenizer, general_paths=bundled.GENERAL_HELDOUT,
                                 on_file=lambda done, total, name: progress((done, max(total, 1)), desc=name),
                                 on_precheck=lambda: progress(None, desc=say("data_prechecking", session.lang)))
        preview["tokenizer"] = name if tokenizer is not None else None
        return preview, *render_preview(preview, session.lang, refused)

    outputs = [preview_state, table, totals, precheck, doc_choice, doc_text]

    def on_upload(paths, value, request: gr.Request, profile: gr.OAuthProfile | None, progress=gr.Progress(),
                  *data_values):
        session = Session.load(value, request, profile)
        received, foreign = split_received(blocks, paths or [])
        if foreign:  # a path named by the caller, not an upload: refuse the whole call (issue 15)
            raise gr.Error(say("data_not_received", session.lang, files=", ".join(p.name for p in foreign[:10])))
        reports = save_uploads([(p, p.name) for p in received], session.uploads_dir(), received_in=upload_folder())
        refused = [f"{r.name}: {r.reason}" for r in reports if r.status != "ok"]
        if refused:
            gr.Warning(say("data_refused", session.lang, files="; ".join(refused[:10])))
        rows = (read_json(_refused_path(session), default=[]) or []) + [
            [r.name, say("data_error", session.lang), r.reason, 0, 0, "", "", 0] for r in reports if r.status != "ok"]
        write_json_atomic(_refused_path(session), rows)
        return None, session.dump(), *refresh(session, data_values, progress)

    def on_example(name, value, request: gr.Request, profile: gr.OAuthProfile | None, progress=gr.Progress(),
                   *data_values):
        session = Session.load(value, request, profile)
        session.example = name or None
        return session.dump(), *refresh(session, data_values, progress)

    def on_show(value, request: gr.Request, profile: gr.OAuthProfile | None, progress=gr.Progress(), *data_values):
        """Reload or first visit: show what this session's draft already holds."""
        session = Session.load(value, request, profile)
        return session.example or "", *refresh(session, data_values, progress)

    def on_clear(value, request: gr.Request, profile: gr.OAuthProfile | None, progress=gr.Progress(), *data_values):
        session = Session.load(value, request, profile)
        shutil.rmtree(session.uploads_dir(), ignore_errors=True)
        _refused_path(session).unlink(missing_ok=True)
        session.new_draft()
        return session.dump(), "", *refresh(session, data_values, progress)

    def on_doc(index, preview):
        if preview is None or index is None or index >= len(preview["documents"]):
            return ""
        return preview["documents"][index]["text"]

    def on_language(value, preview, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        refused = read_json(_refused_path(session), default=[]) or []
        rows, totals_text, precheck_text, _, _ = render_preview(preview, session.lang, refused, session.run)
        return rows, totals_text, precheck_text

    def wire():
        data = form.section_components("data")
        files.upload(on_upload, [files, session_state, *data], [files, session_state, *outputs])
        example.input(on_example, [example, session_state, *data], [session_state, *outputs])
        clear.click(on_clear, [session_state, *data], [session_state, example, *outputs])
        text_field.submit(on_show, [session_state, *data], [example, *outputs])
        doc_choice.change(on_doc, [doc_choice, preview_state], doc_text)
        return (on_show, [session_state, *data], [example, *outputs]), \
            (on_language, [session_state, preview_state], [table, totals, precheck])

    return wire
