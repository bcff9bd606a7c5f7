"""Checks one scenario map page against its scenario.
usage: check_map.py PAGE.html SCENARIO.json
The page must be well-formed XML (XHTML-compatible HTML), self-contained (no
script, no external resource), hold every person, idea and need of the
scenario with markup escaped, mark each lint warning on the thing it names
(an element with the anchor the warnings list links to), and flag every need
no idea answers."""
import json
import re
import sys
import xml.etree.ElementTree as ET

page_path, scn_path = sys.argv[1], sys.argv[2]
raw = open(page_path, encoding="utf-8").read()
scn = json.load(open(scn_path, encoding="utf-8"))
fail = []
NS = {"h": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/2000/svg"}

if not raw.startswith("<!DOCTYPE html>\n"):
    fail.append("the page does not start with <!DOCTYPE html>")
try:
    root = ET.fromstring(raw.split("\n", 1)[1])
except ET.ParseError as e:
    print(f"FAIL: {page_path} is not well-formed XML: {e}")
    sys.exit(1)

everything = list(root.iter())
tags = {el.tag.split("}")[-1] for el in everything}
for bad in ("script", "iframe", "object", "embed", "img", "link"):
    if bad in tags:
        fail.append(f"the page has a <{bad}> element")
for el in everything:
    for k, v in el.attrib.items():
        if k.lower().startswith("on"):
            fail.append(f"event handler attribute {k} on <{el.tag}>")
        if k in ("href", "src") and not v.startswith("#"):
            fail.append(f"external reference {k}={v!r}")
if re.search(r"url\((?!#)", raw):
    fail.append("a CSS url() that is not a fragment")

text = "".join(root.itertext())
ids = {el.get("id") for el in everything if el.get("id")}
svgs = root.findall(".//s:svg", NS)
if len(svgs) < len(scn["accounts"]):
    fail.append(f"{len(svgs)} SVG drawings for {len(scn['accounts'])} accounts")


def shown(s, where=text):
    # a long name may be shortened on a card; the whole text is then in a <title>
    return s in where


for a_i, acc in enumerate(scn["accounts"]):
    if not shown(acc["name"]):
        fail.append(f"account {acc['name']!r} missing")
    for d_i, dep in enumerate(acc["departments"]):
        if f"a{a_i}-d{d_i}" not in ids:
            fail.append(f"no region for department {dep['id']}")
    answered = {n for idea in acc["ideas"] for n in idea["needs"]}
    for c_i, c in enumerate(acc["contacts"]):
        card = root.find(f".//*[@id='a{a_i}-c{c_i}']")
        if card is None:
            fail.append(f"no card for contact {c['id']}")
            continue
        card_text = "".join(card.itertext())
        if c["name"] not in card_text:
            fail.append(f"card of {c['id']} lacks the name {c['name']!r}")
        cls = card.get("class", "").split()
        want = "main" if c.get("main") else "known" if c.get("known") and c.get("present", True) else \
            "later" if not c.get("present", True) else "unknown"
        if want not in cls:
            fail.append(f"card of {c['id']} is {cls}, expected {want}")
        for n in c.get("needs", []):
            need = next(x for x in acc["needs"] if x["id"] == n)
            if need["text"][:12] not in card_text:
                fail.append(f"card of {c['id']} lacks need {n}")
    for n_i, need in enumerate(acc["needs"]):
        row = root.find(f".//*[@id='a{a_i}-n{n_i}']")
        if row is None or need["text"] not in "".join(row.itertext()):
            fail.append(f"need {need['id']} has no row")
            continue
        if need["id"] not in answered and "bad" not in row.get("class", ""):
            fail.append(f"need {need['id']} no idea answers is not flagged")
        if need["id"] in answered and "bad" in row.get("class", "") and "\u26a0 KA" not in "".join(row.itertext()):
            fail.append(f"need {need['id']} is flagged though ideas answer it")
    for i_i, idea in enumerate(acc["ideas"]):
        row = root.find(f".//*[@id='a{a_i}-i{i_i}']")
        if row is None or idea["title"] not in "".join(row.itertext()):
            fail.append(f"idea {idea['id']} has no row")
    for e_i, ev in enumerate(acc.get("events", [])):
        if f"a{a_i}-e{e_i}" not in ids:
            fail.append(f"event {ev['id']} has no row")

# every warning in the list links to an element that shows the same code
for li in root.findall(".//h:ul[@class='warnings']/h:li", NS):
    a = li.find("h:a", NS)
    if a is None:
        continue
    target = a.get("href")[1:]
    code = re.search(r"\[(KA\d+)\]", "".join(a.itertext())).group(1)
    el = root.find(f".//*[@id='{target}']")
    if el is None:
        fail.append(f"warning link #{target} goes nowhere")
    elif code not in "".join(el.itertext()):
        fail.append(f"{code} is listed but not shown on #{target}")

for f in fail:
    print(f"FAIL: {page_path}: {f}")
sys.exit(1 if fail else 0)
