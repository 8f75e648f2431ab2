"""The app's own settings plus a hello-world baseline URL, for benchmarks only (bench/wsgi.py)."""

import os
import tempfile

from tracker.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# collectstatic for DEBUG=false goes here, so a benchmark never writes into the repository.
STATIC_ROOT = os.environ.get(
    "BENCH_STATIC_ROOT", os.path.join(tempfile.gettempdir(), "tracker-bench-static")
)
