"""What the issue-28 tester typed that the one-line catalogue (tests/test_bad_inputs.py) cannot show:
what a refusal costs, what a file name can do to a terminal, and a message that comes from a
real training stage."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

from adapt.cli import main
from adapt.config import ConfigError, RunConfig
from conftest import make_config, run_cli
from corpus import english_documents
from test_bad_inputs import ALIAS_BOMB


def test_an_alias_bomb_is_refused_at_once_and_its_value_is_never_printed_whole(tmp_path, capsys):
    (tmp_path / "bomb.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    # Memory, not seconds (a slow machine must not fail it): expanding the bomb took 231 s and 3.3 GB.
    tracemalloc.start()
    assert main(["validate", str(tmp_path / "bomb.yaml")]) == 2
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 2**20, peak
    assert len(capsys.readouterr().err) < 500
    # The same shape built in Python (a config the app's form could never send, but a library caller
    # could): the message shows a few items, not 387 million.
    value: list = ["lol"] * 9
    for _ in range(8):
        value = [value] * 9
    tracemalloc.start()
    try:
        RunConfig.from_dict({"cpt": {"learning_rate": value}})
    except ConfigError as err:
        message = str(err)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 2**20, peak
    assert "cpt.learning_rate: got [[[" in message and len(message) < 400


def test_file_names_cannot_forge_lines_or_colour_the_terminal(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = english_documents()["Velmor"]
    forged = "x.txt: 1 docs\nok     all-good.txt: 99 docs, 1 chars.txt"
    coloured = "\x1b[32mgreen\x1b[0m.txt"
    (docs / forged).write_text(text, encoding="utf-8")
    (docs / coloured).write_text(text, encoding="utf-8")
    assert main(["ingest", str(docs)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    lines = out.splitlines()
    assert not any(line.startswith("ok     all-good.txt") for line in lines), out
    assert sum(line.startswith("ok ") for line in lines) == 2
    assert any("\\x1b[32mgreen\\x1b[0m.txt" in line for line in lines)
    assert any("x.txt: 1 docs\\nok     all-good.txt" in line for line in lines)


def test_a_context_too_short_for_any_answer_names_the_setting(tmp_path, tiny_model, corpus_dir, sft_file):
    """sft.context_length: 16 cuts every conversation to its prompt: it said only "sft: nothing to
    train on"."""
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file,
                         augment={"enabled": False}, cpt={"enabled": False},
                         sft={"context_length": 16}, eval={"enabled": False, "precheck": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "sft.context_length (16 tokens)" in result.stderr and "raise sft.context_length" in result.stderr, \
        result.stderr[-2000:]
    (run,) = (tmp_path / "runs").iterdir()
    status = json.loads((run / "status.json").read_text())
    assert status["state"] == "failed" and "sft.context_length" in status["stages"]["sft"]["error"]
    assert Path(run).is_dir()
