"""The quality evaluation: plant defects into real clean articles, lint, score per family by line.

Run ``python -m benchmarks.quality CORPUS_DIR`` from the repository root; see README.md here.
"""
