import pytest

from adapt.config import ConfigError, RunConfig
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
