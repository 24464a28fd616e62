"""Train the work-arrangement sentence model (etl/remote_model.py) from the hand-labelled sentences.

``python -m etl train-remote-model [--datasets ../shared/datasets]`` rewrites etl/data/remote_model.npy from
etl/data/labelled/remote_sentences.jsonl (sentences found again in their records through the load's adapters;
no test-half record among them). The same labels and code give the same model within float noise and the
same decisions (tests/test_remote_model.py; not the same bytes on another processor: BLAS rounds differently).
"""

from __future__ import annotations

from pathlib import Path

from etl import remote_labels
from etl.remote_model import MODEL_PATH, C, Model, features, file_digest, save_model, train


def train_from_labels(datasets: Path | None = None, c: float = C) -> Model:
    """The model of every committed hand label (etl/data/labelled/remote_sentences.jsonl)."""
    labelled = remote_labels.load(datasets) if datasets else remote_labels.load()
    return train(features([lb.sentence for lb in labelled]), [lb.label for lb in labelled], c)


def cli_train(datasets: Path | None = None, out: Path = MODEL_PATH) -> int:
    mdl = train_from_labels(datasets)
    save_model(mdl, out)
    print(
        f"{out}: trained on the hand-labelled sentences (C={C}); {out.stat().st_size} bytes, "
        f"sha256 {file_digest(out)}"
    )
    return 0
