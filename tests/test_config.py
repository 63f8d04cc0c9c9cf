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


def numeric_settings(model=RunConfig, prefix=""):
    """(dotted path, int or float) for every numeric setting of RunConfig, found by walking the model:
    a field added later is covered without touching these tests."""
    import typing

    from pydantic import BaseModel

    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from numeric_settings(annotation, f"{prefix}{name}.")
            continue
        args = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
        if typing.get_origin(annotation) is dict:
            args = args[1:]
        if len(args) == 1 and args[0] in (int, float):
            yield f"{prefix}{name}", args[0]


def nested(path: str, value) -> dict:
    raw: dict = {}
    node = raw
    *sections, last = path.split(".")
    for part in sections:
        node = node.setdefault(part, {})
    node[last] = value
    return raw


NUMERIC = list(numeric_settings())


def test_the_walk_finds_the_numeric_settings():
    paths = dict(NUMERIC)
    assert paths["cpt.max_steps"] is int and paths["model.lora.alpha"] is float and paths["seed"] is int
    assert paths["augment.categories"] is int and len(paths) > 50


@pytest.mark.parametrize("path, kind", NUMERIC, ids=[p for p, _ in NUMERIC])
def test_true_is_refused_wherever_a_number_belongs(path, kind):
    value = {"qa_easy": True} if path == "augment.categories" else True
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict(nested(path, value))
    wanted = "a whole number" if kind is int else "a number"
    shown = "a mapping" if path == "augment.categories" else "True"
    assert f"{path}: got {shown}; input should be {wanted}, not true/false" in str(info.value)


@pytest.mark.parametrize("path", [p for p, kind in NUMERIC if kind is int and p != "augment.categories"])
def test_every_whole_number_setting_has_an_upper_bound(path):
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict(nested(path, 10**20))
    assert f"{path}: got {10**20}; input should be less than" in str(info.value)


def test_an_absurd_checkpoint_interval_is_refused_but_one_longer_than_the_run_is_fine():
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict({"cpt": {"save_every_steps": 99999999999999999999999}})
    assert str(info.value) == (
        "invalid setting in config:\n  cpt.save_every_steps: got 99999999999999999999999; input should be less "
        "than or equal to 100000 (write a resumable checkpoint every N optimizer steps)")
    config = RunConfig.from_dict({"cpt": {"max_steps": 50, "save_every_steps": 500}})
    assert config.cpt.save_every_steps == 500


def test_whole_floats_are_whole_numbers_and_fractions_are_not():
    config = RunConfig.from_dict({"cpt": {"max_steps": 4.0, "save_every_steps": 10.0},
                                  "augment": {"categories": {"qa_easy": 3.0}}})
    assert config.cpt.max_steps == 4 and isinstance(config.cpt.max_steps, int)
    assert config.augment.categories == {"qa_easy": 3}
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict({"cpt": {"max_steps": 4.5}})
    assert "cpt.max_steps: got 4.5; input should be a valid integer, got a number with a fractional part" in str(
        info.value)


def test_the_category_counts_name_the_boolean_one():
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict({"augment": {"categories": {"qa_easy": 2, "summary": True}}})
    assert "augment.categories: got a mapping; input should be a whole number, not true/false, for summary" in str(
        info.value)


def test_booleans_are_refused_when_set_on_a_live_config_too():
    config = RunConfig()
    with pytest.raises(ValueError):
        config.cpt.max_steps = True
    assert config.cpt.max_steps is None


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
