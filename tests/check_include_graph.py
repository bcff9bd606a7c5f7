#!/usr/bin/env python3
"""The layers, as the compiler sees them (docs/architecture.md).

Asks the compiler for every source file's headers (`cc -M`, from the build's
compile_commands.json), maps each file to its layer and fails on any include
that goes up or sideways:

    main -> {ui, cli} -> host -> {xapi} -> {scenario, text, platform} -> core

and on the other rules of the layering: SDL only in ui, cJSON only in scenario,
xapi, host and cli, libcurl only in host; a layer's private headers (src/L/*.h)
only in that layer, except the entry headers named in PUBLIC_HEADERS; core and
text do not print or touch files; no `extern` declarations in .c files; no
header named like a system header; core, text and host do not print; the calls that differ per platform (files,
folders, clock, environment, terminals) only in src/platform.

usage: check_include_graph.py SOURCE_DIR BUILD_DIR   (prints the layer graph)
"""
import json
import os
import re
import shlex
import subprocess
import sys

RANK = {"core": 0, "text": 1, "scenario": 1, "platform": 1, "xapi": 2, "host": 3, "ui": 4, "cli": 4, "main": 5}
# Layers a layer may include, besides itself: everything ranked lower, except
# that text and scenario and platform are independent of each other.
ALLOWED = {
    "core": set(),
    "text": {"core"},
    "scenario": {"core"},
    "platform": set(),
    "xapi": {"core", "text", "scenario"},
    "host": {"core", "text", "scenario", "platform", "xapi"},
    "ui": {"core", "text", "scenario", "platform", "xapi", "host"},
    "cli": {"core", "text", "scenario", "platform", "xapi", "host"},
    "main": {"cli", "ui", "platform"},
}
EXTERNAL = {"SDL": {"ui"}, "cjson": {"scenario", "xapi", "host", "cli"}, "curl": {"host"}, "libcsv": {"scenario"}}
PUBLIC_HEADER_OF = {  # include/keyaccounts/X.h -> layer
    "model": "core", "sim": "core", "bots": "core", "stats": "core", "rng": "core", "arena": "core",
    "alloc": "core", "odds": "core", "optimise": "core", "text": "text", "text_keys": "text", "scenario": "scenario",
    "diag": "scenario", "session": "scenario", "sheet": "scenario", "skeleton": "scenario", "untrusted": "scenario", "xapi": "xapi",
}
# Private folders whose headers other layers may include: a layer's API.
PUBLIC_HEADERS = {"src/host/", "src/platform/platform.h", "src/ui/entry/", "src/cli/commands.h"}
PLATFORM_CALLS = re.compile(
    r"(?<![\w.>])(opendir|readdir|closedir|realpath|getenv|stat|lstat|fstat|open_memstream|rename|unlink|"
    r"remove|mkdir|rmdir|access|fsync|isatty|gmtime_r|gmtime|localtime|time|mkstemp)\s*\(")
PRINT_CALLS = re.compile(r"(?<![\w.>])(printf|fprintf|puts|fputs|fputc|putchar|fwrite|fopen|perror)\s*\(")


def layer_of(path, root):
    rel = os.path.relpath(path, root)
    if rel.startswith(".."):
        if "/SDL2/" in path:
            return "SDL", rel
        if "/cjson/" in path:
            return "cjson", rel
        if "/curl/" in path:
            return "curl", rel
        if path.endswith("/csv.h"):
            return "libcsv", rel
        return None, rel  # libc and other system headers
    parts = rel.split("/")
    if parts[0] == "include" and len(parts) == 3:
        return PUBLIC_HEADER_OF.get(parts[2][:-2], "?"), rel
    if parts[0] == "src" and len(parts) >= 3:
        return parts[1], rel
    return "?", rel


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def main():
    root, build = os.path.realpath(sys.argv[1]), sys.argv[2]
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    problems, edges, checked = [], {}, 0
    for e in entries:
        src = os.path.realpath(e["file"])
        layer, rel = layer_of(src, root)
        if not rel.startswith("src/"):
            continue  # tests and benchmarks may reach inside
        args = shlex.split(e["command"])
        out = []
        skip = False
        for a in args:
            if skip:
                skip = False
                continue
            if a == "-o":
                skip = True
                continue
            if a.startswith("-flto") or a == "-ffat-lto-objects":
                continue
            out.append(a)
        deps = subprocess.run(out + ["-M", "-MT", "x"], cwd=e["directory"], capture_output=True, text=True)
        if deps.returncode != 0:
            problems.append(f"{rel}: the compiler could not list its headers: {deps.stderr.strip()}")
            continue
        checked += 1
        headers = deps.stdout.replace("\\\n", " ").split()[1:]
        for h in headers:
            h = os.path.realpath(os.path.join(e["directory"], h))
            if h == src:
                continue
            hl, hrel = layer_of(h, root)
            if hl is None or hl == layer:
                continue
            edges[(layer, hl)] = edges.get((layer, hl), 0) + 1
            if hl in EXTERNAL:
                if layer not in EXTERNAL[hl]:
                    problems.append(f"{rel}: {layer} includes {hl} ({hrel})")
                continue
            if hl not in ALLOWED.get(layer, set()):
                problems.append(f"{rel}: {layer} may not include {hl} ({hrel})")
            elif hrel.startswith("src/") and not any(hrel.startswith(p) for p in PUBLIC_HEADERS):
                problems.append(f"{rel}: includes {hrel}, private to {hl}")
    if checked < 50:
        problems.append(f"only {checked} source files were checked: is compile_commands.json complete?")

    system_names = set(os.listdir("/usr/include"))
    for d, _, files in os.walk(os.path.join(root, "src")):
        for name in files:
            path = os.path.join(d, name)
            rel = os.path.relpath(path, root)
            if name.endswith(".h") and name in system_names:
                problems.append(f"{rel}: named like the system header <{name}>")
            if not name.endswith(".c"):
                continue
            with open(path, encoding="utf-8") as f:
                code = strip_comments(f.read())
            for n, line in enumerate(code.split("\n"), 1):
                if re.match(r"\s*extern\b", line):
                    problems.append(f"{rel}:{n}: an extern declaration in a .c file (declare it in a header)")
                if rel.startswith(("src/core/", "src/text/", "src/host/")) and PRINT_CALLS.search(line):
                    problems.append(f"{rel}:{n}: core, text and host return data; they do not print or open files")
                if not rel.startswith("src/platform/") and PLATFORM_CALLS.search(line):
                    problems.append(f"{rel}:{n}: a platform call outside src/platform: "
                                    f"{PLATFORM_CALLS.search(line).group(1)}()")

    for (a, b), n in sorted(edges.items(), key=lambda kv: (-RANK.get(kv[0][0], 9), kv[0])):
        print(f"{a} -> {b}  ({n} includes)")
    for p in problems:
        print("FAIL:", p)
    print(f"include graph: {checked} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
