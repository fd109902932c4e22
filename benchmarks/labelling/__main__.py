"""Entry point for ``python -m benchmarks.labelling``."""

import sys

from benchmarks.labelling.cli import main

sys.exit(main())
