#!/usr/bin/env python3
"""Writes the hostile scenario files of tests/hostile.

  gen_hostile.py small DIR   the small files (committed in tests/hostile/files;
                             run this after changing one and review the diff)
  gen_hostile.py big DIR     the large ones (tens of MB), written at test time
  gen_hostile.py output DIR  scenarios for the output cases (run_output.sh):
                             control characters in text and keys

Each file is described in cases.txt with the outcome `validate` must give.
"""
import copy
import json
import os
import sys

# The smallest valid scenario (tests/scenario/valid/minimal.json), as data.
BASE = {
    "format_version": 1, "id": "minimal", "title": "Minimal lubricants account",
    "summary": "The smallest scenario that passes validation.",
    "briefing": "You supply Massive Lubricants and know only the purchasing manager.",
    "objectives": ["Meet the plant manager"], "seller": "ChemCo",
    "products": [{"id": "base_oil", "name": "Base oil"}],
    "accounts": [{
        "id": "massive", "name": "Massive Lubricants", "industry": "Lubricants",
        "employees": 400, "description": "A 400-person lubricant maker.",
        "baseline": 200000, "potential": 900000, "growth_target": 300000,
        "departments": [{"id": "purchasing", "name": "Purchasing"},
                        {"id": "plant", "name": "Plant"}],
        "needs": [{"id": "lower_cost", "text": "Lower cost per litre"}],
        "contacts": [
            {"id": "anna", "name": "Anna Berg", "title": "Purchasing manager",
             "department": "purchasing", "roles": ["economic_buyer"], "influence": 3,
             "mode": "even_keel", "known": True, "main": True, "needs": ["lower_cost"],
             "refers": ["ivan"]},
            {"id": "ivan", "name": "Ivan Petrov", "title": "Plant manager",
             "department": "plant", "influence": 4, "mode": "growth"}],
        "ideas": [{"id": "bulk", "title": "Bulk delivery",
                   "description": "Deliver base oil in bulk to cut the cost per litre.",
                   "product": "base_oil", "needs": ["lower_cost"], "value": 50000,
                   "level": "product", "approvals": ["economic_buyer"]}]}]}


def base():
    return copy.deepcopy(BASE)


def text(doc, indent=1):
    return json.dumps(doc, ensure_ascii=False, indent=indent).encode("utf-8")


def contact(i, **extra):
    c = {"id": "c%d" % i, "name": "n", "title": "t", "department": "plant",
         "influence": 1, "mode": "growth"}
    c.update(extra)
    return c


def with_contacts(n, only_id=False):
    doc = base()
    doc["accounts"][0]["contacts"] += [{"id": "c%d" % i} if only_id else contact(i)
                                       for i in range(n - 2)]
    return json.dumps(doc, separators=(",", ":")).encode()


def replace(data, old, new):
    assert old in data, old
    return data.replace(old, new, 1)


def small():
    files = {}
    minimal = text(base())
    files["empty.json"] = b""
    files["only-spaces.json"] = b"  \n\t\r\n  "
    files["only-bom.json"] = b"\xef\xbb\xbf"
    files["truncated.json"] = minimal[: len(minimal) // 2]
    files["top-level-array.json"] = b"[1, 2, 3]\n"
    files["top-level-number.json"] = b"1e400\n"
    files["utf16.json"] = "\ufeff".encode("utf-16-le") + minimal.decode().encode("utf-16-le")
    # Invalid UTF-8, in a key and in a value.
    files["invalid-utf8-key.json"] = replace(minimal, b'"seller"', b'"sel\xffler"')
    files["invalid-utf8-value.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xc3\x28Co"')
    files["cp1252-value.json"] = replace(minimal, b'"Anna Berg"', b'"Ren\xe9e Berg"')
    # Over-long encodings: '/' in two bytes, NUL in two bytes, '/' in three,
    # a UTF-16 surrogate encoded in UTF-8, a code point above U+10FFFF.
    files["overlong-slash.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xc0\xafCo"')
    files["overlong-nul.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xc0\x80Co"')
    files["overlong-3byte.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xe0\x80\xafCo"')
    files["utf8-surrogate.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xed\xa0\x80Co"')
    files["above-10ffff.json"] = replace(minimal, b'"ChemCo"', b'"Chem\xf4\x90\x80\x80Co"')
    files["truncated-sequence.json"] = minimal.rstrip()[:-1] + b'"\xe2\x82'
    files["lone-surrogate-escape.json"] = replace(minimal, b'"ChemCo"', b'"Chem\\uD800Co"')
    # NUL: a raw byte, and the escape in a key and in a value.
    files["nul-byte.json"] = replace(minimal, b'"ChemCo"', b'"Chem\x00Co"')
    files["nul-escape-key.json"] = replace(minimal, b'"seller"', b'"sel\\u0000ler"')
    files["nul-escape-value.json"] = replace(minimal, b'"ChemCo"', b'"Chem\\u0000Co"')
    # Numbers.
    files["number-1e400.json"] = replace(minimal, b'"employees": 400', b'"employees": 1e400')
    files["number-minus-1e400.json"] = replace(minimal, b'"baseline": 200000', b'"baseline": -1e400')
    files["number-1e-400.json"] = replace(minimal, b'"employees": 400', b'"employees": 1e-400')
    files["number-minus-zero.json"] = replace(minimal, b'"employees": 400', b'"employees": -0')
    files["number-nan.json"] = replace(minimal, b'"employees": 400', b'"employees": NaN')
    files["number-infinity.json"] = replace(minimal, b'"employees": 400', b'"employees": Infinity')
    files["number-1000-digits.json"] = replace(minimal, b'"employees": 400',
                                               b'"employees": ' + b"9" * 1000)
    files["number-2pow64.json"] = replace(minimal, b'"baseline": 200000',
                                          b'"baseline": 18446744073709551617')
    files["number-hex.json"] = replace(minimal, b'"employees": 400', b'"employees": 0x190')
    # Duplicate keys: at the top, and in a contact.
    files["duplicate-key-top.json"] = replace(minimal, b'"seller": "ChemCo"',
                                              b'"seller": "ChemCo", "seller": "Other"')
    files["duplicate-key-contact.json"] = replace(minimal, b'"name": "Ivan Petrov"',
                                                  b'"name": "Ivan Petrov", "name": "Ivan"')
    # Referral cycles are legal: a refers b refers c refers a. The scenario
    # must load and play to the end (simulate) without looping.
    doc = base()
    cs = doc["accounts"][0]["contacts"]
    cs[0]["refers"] = ["ivan"]
    cs[1]["refers"] = ["olga"]
    cs.append({"id": "olga", "name": "Olga Sim", "title": "Finance", "department": "plant",
               "influence": 2, "mode": "trouble", "refers": ["anna", "ivan"]})
    files["referral-cycle.json"] = text(doc)
    doc = base()
    doc["accounts"][0]["contacts"][0]["refers"] = ["ivan", "anna"]
    files["refers-self-cycle.json"] = text(doc)
    # Nesting just past the limit (33 levels) inside a value.
    files["nesting-33.json"] = replace(minimal, b'"Meet the plant manager"',
                                       b"[" * 32 + b"1" + b"]" * 32)
    return files


def big():
    files = {}
    files["deep-arrays-100000.json"] = b"[" * 100000 + b"]" * 100000
    files["deep-objects-100000.json"] = b'{"a":' * 100000 + b"1" + b"}" * 100000
    files["deep-unclosed-100000.json"] = b"[{" * 50000
    files["string-50mb.json"] = b'{"title": "' + b"A" * (50 * 1024 * 1024) + b'"}'
    # Inside the 8 MiB file limit, far beyond the 4,000-byte string limit.
    files["string-7mb.json"] = replace(text(base()), b'"ChemCo"', b'"' + b"A" * (7 << 20) + b'"')
    # 100,000 whole contacts need more than the 8 MiB file limit; with only
    # their ids they fit, and reach the list-length check.
    files["contacts-100000-full.json"] = with_contacts(100000)
    files["contacts-100000.json"] = with_contacts(100000, only_id=True)
    files["contacts-10001.json"] = with_contacts(10001)
    files["contacts-10000.json"] = with_contacts(10000)  # the documented limit: valid
    # 100,000 distinct unknown keys, and one key 100,000 times.
    keys = b", ".join(b'"k%d": 1' % i for i in range(100000))
    files["keys-100000-unknown.json"] = replace(text(base()), b'"format_version": 1,',
                                                b'"format_version": 1, ' + keys + b",")
    dup = b", ".join(b'"seller": "x"' for _ in range(100000))
    files["keys-100000-duplicate.json"] = replace(text(base()), b'"seller": "ChemCo"', dup)
    # 100,000 wrong values in one list: diagnostics are capped, not stored.
    files["objectives-100000-numbers.json"] = replace(
        text(base(), None), b'["Meet the plant manager"]', b"[" + b",".join([b"1"] * 100000) + b"]")
    # One 8 MB line of spaces before the error: positions on a long line.
    files["long-line-8mb.json"] = b"{" + b" " * (8 * 1000 * 1000) + b'"x": }'
    return files


# An ANSI escape that clears the screen and paints red, a bell, a carriage
# return, a C1 control and a right-to-left override: none may reach a terminal.
HOSTILE_TEXT = "\u001b[2J\u001b[31m\u0007\r\u0085\u202e"


def output():
    files = {}
    doc = base()
    doc["title"] = "Evil" + HOSTILE_TEXT + "\nx.json: OK: forged 95 (passed)"
    doc["accounts"][0]["contacts"][0]["name"] = "Anna" + HOSTILE_TEXT
    doc["accounts"][0]["ideas"][0]["title"] = "Bulk" + HOSTILE_TEXT
    files["control-text.json"] = text(doc)
    doc = base()
    doc["ti\u001b[31mtle\u202e"] = "unknown key"
    files["control-key.json"] = text(doc)
    return files


def main():
    kinds = {"small": small, "big": big, "output": output}
    if len(sys.argv) != 3 or sys.argv[1] not in kinds:
        sys.exit(__doc__)
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, data in kinds[sys.argv[1]]().items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
