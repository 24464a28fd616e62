"""Train the work-arrangement sentence model (etl/remote_model.py) from the hand-labelled sentences.

``python -m etl train-remote-model [--datasets ../shared/datasets]`` rewrites etl/data/remote_model.npy from
the first and third batches of sentence labels (etl/data/labelled/remote_sentences.jsonl and
remote_sentences-v3.jsonl; sentences found again in their records through the load's adapters; no test-half
record among them), less every label of a record of the fresh batches that score the model
(``remote_labels.HELD_BATCHES``) or of a repeat of one; the second batch stays held out. The same labels
and code give the same model within float noise and the same decisions (tests/test_remote_model.py; not the
same bytes on another processor: BLAS rounds differently).
"""

from __future__ import annotations

from pathlib import Path

from etl import remote_labels
from etl.remote_model import MODEL_PATH, C, Model, features, file_digest, save_model, train


def train_from_labels(datasets: Path | None = None, c: float = C) -> Model:
    """The model of the committed training labels (``remote_labels.load_training``)."""
    labelled = remote_labels.load_training(datasets) if datasets else remote_labels.load_training()
    return train(features([lb.sentence for lb in labelled]), [lb.label for lb in labelled], c)


def cli_train(datasets: Path | None = None, out: Path = MODEL_PATH) -> int:
    mdl = train_from_labels(datasets)
    save_model(mdl, out)
    print(
        f"{out}: trained on the hand-labelled sentences (C={C}); {out.stat().st_size} bytes, "
        f"sha256 {file_digest(out)}"
    )
    return 0
