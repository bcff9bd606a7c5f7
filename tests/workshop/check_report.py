"""Checks a workshop report against the result files it was made from.
usage: check_report.py OUTDIR RESULT.json...
The HTML must be well-formed (strict XML parse and html.parser), self-contained
(no script, no external URL), name every trainee with markup escaped, and hold
the charts; the CSV must start with a BOM, use CRLF, parse with the csv module
and hold one row per result with the recorded scores."""
import csv
import html.parser
import io
import json
import os
import sys
import xml.etree.ElementTree as ET

out, files = sys.argv[1], sys.argv[2:]
results = [json.load(open(f, encoding="utf-8")) for f in files]
fail = []

raw = open(f"{out}/report.html", "rb").read()
page = raw.decode("utf-8")
try:
    ET.fromstring(page.split("\n", 1)[1])  # drop <!DOCTYPE html>
except ET.ParseError as e:
    fail.append(f"report.html is not well-formed: {e}")


class Strict(html.parser.HTMLParser):
    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            fail.append(f"html.parser: </{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


p = Strict()
p.feed(page)
p.close()
if p.stack:
    fail.append(f"unclosed tags: {p.stack}")
text = "".join(p.text)
for r in results:
    if r["trainee"] not in text:
        fail.append(f"report.html lacks the trainee {r['trainee']!r}")
    if r["scenario"]["title"] not in text:
        fail.append(f"report.html lacks the scenario title {r['scenario']['title']!r}")
low = page.lower()
for bad in ("<script", "http://", "https://", "@import", "url(", "<b>bobby"):
    if bad in low:
        fail.append(f"report.html contains {bad!r}")
if page.count("<svg") < 4:
    fail.append("report.html has fewer than four inline SVG charts")
for heading in ("Leaderboard", "Score distribution", "Each sub-score across the class", "What the class did",
                "Every trainee's debrief", "Score week by week"):
    if heading.replace("'", "&#39;") not in page and heading not in page:
        fail.append(f"report.html lacks the section {heading!r}")

data = open(f"{out}/report.csv", "rb").read()
if not data.startswith(b"\xef\xbb\xbf"):
    fail.append("report.csv does not start with a UTF-8 byte order mark")
if b"\n" in data.replace(b"\r\n", b""):
    fail.append("report.csv has a line end that is not CRLF")
sep = os.environ.get("CSV_SEP", ",")
if not data[3:].decode("utf-8").startswith(f"rank{sep}trainee{sep}"):
    fail.append(f"report.csv does not separate its fields with {sep!r}")
rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=sep))
if len(rows) != len(results):
    fail.append(f"report.csv has {len(rows)} rows, expected {len(results)}")
by_file = {row["file"]: row for row in rows}
for f, r in zip(files, results):
    row = by_file.get(f.rsplit("/", 1)[-1])
    if row is None:
        fail.append(f"report.csv has no row for {f}")
        continue
    name = row["trainee"]
    if name.startswith("'") and r["trainee"][:1] in "=+-@":
        name = name[1:]  # formula guard
    want = {"trainee": r["trainee"], "score": str(r["score"]["total"]),
            "passed": "yes" if r["score"]["passed"] else "no", "seed": r["seed"],
            "referrals_asked": str(r["behaviour"]["referrals_asked"]),
            "contacts_reached": str(r["behaviour"]["contacts_reached"])}
    for sub in ("revenue", "penetration", "coverage", "depth", "referrals", "ideas", "resilience"):
        want[sub] = str(r["score"][sub])
    got = dict(row, trainee=name)
    for k, v in want.items():
        if got.get(k) != v:
            fail.append(f"report.csv {f}: {k} is {got.get(k)!r}, expected {v!r}")
    if r["trainee"][:1] == "=" and not row["trainee"].startswith("'"):
        fail.append("report.csv lets a name run as a spreadsheet formula")
ranks = [int(row["score"]) for row in rows]
if ranks != sorted(ranks, reverse=True):
    fail.append("report.csv rows are not ranked by score")

for f in fail:
    print("FAIL:", f)
if not fail:
    print(f"report checks passed: {len(results)} results, HTML well-formed, CSV with BOM and CRLF")
sys.exit(1 if fail else 0)
