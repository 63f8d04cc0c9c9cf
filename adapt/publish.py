"""Publishing a run's result: a model card, a folder ready to upload, a zip, a push to the Hub.

    run_dir/export/adapter/         the LoRA adapter + tokenizer + README.md (the card)
    run_dir/export/merged/          base model with the adapter merged in (LoRA runs)
    run_dir/export/model/           the fully fine-tuned model (full runs: both kinds mean this)
    run_dir/export/<run>-<kind>.zip

The run's own result folder is never changed: exports are copies (hard links where the file system
allows, so a full model does not take its disk space twice). Nothing secret and no local path goes
into an export: the card names the base model by file name only, adapter_config.json likewise, and
the Trainer's pickled arguments (which hold local paths) stay behind.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Callable

from huggingface_hub import HfApi, ModelCard, ModelCardData
from huggingface_hub.errors import HfHubHTTPError, HTTPError, OfflineModeIsEnabled

from adapt.blend import kept_sentence
from adapt.bundled import MODELS as BUNDLED_MODELS
from adapt.config import ConfigError, RunConfig
from adapt.data.questions import QUESTION_SPLITS, SPLIT_NAMES, share_with_range
from adapt.fileio import PRIVATE_FILE_MODE, read_json, write_json_atomic, write_text_atomic
from adapt.models import ModelNotAvailable, load_for_inference, rope_overrides
from adapt.rundir import RunDir
from adapt.secrets import redact, register_secret
from adapt.views import Report

log = logging.getLogger("adapt")
Progress = Callable[[str], None]

KINDS = ("adapter", "merged")
# Not shipped: the Trainer's pickled arguments (local paths; unpickling runs code) and the card that
# peft writes (its metadata holds the local base path); ours replaces it.
_LEFT_BEHIND = {"training_args.bin", "README.md"}
_NAME_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?"
_REPO_ID = re.compile(rf"^(?:{_NAME_PART}/)?{_NAME_PART}$")
# An absolute path in free text (not the tail of a URL): replaced by its file name.
_ABSOLUTE_PATH = re.compile(r"(?<![\w.:/-])/(?:[^\s/`'\"|()\[\]<>]+/)+[^\s/`'\"|()\[\]<>]*")
REPO_ID_RULE = "owner/name or name, with letters, digits, '-', '_' and '.' (at most 96 characters per part)"


class PublishError(RuntimeError):
    """Publishing failed; the message says why and what to do, and never holds a token."""


# ---- what the run holds ----------------------------------------------------------------------
def _config(run: RunDir) -> RunConfig:
    try:
        return run.load_config()
    except ConfigError as err:
        raise PublishError(f"This run cannot be published: {err}") from None


def export_kind(config: RunConfig, kind: str) -> str:
    """The folder name under export/: 'adapter' or 'merged' for LoRA runs, 'model' for full ones."""
    if kind not in KINDS:
        raise PublishError(f"Choose what to publish: 'adapter' or 'merged', not '{kind}'.")
    return "model" if config.model.method == "full" else kind


def _final_dir(run: RunDir) -> Path:
    path = run.output_path("final")
    if path is None or not path.is_dir():
        raise PublishError("This run has no trained model yet: publish it once training has finished.")
    return path


def hub_base_id(base: str) -> str | None:
    """The base model as a Hub id (owner/name): a bundled model's upstream original, or None for a
    bundled model of our own or a local directory."""
    if base in BUNDLED_MODELS:
        return BUNDLED_MODELS[base].upstream
    if base.startswith(("/", ".", "~")) or "/" not in base:
        return None
    return base if _REPO_ID.match(base) else None


def _base_name(base: str) -> str:
    """How an export may name the base: its Hub id, else only its folder name (never a local path)."""
    return hub_base_id(base) or PurePosixPath(base).name


def _public(text: str) -> str:
    return _ABSOLUTE_PATH.sub(lambda m: PurePosixPath(m.group(0)).name, redact(text))


# ---- the model card --------------------------------------------------------------------------
def build_model_card(run: RunDir, repo_id: str | None = None, kind: str = "adapter") -> ModelCard:
    """The README.md of an export: metadata for the Hub, what was trained on what, how it scored."""
    config = _config(run)
    kind = export_kind(config, kind)
    repo_id = check_repo_id(repo_id) if repo_id else None
    stats = read_json(run.stats_path, default={}) or {}
    report = run.read_report()
    bundled = BUNDLED_MODELS.get(config.model.base)
    data = ModelCardData(
        base_model=hub_base_id(config.model.base),
        license=bundled.license if bundled else None,
        library_name="peft" if kind == "adapter" else "transformers",
        language=[code for code in stats.get("languages", {}) if len(code) == 2] or None,
        pipeline_tag="text-generation",
        tags=_tags(run, config, kind),
    )
    title = (repo_id or config.name).split("/")[-1]
    sections = [f"# {title}", _intro(run, config, kind), _headline(report), _usage(config, kind, repo_id),
                _data_section(run, stats), _recipe_section(run, config), _evaluation_section(run),
                "Made with Domain Adapter."]
    body = _public("\n\n".join(s for s in sections if s))
    return ModelCard(f"---\n{data.to_yaml()}\n---\n\n{body}\n")


def _tags(run: RunDir, config: RunConfig, kind: str) -> list[str]:
    tags = ["domain-adaptation"]
    if run.stage_state("cpt") == "done":
        tags.append("continued-pretraining")
    if run.stage_state("sft") == "done":
        tags.append("sft")
    tags.append("lora" if config.model.method == "lora" else "full-fine-tuning")
    if kind == "merged":
        tags.append("merged-lora")
    return tags + ["domain-adapter"]


def _intro(run: RunDir, config: RunConfig, kind: str) -> str:
    base = config.model.base
    hub_id = hub_base_id(base)
    if base in BUNDLED_MODELS and hub_id:
        bundled = BUNDLED_MODELS[base]
        base_text = f"[{hub_id}](https://huggingface.co/{hub_id}) (license {bundled.license}; {bundled.copy_note})"
    elif hub_id:
        base_text = f"[{base}](https://huggingface.co/{base})"
    elif base in BUNDLED_MODELS:
        base_text = f"`{base}` (the small model bundled with Domain Adapter)"
    else:
        base_text = f"`{_base_name(base)}` (a local model, not on the Hub)"
    what = {"adapter": f"A LoRA adapter for {base_text}",
            "merged": f"{base_text} with a LoRA adapter merged into its weights",
            "model": f"A full fine-tune of {base_text}"}[kind]
    steps = [text for stage, text in (("cpt", "continued pretraining (CPT) on the domain's documents"),
                                      ("sft", "instruction tuning (SFT)")) if run.stage_state(stage) == "done"]
    return f"{what}, adapted to a new domain by {' followed by '.join(steps) or 'training'}."


def _final_model(values) -> str | None:
    return next((m for m in ("sft", "cpt") if m in values), None)


def _headline(report: Report | None) -> str | None:
    if report is None:
        return None
    labels = {"sft": "after SFT", "cpt": "after CPT"}
    parts = []
    # The user's own questions first, then three numbers of the generator's, never one: only facts that
    # were never asked in training measure knowledge.
    for theirs in (True, False):
        for split in QUESTION_SPLITS:
            qa = (report.user_qa if theirs else report.qa).get(split) or {}
            final = _final_model(qa)
            if final and "base" in qa and None not in (qa["base"].fact_match, qa[final].fact_match):
                name = f"the user's own questions ({split})" if theirs else SPLIT_NAMES[split]["en"]
                count = "" if theirs else f", {qa[final].questions} questions"
                parts.append(f"{name}: fact match {qa['base'].fact_match:.0%} (base) → "
                             f"{share_with_range(qa[final].fact_match, qa[final].questions)} ({labels[final]}{count})")
    for values, label in ((report.heldout_domain, "held-out domain perplexity"),
                          (report.general, "general-text perplexity")):
        final = _final_model(values)
        if final and "base" in values:
            change = values[final].change_pct
            parts.append(f"{label} {values['base'].perplexity:.2f} → {values[final].perplexity:.2f}"
                         + (f" ({change:+.1f}%)" if change is not None else ""))
    kept = kept_sentence(report.raw.get("keep_share"))
    if kept:
        parts.append(kept)
    general = report.general_questions
    final = _final_model(general.by_model) if general else None
    if final and general.base_right:
        # Retention, not accuracy: a question the base never answered says nothing about forgetting.
        parts.append(f"general questions: of the {general.base_right} (of {general.questions}) the base answered, "
                     f"{general.by_model[final].kept} still answered {labels[final]} "
                     f"({general.kept_share(final):.0%})")
    return "**Headline:** " + "; ".join(parts) + "." if parts else None


def _usage(config: RunConfig, kind: str, repo_id: str | None) -> str:
    where = repo_id or "path/to/this/folder"
    remote = ", trust_remote_code=True" if config.model.trust_remote_code else ""
    if kind == "adapter":
        base = hub_base_id(config.model.base) or f"path/to/{_base_name(config.model.base)}"
        loading = _base_loading(config, base, remote)
        classes = "AutoConfig, AutoModelForCausalLM" if "AutoConfig" in loading[0] else "AutoModelForCausalLM"
        lines = ["from peft import PeftModel", f"from transformers import {classes}, AutoTokenizer", "", *loading,
                 f'model = PeftModel.from_pretrained(base, "{where}")']
    else:
        lines = ["from transformers import AutoModelForCausalLM, AutoTokenizer", "",
                 f'model = AutoModelForCausalLM.from_pretrained("{where}"{remote})']
    lines += [f'tokenizer = AutoTokenizer.from_pretrained("{where}"{remote})', "",
              'messages = [{"role": "user", "content": "Your question about the domain"}]',
              "inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True, "
              'return_tensors="pt")',
              "output = model.generate(**inputs, max_new_tokens=200)",
              'print(tokenizer.decode(output[0][inputs["input_ids"].shape[-1]:], skip_special_tokens=True))']
    return "## Usage\n\n```python\n" + "\n".join(lines) + "\n```"


def _base_loading(config: RunConfig, base: str, remote: str) -> list[str]:
    """Loading the base as it was trained: with a stretched RoPE the adapter only fits the same stretch."""
    plain = [f'base = AutoModelForCausalLM.from_pretrained("{base}"{remote})']
    if not config.model.rope_target_length:
        return plain

    try:
        stretch = rope_overrides(config.model.base, config.model.rope_target_length, config.model.trust_remote_code)
    except ModelNotAvailable:
        return [f"# trained on the base with its RoPE theta raised for {config.model.rope_target_length} tokens "
                "of context: load it the same way", *plain]
    if stretch is None:
        return plain
    return [f'config = AutoConfig.from_pretrained("{base}"{remote})',
            f"config.max_position_embeddings = {stretch['max_position_embeddings']}  # trained with a longer context",
            f'config.rope_parameters = {{**config.rope_parameters, "rope_theta": {stretch["rope_theta"]!r}}}',
            f'base = AutoModelForCausalLM.from_pretrained("{base}", config=config{remote})']


def _data_section(run: RunDir, stats: dict) -> str | None:
    if not stats:
        return None
    lines = ["## Training data", "",
             f"- **Documents:** {stats.get('documents', 0):,} ({stats.get('train_documents', 0):,} for training, "
             f"{stats.get('heldout_documents', 0):,} held out for evaluation), {stats.get('characters', 0):,} "
             f"characters, {stats.get('tokens', 0):,} tokens",
             "- **Languages:** " + (", ".join(f"{k} {v}" for k, v in stats.get("languages", {}).items()) or "–"),
             f"- **Duplicates removed:** {stats.get('exact_duplicates', 0):,} exact, "
             f"{stats.get('near_duplicates', 0):,} near"]
    mixture = read_json(run.mixture_path, default=None)
    if mixture and mixture.get("total_tokens"):
        share = mixture.get("share", {})
        lines.append(f"- **CPT mixture:** {mixture['total_tokens']:,} tokens: raw {share.get('raw', 0):.0%}, "
                     f"synthetic {share.get('augmented', 0):.0%}, replay of general text {share.get('replay', 0):.0%}")
    sft = read_json(run.sft_mixture_path, default=None)
    if sft and sft.get("conversations"):
        lines.append(f"- **SFT conversations** ({sft.get('variant')}): " + ", ".join(
            f"{k} {v:,}" for k, v in sft["conversations"].items()))
    return "\n".join(lines)


def _recipe_section(run: RunDir, config: RunConfig) -> str:
    model = config.model
    if model.method == "lora":
        targets = model.lora.target_modules
        method = (f"LoRA (r {model.lora.r}, alpha {model.lora.alpha:g}, dropout {model.lora.dropout:g}, targets "
                  f"{targets if isinstance(targets, str) else ', '.join(targets)})")
    else:
        method = "full fine-tuning"
    lines = ["## Training recipe", "", f"- **Method:** {method}, precision {model.precision}",
             f"- **Synthetic data:** {_synthetic(run, config)}",
             f"- **Replay:** {config.mix.replay_ratio:.0%} of CPT tokens from general text (against forgetting)",
             f"- **SFT variant:** {config.sft.variant}"]
    if model.rope_target_length:
        lines.append(f"- **Context:** RoPE extended to {model.rope_target_length:,} tokens")
    stages = (("CPT", "cpt", config.cpt), ("SFT", "sft", config.sft))
    status = run.status().get("stages") or {}
    lines += ["", "| | " + " | ".join(label for label, _, _ in stages) + " |", "|---|---|---|"]

    def row(title: str, cell: Callable) -> str:
        cells = [cell(section, status.get(key) or {}) if (status.get(key) or {}).get("state") == "done" else "skipped"
                 for _, key, section in stages]
        return f"| {title} | " + " | ".join(cells) + " |"

    lines += [
        row("length", lambda s, st: f"{s.max_steps} steps max" if s.max_steps else f"{s.epochs:g} epochs"),
        row("steps trained", lambda s, st: f"{st.get('step', '–')}"),
        row("learning rate", lambda s, st: f"{s.learning_rate:g} ({s.lr_scheduler}, warmup {s.warmup_ratio:.0%})"),
        row("context length", lambda s, st: f"{s.context_length:,}"),
        row("batch (micro × accumulation)", lambda s, st: f"{s.micro_batch_size} × {s.grad_accum}"),
        row("final loss", lambda s, st: f"{st['loss']:.4f}" if isinstance(st.get("loss"), float) else "–"),
    ]
    return "\n".join(lines)


def _synthetic(run: RunDir, config: RunConfig) -> str:
    """What the generator really wrote per category; what was asked for when it has not run."""
    augment = config.augment
    if not augment.enabled:
        return "off"
    summary = read_json(run.augment_summary_path, default=None) or {}
    if not summary.get("categories"):
        return f"{augment.backend} generator; asked for " + ", ".join(
            f"{name} ×{count}" for name, count in augment.categories.items() if count)
    text = f"{summary.get('backend', augment.backend)} generator, items written: " + ", ".join(
        f"{name} {entry['items']:,}" for name, entry in summary["categories"].items())
    if summary.get("unsupported_by_backend"):
        text += f" (not possible with this generator: {', '.join(summary['unsupported_by_backend'])})"
    return text


def _evaluation_section(run: RunDir) -> str:
    path = run.report_markdown_path
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    return "## Evaluation\n\nThis run has not been evaluated."


# ---- export folders ----------------------------------------------------------------------------
def prepare_export(run: RunDir, kind: str, repo_id: str | None = None, progress: Progress | None = None) -> Path:
    """run_dir/export/<kind>/: the result as it will be uploaded, with the model card as README.md.

    The files are rebuilt only when the run's result changed since the last export (a merge can take
    minutes); the card is written every time, since it names the repository and the latest report."""
    with _export_lock(run, kind):
        return _prepare(run, kind, repo_id, progress)


@contextmanager
def _export_lock(run: RunDir, kind: str):
    """One export of a kind at a time per run (the app serves several requests at once): another push
    would rewrite the card, or rebuild the folder, under an upload or a zip that is reading it."""
    folder = run.path / "export"
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / f".{export_kind(_config(run), kind)}.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _prepare(run: RunDir, kind: str, repo_id: str | None, progress: Progress | None) -> Path:
    config = _config(run)
    folder = export_kind(config, kind)
    source = _final_dir(run)
    target = run.path / "export" / folder
    if folder == "merged":
        stamp = {"source": _fingerprint(source), "model": config.model.model_dump(mode="json")}
        _build_once(target, stamp, lambda out: _merge(config, source, out, progress))
    else:
        _build_once(target, {"source": _fingerprint(source)}, lambda out: _mirror(config, source, out, folder))
    card = build_model_card(run, repo_id=repo_id, kind=kind)
    write_text_atomic(target / "README.md", str(card))
    return target


def _fingerprint(folder: Path) -> list:
    return sorted([str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns]
                  for p in folder.rglob("*") if p.is_file())


def _build_once(target: Path, stamp: dict, build: Callable[[Path], None]) -> None:
    """Build `target` in a temporary sibling and rename it into place, then record what it was built
    from: a killed build never looks complete, and an unchanged source is never built twice."""
    stamp_path = target.parent / f".{target.name}.source.json"
    stamp = json.loads(json.dumps(stamp))  # as it reads back from disk, for the comparison
    if target.is_dir() and read_json(stamp_path) == stamp:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        build(tmp)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    write_json_atomic(stamp_path, stamp)


def _shipped_files(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*") if p.is_file() and p.name not in _LEFT_BEHIND)


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)  # files we change later are replaced (new inode), never written through a link
    except OSError:
        shutil.copy2(src, dst)


def _mirror(config: RunConfig, source: Path, out: Path, kind: str) -> None:
    for path in _shipped_files(source):
        _link_or_copy(path, out / path.relative_to(source))
    if kind == "adapter":
        _rewrite_json(out / "adapter_config.json", base_model_name_or_path=_base_name(config.model.base))
    else:
        # load_model switches the cache off for training and the Trainer saved it so; generation wants it.
        _rewrite_json(out / "config.json", use_cache=True)


def _rewrite_json(path: Path, **changes) -> None:
    if path.is_file():
        write_json_atomic(path, {**json.loads(path.read_text(encoding="utf-8")), **changes})


def _merge(config: RunConfig, adapter: Path, out: Path, progress: Progress | None) -> None:
    from peft import PeftModel

    _say(progress, "Merging the adapter into the base model (this loads the whole model)")
    model = config.model
    try:
        base = load_for_inference(model.base, dtype="auto",  # the merged model keeps the base's stored precision
                                  attn=model.attn_implementation, trust_remote_code=model.trust_remote_code,
                                  overrides=rope_overrides(model.base, model.rope_target_length,
                                                           model.trust_remote_code))
    except ModelNotAvailable as err:
        raise PublishError(f"The merged model needs the base model, which is not available here: {err}") from None
    merged = PeftModel.from_pretrained(base, str(adapter)).merge_and_unload()
    merged.save_pretrained(str(out))
    for path in _shipped_files(adapter):  # the tokenizer files, exactly as training saved them
        if not path.name.startswith("adapter_"):
            _link_or_copy(path, out / path.relative_to(adapter))


def export_zip(run: RunDir, kind: str) -> Path:
    """run_dir/export/<run>-<kind>.zip of the export folder, its files at the top of the archive."""
    with _export_lock(run, kind):
        folder = _prepare(run, kind, None, None)
        target = folder.parent / f"{run.path.name}-{folder.name}.zip"
        tmp = target.with_name(f".{target.name}.tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                # Weights barely compress, and deflating gigabytes takes minutes.
                store = path.suffix in (".safetensors", ".bin")
                archive.write(path, path.relative_to(folder).as_posix(),
                              compress_type=zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED)
        os.replace(tmp, target)
    return target


# ---- the Hub -----------------------------------------------------------------------------------
def check_repo_id(repo_id: str) -> str:
    repo_id = (repo_id or "").strip()
    if not _REPO_ID.match(repo_id) or "--" in repo_id or ".." in repo_id:
        raise PublishError(f"'{redact(repo_id)}' is not a valid repository name: use {REPO_ID_RULE}.")
    return repo_id


def push_to_hub(run: RunDir, repo_id: str, token: str | None, private: bool, kind: str,
                progress: Progress | None = None) -> str:
    """Upload the run's adapter, merged model or full model to a Hub model repository; returns its URL.

    Only the token given is used: in a shared app, falling back to the machine's own (HF_TOKEN, a
    stored login) would let a visitor publish under the owner's name. The endpoint is HF_ENDPOINT, as
    huggingface_hub reads it."""
    token = (token or "").strip()
    if not token:
        raise PublishError("Sign in to Hugging Face (or set HF_TOKEN) to publish: no access token was given.")
    register_secret(token)
    repo_id = check_repo_id(repo_id)
    what = export_kind(_config(run), kind)
    _final_dir(run)
    api = HfApi(token=token)
    with _hub_errors(api.endpoint, repo_id, "check your sign-in"):
        user = api.whoami()["name"]
    full_id = repo_id if "/" in repo_id else f"{user}/{repo_id}"
    with _export_lock(run, kind):
        _say(progress, f"Preparing the {what} export")
        folder = _prepare(run, kind, full_id, progress)
        with _hub_errors(api.endpoint, full_id, "create the repository"):
            url = api.create_repo(full_id, private=private, exist_ok=True, repo_type="model")
        with _hub_errors(api.endpoint, full_id, "upload"):
            _match_visibility(api, full_id, private, progress)
            files = [p for p in folder.rglob("*") if p.is_file()]
            size = sum(p.stat().st_size for p in files)
            _say(progress, f"Uploading {len(files)} files ({size / 1e6:.1f} MB) to {full_id}")
            api.upload_folder(repo_id=full_id, folder_path=str(folder), repo_type="model",
                              commit_message=f"Upload {what} from Domain Adapter run {run.path.name}")
    _say(progress, f"Published: {url}")
    return str(url)


def _match_visibility(api, repo_id: str, private: bool, progress: Progress | None) -> None:
    """create_repo leaves an existing repository as it is. Making it private is always safe; making a
    private one public is a decision for its owner on the Hub, not a side effect of an upload."""
    if bool(api.model_info(repo_id).private) == private:
        return
    if private:
        api.update_repo_settings(repo_id, private=True, repo_type="model")
        _say(progress, f"{repo_id} existed as a public repository; it is private now")
    else:
        _say(progress, f"{repo_id} already exists as a private repository and stays private; "
                       "change its visibility on the Hub if you want it public")


@contextmanager
def _hub_errors(endpoint: str, repo_id: str, doing: str):
    """huggingface_hub's exceptions as one sentence that says what to do."""
    try:
        yield
    except OfflineModeIsEnabled:
        raise PublishError("Publishing needs the Hugging Face Hub, but HF_HUB_OFFLINE is set: unset it and "
                           "try again.") from None
    except HfHubHTTPError as err:
        status = err.response.status_code if err.response is not None else None
        raise PublishError(_refusal(status, repo_id, doing)) from None
    except HTTPError as err:  # connection refused, DNS, TLS, timeouts
        raise PublishError(f"The Hugging Face Hub cannot be reached at {redact(endpoint)} ({type(err).__name__}): "
                           "check the internet connection (or HF_ENDPOINT) and try again.") from None
    except ValueError as err:  # what huggingface_hub makes of a refused README metadata check
        raise PublishError(f"The Hugging Face Hub refused to {doing}: {redact(' '.join(str(err).split()))}") from None


def _refusal(status: int | None, repo_id: str, doing: str) -> str:
    if status == 401:
        return ("Hugging Face did not accept the access token: sign in again, or set HF_TOKEN to a valid token "
                "from https://huggingface.co/settings/tokens.")
    if status == 403:
        return (f"Your token may not write to '{repo_id}': use a token with write access, under your user name or "
                "an organization you can write to.")
    if status == 400 and doing == "create the repository":
        return f"The Hub refused the repository name '{repo_id}': use {REPO_ID_RULE}."
    if status == 404:
        return f"The repository '{repo_id}' was not found on the Hub: check its name, or create it first."
    if status == 429:
        return "The Hugging Face Hub is rate-limiting this account: wait a few minutes and try again."
    if status is not None and status >= 500:
        return f"The Hugging Face Hub failed (HTTP {status}) trying to {doing}: try again in a few minutes."
    return f"The Hugging Face Hub refused to {doing} for '{repo_id}' (HTTP {status}): check the repository and token."


def _say(progress: Progress | None, message: str) -> None:
    message = redact(message)
    log.info("publish: %s", message)
    if progress is not None:
        progress(message)
