"""A datatrove pipeline that cleans scraped pages with scrapelint (pip install 'scrapelint[datatrove]').

    python examples/datatrove_pipeline.py INPUT_FOLDER OUTPUT_FOLDER [--tasks N] [--logs FOLDER]

It reads JSON Lines shards ({"id", "text", ...}) from INPUT_FOLDER, notes every finding in each
document's metadata, applies the safe fixes (emoji, repeated bylines, counters, page chrome),
drops the documents that still have findings of those families (an off-topic tail, whose cut is
an unsafe fix, for one), and writes the rest as gzipped JSON Lines to OUTPUT_FOLDER (the dropped
ones to OUTPUT_FOLDER/dropped, with the reason in their metadata).
The same steps run unchanged under datatrove's Slurm and Ray executors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from lint.datatrove_steps import ScrapelintAnnotator, ScrapelintFilter

#: The families the filter looks at: their safe fixes are applied, and a document that still has
#: a finding of one of them (an off-topic tail, whose cut is an unsafe fix, for one) is dropped.
FAMILIES = ["EMJ", "BYL", "VWC", "CHR", "OFT"]


def build_pipeline(source: str, target: str) -> list:
    """The steps: read, annotate, fix and filter, write."""
    return [
        JsonlReader(source, glob_pattern="*.jsonl*"),
        ScrapelintAnnotator(),  # doc.metadata["scrapelint"]: every finding, before any fix
        ScrapelintFilter(select=FAMILIES, fix=True, exclusion_writer=JsonlWriter(str(Path(target) / "dropped"))),
        JsonlWriter(target),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of .jsonl / .jsonl.gz shards")
    parser.add_argument("output", help="folder for the cleaned shards")
    parser.add_argument("--tasks", type=int, default=1, help="datatrove tasks (one per CPU is a good start)")
    parser.add_argument("--logs", default=None, help="datatrove's logging folder (default: OUTPUT/logs)")
    args = parser.parse_args(argv)
    if not Path(args.input).is_dir():
        print(f"{args.input}: not a folder", file=sys.stderr)
        return 2
    executor = LocalPipelineExecutor(
        pipeline=build_pipeline(args.input, args.output),
        tasks=args.tasks,
        logging_dir=args.logs or str(Path(args.output) / "logs"),
    )
    executor.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
