"""Time reading a WARC of 1,000 captures, and show that memory follows the pages kept, not the file's size.

    python bench/warc_ingest.py [--captures 1000] [--image-kb 64]

Writes two gzipped WARC files into a temporary folder with warcio: N HTML captures (N/4 articles, each
captured four times with a figure and a paragraph edited, every fourth capture a revisit record), and the same
captures with a non-HTML response (an image of --image-kb) after each. Each is read by ingest/warc.read_warc in
a fresh process; prints a table of file size, records, captures, seconds and peak memory (tracemalloc: what
Python allocated; and the process' peak RSS).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PARAGRAPHS = 12


def page(article: int, version: int) -> bytes:
    paragraphs = [f"Paragraph {p} of report {article} tells what the council decided about the road, the school "
                  f"and the river bank, and what the residents said at the meeting." for p in range(PARAGRAPHS)]
    paragraphs[1] = f"At least {10 + version} people were hurt, the officials of district {article} said."
    if version % 2:
        paragraphs.append(f"An update added in version {version} of report {article}.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Report {article}</title></head><body><nav>Home News Sport</nav><article>"
            f"<h1>Report {article}, version {version}</h1>{body}</article></body></html>").encode()


def write(path: Path, captures: int, image_kb: int) -> int:
    records = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        last: dict[int, object] = {}
        for n in range(captures):
            article, version = n // 4, n % 4
            url = f"https://news.example/reports/{article}?utm_source=feed{version}"
            date = f"2024-05-{1 + version:02d}T10:00:00Z"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            if version == 3:  # unchanged since the capture before: stored as a revisit
                before = last[article]
                record = writer.create_revisit_record(url, before.rec_headers.get_header("WARC-Payload-Digest"),
                                                      before.rec_headers.get_header("WARC-Target-URI"),
                                                      before.rec_headers.get_header("WARC-Date"), http_headers=headers)
                record.rec_headers.replace_header("WARC-Date", date)
            else:
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(page(article, version)),
                                                   http_headers=headers, warc_headers_dict={"WARC-Date": date})
                last[article] = record
            writer.write_record(record)
            records += 1
            if image_kb:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                noise = os.urandom(image_kb * 1024)  # random: gzip does not shrink it, the file is as large
                writer.write_record(writer.create_warc_record(f"https://news.example/img/{n}.jpg", "response",
                                                              payload=io.BytesIO(noise), http_headers=image))
                records += 1
    return records


MEASURE = """
import json, resource, sys, time, tracemalloc
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from generator.ingest.warc import read_warc
tracemalloc.start()
started = time.perf_counter()
read = read_warc(Path(sys.argv[1]), "seeds/bench.warc.gz", 5 * 1024 * 1024)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "captures": len(read.captures), "problems": len(read.problems),
                  "traced_mb": tracemalloc.get_traced_memory()[1] / 1e6,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=1000)
    parser.add_argument("--image-kb", type=int, default=64)
    args = parser.parse_args()
    print(f"{'WARC':<34} {'file MB':>8} {'records':>8} {'captures':>9} {'seconds':>8} {'peak MB':>8} {'RSS MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for label, image_kb in ((f"{args.captures} HTML captures", 0),
                                (f"same + {args.captures} images of {args.image_kb} KB", args.image_kb)):
            path = Path(folder) / "bench.warc.gz"
            records = write(path, args.captures, image_kb)
            done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(ROOT)], capture_output=True,
                                  text=True, check=True)
            result = json.loads(done.stdout)
            print(f"{label:<34} {path.stat().st_size / 1e6:>8.1f} {records:>8} {result['captures']:>9} "
                  f"{result['seconds']:>8.2f} {result['traced_mb']:>8.1f} {result['rss_mb']:>7.0f}")


if __name__ == "__main__":
    main()
