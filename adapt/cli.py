"""python -m adapt: the headless face of the engine.

    python -m adapt run CONFIG.yaml [--set cpt.learning_rate=5e-5 ...]
    python -m adapt run --preset quick-demo --data DOCS... [--base MODEL] [--set ...]
    python -m adapt run --resume RUN_DIR
    python -m adapt augment CONFIG.yaml | --resume RUN_DIR   (ingest + augment only)
    python -m adapt serve MODEL [--port 8000]   (OpenAI-compatible endpoint over a local model)
    python -m adapt ingest PATH... [--text-field text] [--model tiny]
    python -m adapt validate CONFIG.yaml
    python -m adapt status RUN_DIR
    python -m adapt eval RUN_DIR
    python -m adapt init-model --corpus PATH... --out DIR

Works the same under `accelerate launch -m adapt run CONFIG.yaml` (DDP / FSDP).
Exit codes: 0 done, 1 failed, 2 bad input, 130 stopped (resumable).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

from adapt import strict_yaml
from adapt.config import ConfigError, RunConfig, check_launch, launch_config
from adapt.fileio import keep_files_private
from adapt.models import ModelNotAvailable


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _parse_overrides(items: list[str]) -> dict:
    overrides = {}
    for item in items:
        if "=" not in item:
            raise ConfigError(f"--set expects key=value (for example cpt.learning_rate=5e-5), got '{item}'")
        key, value = item.split("=", 1)
        try:
            overrides[key.strip()] = strict_yaml.load(value)
        except yaml.YAMLError as err:
            problem = getattr(err, "problem", None) or str(err).splitlines()[0]
            raise ConfigError(f"--set {key.strip()}: {value[:80]!r} is not a value YAML can read ({problem}); "
                              f"quote text (--set '{key.strip()}=\"...\"'), write a list as [a, b]") from None
    return overrides


def _terminal_safe(text: str) -> str:
    """A file name as the terminal shows it: control characters (ANSI escapes, newlines) written as
    escapes, so that no name can recolour the screen or forge an "ok ... 99 docs" line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def build_config(args) -> RunConfig:
    """The run's config from the command line: a YAML file and/or a preset for some documents, then
    --base, --data and --set on top. A preset is applied for this machine and the base model."""
    from adapt.models import concrete_base
    from adapt.presets import PRESETS, apply_preset

    if args.preset and args.preset not in PRESETS:
        raise ConfigError(f"--preset: got '{args.preset}'; choose one of {', '.join(PRESETS)}")
    config = RunConfig.from_yaml(args.config) if args.config else RunConfig(name=args.preset or "run")
    if args.base:
        config = config.with_overrides({"model.base": args.base})
    if args.data:
        config = config.with_overrides({"data.paths": args.data})
    if args.preset:
        config = config.with_overrides({"model.base": concrete_base(config.model.base)})
        config = apply_preset(config, args.preset)
    if args.set:
        config = config.with_overrides(_parse_overrides(args.set))
    return config


def cmd_run(args, stop_after: str | None = None) -> int:
    from accelerate import PartialState
    from accelerate.utils import broadcast_object_list

    from adapt.pipeline import RunAlreadyActive, run_pipeline
    from adapt.rundir import RunDir, RunPathError, StatusDamaged, runs_root_problem

    state = PartialState()
    if args.resume:
        # A resumed run is the run it was: its config.yaml, its data, its checkpoints. Settings given
        # now would be silently dropped, or would make the finished stages disagree with the rest.
        given = ([args.config] if args.config else []) + [f"--{name} {value}" for name, value in (
            ("preset", args.preset), ("base", args.base), ("data", " ".join(args.data or []))) if value] + [
            f"--set {item}" for item in args.set]
        if given:
            return _fail(f"--resume keeps the config it was launched with ({Path(args.resume) / 'config.yaml'}); "
                         f"it does not take {', '.join(given)}. To train with other settings, start a new run from "
                         f"it: python -m adapt run {Path(args.resume) / 'config.yaml'} --set KEY=VALUE ...")
        try:
            run = RunDir(args.resume)
        except RunPathError as err:
            return _fail(str(err))
        if not run.exists():
            return _fail(f"{args.resume} is not a run directory (no config.yaml/status.json)")
    else:
        if not args.config and not args.preset:
            return _fail("give a CONFIG.yaml, or --preset NAME --data DOCS..., or --resume RUN_DIR")
        try:
            config = build_config(args)
            check_launch(config, stop_after, source=args.config or "the command line")
        except (ConfigError, ModelNotAvailable) as err:
            return _fail(str(err))
        config = launch_config(config)
        # Every process of a multi-GPU launch must write into the same run directory (or learn why
        # none could be made): (path, problem) from the main process.
        holder = [(None, None)]
        if state.is_main_process:
            problem = runs_root_problem(args.runs_dir)
            try:
                holder = [(None, problem) if problem else (str(RunDir.create(args.runs_dir, config).path), None)]
            except OSError as err:
                holder = [(None, f"--runs-dir: cannot make a run directory in {args.runs_dir} "
                                 f"({err.strerror or err})")]
        if state.num_processes > 1:
            broadcast_object_list(holder)
        path, problem = holder[0]
        if problem:
            return _fail(problem)
        run = RunDir(path)
        if state.is_main_process:
            print(f"run directory: {run.path}", file=sys.stderr)
    try:
        code = run_pipeline(run, show_progress=not args.quiet, stop_after=stop_after)
        final = run.output_path("final")
        if code == 0 and final is not None and state.is_main_process:
            print(f"final model: {final}", file=sys.stderr)
        return code
    except (RunAlreadyActive, StatusDamaged) as err:
        return _fail(str(err))
    except ConfigError as err:
        return _fail(str(err))


def cmd_augment(args) -> int:
    return cmd_run(args, stop_after="augment")


def cmd_serve(args) -> int:
    from adapt.serve import make_server

    try:
        server = make_server(args.model, args.host, args.port, args.trust_remote_code)
    except ModelNotAvailable as err:
        return _fail(str(err))
    host, port = server.server_address[:2]
    print(f"serving {args.model} at http://{host}:{port}/v1 (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def cmd_validate(args) -> int:
    try:
        config = RunConfig.from_yaml(args.config)
        check_launch(config, source=args.config)
    except ConfigError as err:
        return _fail(str(err))
    print(config.to_yaml(), end="")
    return 0


def cmd_ingest(args) -> int:
    from adapt.config import DataSection
    from adapt.data.ingest import ingest, why_no_documents
    from adapt.data.store import write_ingest_outputs
    from adapt.models import load_tokenizer
    from adapt.resources import TrainingResourceError

    try:
        section = DataSection(text_field=args.text_field)
    except Exception as err:
        return _fail(str(err))
    tokenizer = None
    if args.model:
        try:
            tokenizer = load_tokenizer(args.model)
        except ModelNotAvailable as err:
            return _fail(str(err))
    result = ingest(args.paths, section, tokenizer=tokenizer)
    for f in result.files:
        if f.status == "ok":
            line = (f"ok     {f.name}: {f.documents} docs, {f.characters:,} chars, lang={f.language}, "
                    f"enc={f.encoding}, dupes={f.exact_duplicates}+{f.near_duplicates}")
            if f.tokens is not None:
                line += f", {f.tokens:,} tokens"
            print(_terminal_safe(line))
            for warning in f.warnings:
                print(f"       warning: {_terminal_safe(warning)}")
        else:
            print(_terminal_safe(f"error  {f.name}: {f.reason}"))
    totals = result.totals()
    print(json.dumps(totals, ensure_ascii=False))
    if not result.documents:
        return _fail(f"no documents: {why_no_documents(args.paths)}")
    if args.out:
        try:
            write_ingest_outputs(Path(args.out), result, RunConfig(data=section))
        except TrainingResourceError as err:  # the disk filled up: one line, what was read is reported above
            return _fail(str(err))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_status(args) -> int:
    from adapt.rundir import RunDir, RunPathError, StatusDamaged

    try:
        run = RunDir(args.run_dir)
    except RunPathError as err:
        return _fail(str(err))
    if not run.exists():
        return _fail(f"{args.run_dir} is not a run directory")
    try:
        status = run.observed_status()  # a run whose process is gone shows as "interrupted"
        note = run.status_note()
    except StatusDamaged as err:
        return _fail(str(err))
    if note:
        print(f"warning: {note}", file=sys.stderr)
    if status.get("note"):
        print(status["note"], file=sys.stderr)
    print(json.dumps(status, indent=2, ensure_ascii=False))
    return 0


def cmd_eval(args) -> int:
    from adapt.evaluate.stage import evaluate_run
    from adapt.rundir import STAGES, RunAlreadyActive, RunDir, RunPathError, StatusDamaged, attach_run_logger

    try:
        run = RunDir(args.run_dir)
    except RunPathError as err:
        return _fail(str(err))
    if not run.exists():
        return _fail(f"{args.run_dir} is not a run directory")
    try:
        with run.exclusive():  # not while the run trains (or another evaluation writes the report)
            status = run.observed_status()
            final = run.output_path("final")
            if final is not None and not final.is_dir():
                return _fail(f"the run's trained model is missing: {final} is not there any more")
            if final is None:
                stages = status.get("stages") or {}
                stage = next((s for s in STAGES if (stages.get(s) or {}).get("state") not in ("done", "skipped")),
                             "cpt")
                state = (stages.get(stage) or {}).get("state") or "not started"
                if state in ("running", "stopping") and status.get("state") == "interrupted":
                    state = "interrupted"
                return _fail(f"the run has no trained model yet (stage {stage} is {state}); run it or resume it "
                             f"first: python -m adapt run --resume {run.path}")
            attach_run_logger(run)
            report = evaluate_run(run, run.load_config())
    except (RunAlreadyActive, StatusDamaged, ModelNotAvailable, ConfigError) as err:
        return _fail(str(err))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


def cmd_init_model(args) -> int:
    from adapt.config import DataSection
    from adapt.data.ingest import ingest
    from adapt.scratch import ScratchSpec, build_scratch_model

    result = ingest(args.corpus, DataSection())
    texts = [d.text for d in result.documents]
    if not texts:
        return _fail("no usable text found in --corpus")
    spec = ScratchSpec(vocab_size=args.vocab, hidden_size=args.hidden, layers=args.layers, heads=args.heads,
                       max_positions=args.max_positions)
    build_scratch_model(texts, Path(args.out), spec, seed=args.seed)
    print(f"wrote {args.out} (tokenizer trained on {len(texts)} documents)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m adapt", description="Domain Adapter: CPT + SFT, headless.")
    sub = parser.add_subparsers(dest="command", required=True)

    for command, func, text in (("run", cmd_run, "run (or resume) a whole adaptation"),
                                ("augment", cmd_augment,
                                 "ingest and generate synthetic data only (continue later with run --resume)")):
        run = sub.add_parser(command, help=text)
        run.add_argument("config", nargs="?", help="RunConfig YAML")
        run.add_argument("--preset", help="a recipe of the app (quick-demo, knowledge-injection), for this machine "
                                          "and the base model")
        run.add_argument("--data", nargs="+", metavar="PATH", help="files or folders of documents (data.paths)")
        run.add_argument("--base", help="base model (model.base): auto, a bundled name, a folder or a Hub id")
        run.add_argument("--resume", metavar="RUN_DIR", help="continue a stopped or killed run")
        run.add_argument("--runs-dir", default=os.environ.get("ADAPT_RUNS_DIR", "runs"), help="where run folders go")
        run.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value")
        run.add_argument("--quiet", action="store_true", help="no terminal progress (the run dir still gets it)")
        run.set_defaults(func=func)

    serve = sub.add_parser("serve", help="OpenAI-compatible chat endpoint over a local model")
    serve.add_argument("model", help="bundled name, model directory or Hub id")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--trust-remote-code", action="store_true")
    serve.set_defaults(func=cmd_serve)

    validate = sub.add_parser("validate", help="check a config and print it with defaults filled in")
    validate.add_argument("config")
    validate.set_defaults(func=cmd_validate)

    ing = sub.add_parser("ingest", help="read documents and report per file, without training")
    ing.add_argument("paths", nargs="+")
    ing.add_argument("--text-field", default="text")
    ing.add_argument("--model", help="count tokens with this model's tokenizer")
    ing.add_argument("--out", help="write documents/split/stats to this folder")
    ing.set_defaults(func=cmd_ingest)

    status = sub.add_parser("status", help="print a run's status.json")
    status.add_argument("run_dir")
    status.set_defaults(func=cmd_status)

    ev = sub.add_parser("eval", help="(re)compute a run's evaluation report")
    ev.add_argument("run_dir")
    ev.set_defaults(func=cmd_eval)

    init = sub.add_parser("init-model", help="build a small random-init model and BPE tokenizer from a corpus")
    init.add_argument("--corpus", nargs="+", required=True)
    init.add_argument("--out", required=True)
    init.add_argument("--vocab", type=int, default=2048)
    init.add_argument("--hidden", type=int, default=64)
    init.add_argument("--layers", type=int, default=2)
    init.add_argument("--heads", type=int, default=4)
    init.add_argument("--max-positions", type=int, default=2048)
    init.add_argument("--seed", type=int, default=0)
    init.set_defaults(func=cmd_init_model)
    return parser


def main(argv: list[str] | None = None) -> int:
    keep_files_private()  # before anything is written: run dirs, checkpoints, logs
    args = build_parser().parse_args(argv)
    return args.func(args)
