"""Helper of bench.seniority_model (not imported by the project): run with an older tree of the code first on
``PYTHONPATH`` (``git archive COMMIT etl | tar -x -C DIR``), it prints, one JSON line per posting of one fresh
tune batch, the seniority evidence that code read: the rules' answer and each step's level, as they were
before any rule was changed on the batch. Arguments: BATCH DATASETS."""

import json
import sys
from pathlib import Path

from etl import real_labels as rl
from etl.clean import clean_inline, to_text
from etl.extract import _experience, _text
from etl.normalize import seniority as sn
from etl.sections import demand_text


def main() -> None:
    batch, datasets = sys.argv[1], Path(sys.argv[2])
    sample = rl.load_sample()
    labels = [lb for lb in rl.load_real_labels(split="tune") if sample[rl.ref_of(lb)].get("batch") == batch]
    for r in rl.resolve(labels, datasets):
        if r.item is None:
            continue
        item = r.item
        title = clean_inline(_text(item.get("title"))) or ""
        description = to_text(_text(item.get("description")), _text(item.get("description_format")) or "text")
        demand = demand_text(description)
        experience = _experience(item, demand)
        years = experience[0] if experience else None
        hint = _text(item.get("level_hint"))
        restated = getattr(sn, "_restated_title_level", None)
        print(
            json.dumps(
                {
                    "key": str(r.ref),
                    "title": title,
                    "years": years,
                    "level_hint": hint,
                    "title_level": sn.title_level(title) if title else None,
                    "restated": restated(title, demand) if restated and title and demand else None,
                    "text_level": sn.text_level(demand) if demand else None,
                    "rule": sn.classify_seniority(title, demand, years, hint),
                    "words": [m.lastgroup
                              for m in sn.seniority_rules().levels.finditer(demand[: sn.TEXT_WINDOW])][:8],
                }
            )
        )


if __name__ == "__main__":
    main()
