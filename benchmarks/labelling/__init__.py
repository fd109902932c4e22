"""Line-by-line labels for real scraped pages, kept as ids and line numbers only.

The pages' text stays in the corpus; the label file holds, per page, its id, its line count,
the SHA-1 of its text (so a changed corpus is noticed) and the families of each defective line.
"""

from benchmarks.labelling.corpus import CorpusError, load_corpus, split_lines, text_sha1
from benchmarks.labelling.store import FAMILIES, LabelError, PageLabels, load_labels, save_labels

__all__ = [
    "FAMILIES",
    "CorpusError",
    "LabelError",
    "PageLabels",
    "load_corpus",
    "load_labels",
    "save_labels",
    "split_lines",
    "text_sha1",
]
