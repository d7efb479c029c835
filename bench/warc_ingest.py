"""Time reading a WARC of 1,000 captures, and show that memory follows the pages kept, not the file's size.

    python bench/warc_ingest.py [--captures 1000] [--image-kb 64]

    python bench/warc_ingest.py --build-captures 200 --page-kb 100   # and what a build holds of them

Writes two gzipped WARC files into a temporary folder with warcio: N HTML captures (N/4 articles, each
captured four times with a figure and a paragraph edited, every fourth capture a revisit record), and the same
captures with a non-HTML response (an image of --image-kb) after each. Each is read by ingest/warc.read_warc in
a fresh process; prints a table of file size, records, captures, seconds, peak memory (tracemalloc: what
Python allocated; and the process' peak RSS), the captures' HTML (millions of characters, a revisit's payload
once) and how much of it ingest holds (held: 0 while payloads are read when cleaned, core/model.Payload).

Then (unless --build-captures 0) what a build holds of them: a WARC of --build-captures
captures of pages padded to --page-kb (scripts and menus, as news pages are) is read, cleaned, annotated and
linked (pipeline.load_archive, one process) in a fresh process, without the cleaning cache and then with it
warm; prints each stage's seconds and peak RSS, and how much of the captures' HTML ingest holds.
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


def padding(article: int, kb: int) -> str:
    """Furniture up to kb kilobytes: a menu of links and the page state a script carries, as news pages do."""
    if kb <= 0:
        return ""
    links = "".join(f'<li><a href="/section/{n}/story-{article}-{n}">Story {n} of the section</a></li>'
                    for n in range(40))
    state = json.dumps({"items": [{"id": f"{article}-{n}", "headline": f"Headline {n} of the feed for {article}",
                                   "teaser": "A teaser of the story that the front page shows under the headline."}
                                  for n in range(kb * 1024 // 140)]})
    return f"<nav><ul>{links}</ul></nav><script>window.__STATE__ = {state};</script>"


def page(article: int, version: int, page_kb: int = 0) -> bytes:
    paragraphs = [f"Paragraph {p} of report {article} tells what the council decided about the road, the school "
                  f"and the river bank, and what the residents said at the meeting." for p in range(PARAGRAPHS)]
    paragraphs[1] = f"At least {10 + version} people were hurt, the officials of district {article} said."
    if version % 2:
        paragraphs.append(f"An update added in version {version} of report {article}.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Report {article}</title></head><body><nav>Home News Sport</nav>"
            f"{padding(article, page_kb)}<article>"
            f"<h1>Report {article}, version {version}</h1>{body}</article></body></html>").encode()


def write(path: Path, captures: int, image_kb: int, page_kb: int = 0) -> int:
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
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(page(article, version, page_kb)),
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
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "html_mb": sum(len(c.document.text) for c in read.captures) / 1e6,
                  "payload_mb": sum(len(t) for t in {c.document.payload or c.document.text: c.document.content()
                                                     for c in read.captures}.values()) / 1e6}))
"""

MEASURE_BUILD = """
import json, shutil, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from generator.ingest.read import read_seeds
from generator.pipeline import load_archive
from generator.runtime.progress import Stages

def peak():  # VmHWM: the peak resident memory since the last reset
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

class Peaks(Stages):
    def __init__(self):
        super().__init__()
        self.peak = {}
    def begin(self, name, total):
        Path("/proc/self/clear_refs").write_text("5")
    def end(self, name, seconds):
        self.peak[name] = max(self.peak.get(name, 0.0), peak())

root = Path(sys.argv[1])
stages = Peaks()
archive, problems = load_archive(root, stages=stages, workers=1, clean_cache=sys.argv[3] == "cache")
sources = read_seeds(root)  # after the build, not to raise its peak
html = sum(len(c.document.text) for c in sources.captures)  # what ingest holds through the build
payload = sum(len(t) for t in {c.document.payload or c.document.text: c.document.content()
                               for c in sources.captures}.values())  # the captures' HTML (a revisit's once)
captures = len(sources.captures)
print(json.dumps({"captures": captures, "articles": len(archive.articles), "html_mb": html / 1e6,
                  "payload_mb": payload / 1e6,
                  "peaks": stages.peak, "seconds": stages.seconds}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=1000)
    parser.add_argument("--image-kb", type=int, default=64)
    parser.add_argument("--build-captures", type=int, default=0, help="also build an archive of this many "
                        "captures (0: do not), to weigh the HTML held against the build's peak memory")
    parser.add_argument("--page-kb", type=int, default=100, help="each page padded to about this size")
    args = parser.parse_args()
    print(f"{'WARC':<34} {'file MB':>8} {'records':>8} {'captures':>9} {'seconds':>8} {'peak MB':>8} {'RSS MB':>7}"
          f" {'HTML M':>7} {'held M':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for label, image_kb in ((f"{args.captures} HTML captures", 0),
                                (f"same + {args.captures} images of {args.image_kb} KB", args.image_kb)):
            path = Path(folder) / "bench.warc.gz"
            records = write(path, args.captures, image_kb)
            done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(ROOT)], capture_output=True,
                                  text=True, check=True)
            result = json.loads(done.stdout)
            print(f"{label:<34} {path.stat().st_size / 1e6:>8.1f} {records:>8} {result['captures']:>9} "
                  f"{result['seconds']:>8.2f} {result['traced_mb']:>8.1f} {result['rss_mb']:>7.0f}"
                  f" {result['payload_mb']:>7.1f} {result['html_mb']:>7.1f}")
        if args.build_captures:
            build(Path(folder) / "archive", args.build_captures, args.page_kb)


def build(root: Path, captures: int, page_kb: int) -> None:
    """The archive of one WARC built as far as load_archive(): each stage's peak RSS, and the HTML ingest holds."""
    (root / "seeds").mkdir(parents=True)
    (root / "annotations" / "articles").mkdir(parents=True)
    for name in ("entities.yml", "facts.yml"):
        (root / "annotations" / name).write_bytes((ROOT / "tests" / "fixtures" / "base" / "annotations" / name)
                                                  .read_bytes())
    path = root / "seeds" / "bench.warc.gz"
    write(path, captures, 0, page_kb)

    def measured(cache: str) -> dict:
        done = subprocess.run([sys.executable, "-c", MEASURE_BUILD, str(root), str(ROOT), cache],
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    cold = measured("none")
    measured("cache")  # fills the cleaning cache
    warm = measured("cache")
    print(f"\nbuild (load_archive, 1 process) of {cold['captures']} captures of {page_kb} KB pages "
          f"({path.stat().st_size / 1e6:.1f} MB file), {cold['articles']} articles: {cold['payload_mb']:.1f} M "
          f"characters of HTML, of which ingest holds {cold['html_mb']:.1f} M through the build")
    print(f"{'stage':<10} {'no cache: s':>12} {'peak RSS MB':>12} {'warm cache: s':>14} {'peak RSS MB':>12}")
    for name, peak in cold["peaks"].items():
        print(f"{name:<10} {cold['seconds'][name]:>12.2f} {peak:>12.0f} {warm['seconds'][name]:>14.2f} "
              f"{warm['peaks'][name]:>12.0f}")


if __name__ == "__main__":
    main()
