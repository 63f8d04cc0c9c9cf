"""What ingestion leaves in the run's data/ folder, for training, evaluation and people to inspect.

    files.json        per-file report (status, reason, encoding, documents, characters, tokens, ...)
    documents.jsonl   one cleaned, deduplicated document per line
    chunks.jsonl      documents cut into sentence-aligned chunks (retrieval, augmentation)
    split.json        which documents are held out from training, and the seed that chose them
                      (documents that eval.qa_file asks about always stay in training); with
                      data.max_documents, the training documents left out ("left_out")
    stats.json        corpus totals
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from adapt.config import RunConfig
from adapt.data.ingest import IngestResult, chunk_documents
from adapt.data.questions import questions_with_documents
from adapt.data.split import cap_training, split_documents
from adapt.fileio import read_json, read_jsonl, write_json_atomic, write_jsonl_atomic
from adapt.resources import TrainingResourceError, disk_full_writing_message, is_disk_full


def write_ingest_outputs(data_dir: Path, result: IngestResult, config: RunConfig) -> dict:
    """Raises TrainingResourceError, one sentence, when the disk fills up: each file is written whole
    (tmp + rename), so what was there before is intact and the stage can simply run again."""
    try:
        return _write_ingest_outputs(data_dir, result, config)
    except OSError as err:
        if is_disk_full(err):
            raise TrainingResourceError(disk_full_writing_message("ingest", data_dir)) from err
        raise


def _write_ingest_outputs(data_dir: Path, result: IngestResult, config: RunConfig) -> dict:
    data_dir.mkdir(parents=True, exist_ok=True)
    asked = {q["doc_id"] for q in questions_with_documents(config.eval.qa_file, [asdict(d) for d in result.documents])
             if q["doc_id"]}
    train, heldout = split_documents([d.id for d in result.documents], config.data.heldout_fraction, config.seed,
                                     keep_in_train=asked)
    train, left_out = cap_training(train, config.data.max_documents, {d.id: d.source for d in result.documents},
                                   asked)
    totals = result.totals()
    totals["train_documents"] = len(train)
    totals["heldout_documents"] = len(heldout)
    totals["left_out_documents"] = len(left_out)
    write_json_atomic(data_dir / "files.json", [asdict(f) for f in result.files])
    write_jsonl_atomic(data_dir / "documents.jsonl", (asdict(d) for d in result.documents))
    write_jsonl_atomic(data_dir / "chunks.jsonl", chunk_documents(result.documents, config.data.chunk_chars))
    write_json_atomic(data_dir / "split.json", {
        "seed": config.seed,
        "heldout_fraction": config.data.heldout_fraction,
        "train": train,
        "heldout": heldout,
        "kept_for_questions": len(asked),
        "max_documents": config.data.max_documents,
        "left_out": left_out,
    })
    # stats.json last: ingestion counts as finished only once everything it describes is on disk.
    write_json_atomic(data_dir / "stats.json", totals)
    return totals


def augment_dir(data_dir: Path) -> Path:
    """Where the augment stage writes its items, QA pairs and summary."""
    return data_dir / "augment"


def heldout_ids(data_dir: Path) -> set[str]:
    return set((read_json(data_dir / "split.json", default={}) or {}).get("heldout", []))


def left_out_ids(data_dir: Path) -> set[str]:
    """Documents beyond data.max_documents: neither trained on nor asked about."""
    return set((read_json(data_dir / "split.json", default={}) or {}).get("left_out", []))


def _untrained_ids(data_dir: Path) -> set[str]:
    split = read_json(data_dir / "split.json", default={}) or {}
    return set(split.get("heldout", [])) | set(split.get("left_out", []))


def training_documents(data_dir: Path) -> list[dict]:
    untrained = _untrained_ids(data_dir)
    return [d for d in read_jsonl(data_dir / "documents.jsonl") if d["id"] not in untrained]


def training_chunks(data_dir: Path) -> list[dict]:
    """Chunks of the documents the model is trained on: what retrieval may show it."""
    untrained = _untrained_ids(data_dir)
    return [c for c in read_jsonl(data_dir / "chunks.jsonl") if c["doc_id"] not in untrained]
