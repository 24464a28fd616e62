"""Helper of bench.remote_model (not imported by the project): run with an older tree of the code first on
``PYTHONPATH`` (``git archive COMMIT etl | tar -x -C DIR``), it reads JSON lines ``{"key", "item",
"sentences"}`` (the extraction input of each posting of one fresh tune batch) on standard input and
prints, one JSON line per posting, what that code answered for the work arrangement: the extraction's
``remote`` and the short fields' mode (location, title, a Hacker News header line) and its reading of each
candidate sentence alone (given in the input, found by today's code), as they were before any rule was
changed on the batch."""

import json
import sys

from etl.clean import clean_inline, to_text
from etl.extract import _text, extract
from etl.normalize import remote as rm
from etl.normalize.remote_languages import language_mode


def main() -> None:
    for line in sys.stdin:
        row = json.loads(line)
        item = row["item"]
        location = clean_inline(_text(item.get("location")))
        title = clean_inline(_text(item.get("title")))
        text = to_text(_text(item.get("description")), _text(item.get("description_format")) or "text")
        short = (
            rm._field_mode(location)
            or rm._field_mode(title)
            or language_mode(location)
            or language_mode(title)
        )
        if short is None and text:
            short = rm._header_mode(text[: rm.TEXT_WINDOW])
        sentence_rules = [rm.classify_remote(None, None, s) or "none" for s in row["sentences"]]
        print(
            json.dumps(
                {
                    "key": row["key"],
                    "rule": extract(item)["remote"],
                    "short": short,
                    "sentence_rules": sentence_rules,
                }
            )
        )


if __name__ == "__main__":
    main()
