import pytest
import yaml

from adapt.config import ConfigError, RunConfig, check_launch
from conftest import run_cli


def test_defaults_are_valid_and_round_trip_through_yaml(tmp_path):
    config = RunConfig()
    path = tmp_path / "c.yaml"
    config.save(path)
    again = RunConfig.from_yaml(path)
    assert again == config
    assert again.model.method == "lora" and again.model.lora.target_modules == "all-linear"
    assert 0 < again.data.heldout_fraction < 1


def test_changed_values_survive_round_trip(tmp_path):
    config = RunConfig.from_dict({"cpt": {"learning_rate": 2e-5, "max_steps": 30}, "model": {"method": "full"},
                                  "data": {"paths": ["a", "b"]}})
    path = tmp_path / "c.yaml"
    config.save(path)
    again = RunConfig.from_yaml(path)
    assert again.cpt.learning_rate == 2e-5 and again.cpt.max_steps == 30
    assert again.model.method == "full" and again.data.paths == ["a", "b"]


@pytest.mark.parametrize(
    "raw, field, value",
    [
        ({"cpt": {"learning_rate": -1}}, "cpt.learning_rate", "-1"),
        ({"cpt": {"learning_rate": float("nan")}}, "cpt.learning_rate", "nan"),
        ({"sft": {"micro_batch_size": 0}}, "sft.micro_batch_size", "0"),
        ({"data": {"heldout_fraction": 1.5}}, "data.heldout_fraction", "1.5"),
        ({"model": {"method": "qlora-ish"}}, "model.method", "qlora-ish"),
        ({"cpt": {"context_length": "long"}}, "cpt.context_length", "long"),
    ],
)
def test_bad_value_names_field_value_and_what_is_allowed(raw, field, value):
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict(raw)
    message = str(info.value)
    assert field in message and value in message
    assert "greater than" in message or "less than" in message or "should be" in message


def test_typo_suggests_the_right_field():
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict({"cpt": {"learnig_rate": 1e-4}})
    assert "cpt.learnig_rate" in str(info.value) and "Did you mean 'learning_rate'" in str(info.value)


def test_broken_yaml_reports_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("cpt:\n  learning_rate: [1e-4\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        RunConfig.from_yaml(path)
    assert "line" in str(info.value) and "bad.yaml" in str(info.value)


def test_overrides_are_validated():
    config = RunConfig().with_overrides({"cpt.epochs": 3})
    assert config.cpt.epochs == 3
    with pytest.raises(ConfigError):
        RunConfig().with_overrides({"cpt.epochs": -3})


def test_cli_bad_config_is_one_clear_line_without_traceback(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("cpt:\n  learning_rate: 5\n", encoding="utf-8")
    result = run_cli("run", str(path), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 2
    assert "cpt.learning_rate" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "runs").exists(), "a refused config must not leave a run directory behind"


def test_paths_that_name_nothing_are_refused_before_a_run_starts(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "chats").mkdir()
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump({"data": {"paths": ["docs", "no-such-dir"]}, "sft": {"data": ["chats"]},
                                    "eval": {"qa_file": str(tmp_path / "qa.jsonl")}}), encoding="utf-8")
    expected = [f"data.paths[1]: {tmp_path / 'no-such-dir'} does not exist",
                f"sft.data[0]: {tmp_path / 'chats'} is a folder; give a JSONL file",
                f"eval.qa_file: {tmp_path / 'qa.jsonl'} does not exist"]
    for command in (["validate"], ["run", "--runs-dir", str(tmp_path / "runs")]):
        # relative paths are read from the working directory, and shown in full
        result = run_cli(*command, str(path), cwd=tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        assert f"invalid settings in {path}:" in result.stderr and "Traceback" not in result.stderr
        for line in expected:
            assert line in result.stderr, (command, result.stderr)
        assert "data.paths[0]" not in result.stderr
    assert not (tmp_path / "runs").exists(), "a refused run leaves no run directory behind"


def test_a_run_that_would_train_and_evaluate_nothing_is_refused(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("cpt: {enabled: false}\nsft: {enabled: false}\neval: {enabled: false}\n", encoding="utf-8")
    result = run_cli("run", str(path), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cpt.enabled, sft.enabled, eval.enabled: all false, so the run would train and evaluate nothing" \
        in result.stderr
    assert not (tmp_path / "runs").exists()
    config = RunConfig.from_yaml(path)
    with pytest.raises(ConfigError, match="turn on at least one"):
        check_launch(config)  # what `validate` and the app's Launch call
    check_launch(config, stop_after="augment")  # `python -m adapt augment` trains nothing by design
    check_launch(config.with_overrides({"eval.enabled": True}))  # evaluating the base model alone is a run
