#!/usr/bin/env python3
"""Every measure's chart of a project as 1920×1080 PNGs: Outcome Explorer against matplotlib,
whole processes, paired runs on the same machine.

    python3 benches/matplotlib_side_by_side.py [PROJECT.ron] [--runs 5] [--app PATH]

The matplotlib side draws what a careful analyst would put on a slide for each measure:
the series with its points, the targets as markers with their labels, a title, axis labels,
a legend and a footnote naming the sources. It reads the project file with the small RON
reader below. Both sides write into fresh temporary folders; the figures printed are the
median wall time of each side and their ratio. Needs matplotlib (pip install matplotlib).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ----------------------------------------------------------------------------------------
# A small reader for the project file (RON): structs, lists, strings, numbers, bare words.

TOKEN = re.compile(
    r'\s+|//[^\n]*|#!\[[^\]]*\]|r#"(?P<raw>.*?)"#|"(?P<str>(?:[^"\\]|\\.)*)"'
    r"|(?P<num>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<punct>[()\[\]{}:,])",
    re.S,
)


def tokens(text):
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read the project file at character {pos}")
        pos = m.end()
        if m.group("raw") is not None:
            yield ("str", m.group("raw"))
        elif m.group("str") is not None:
            yield ("str", bytes(m.group("str"), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"))
        elif m.group("num") is not None:
            yield ("num", float(m.group("num")))
        elif m.group("word") is not None:
            yield ("word", m.group("word"))
        elif m.group("punct") is not None:
            yield ("punct", m.group("punct"))


def parse(text):
    toks = list(tokens(text))
    i = 0

    def value():
        nonlocal i
        kind, v = toks[i]
        i += 1
        if kind == "punct" and v == "(":
            out = {}
            items = []
            while toks[i] != ("punct", ")"):
                if toks[i][0] == "word" and toks[i + 1] == ("punct", ":"):
                    key = toks[i][1]
                    i += 2
                    out[key] = value()
                else:
                    items.append(value())
                if toks[i] == ("punct", ","):
                    i += 1
            i += 1
            return out if out or not items else (items[0] if len(items) == 1 else items)
        if kind == "punct" and v == "[":
            out = []
            while toks[i] != ("punct", "]"):
                out.append(value())
                if toks[i] == ("punct", ","):
                    i += 1
            i += 1
            return out
        if kind == "word" and i < len(toks) and toks[i] == ("punct", "("):
            return {v: value()}
        return v

    return value()


# ----------------------------------------------------------------------------------------
# Periods as decimal years.

def year_of(period):
    p = period.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", p):
        return int(m[1]) + (int(m[2]) - 1) / 12 + (int(m[3]) - 1) / 365
    if m := re.fullmatch(r"(\d{4})-(\d{2})", p):
        return int(m[1]) + (int(m[2]) - 0.5) / 12
    if m := re.fullmatch(r"(\d{4})-Q(\d)", p):
        return int(m[1]) + (int(m[2]) - 0.5) / 4
    if m := re.fullmatch(r"(\d{4})/(\d{2}) Q(\d)", p):
        return int(m[1]) + 0.25 + (int(m[3]) - 0.5) / 4
    if m := re.fullmatch(r"(\d{4})/(\d{2})", p):
        return int(m[1]) + 0.75
    if m := re.fullmatch(r"(\d{4})-(\d{4})", p):
        return (int(m[1]) + int(m[2]) + 1) / 2
    return int(p) + 0.5


def matplotlib_charts(project_path, out_dir):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    project = parse(open(project_path, encoding="utf-8").read())
    sources = {s["id"]: s for s in project.get("sources", [])}
    org = project["programme"].get("organisation", "")
    for m in project.get("measures", []):
        obs = m.get("observations", [])
        fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
        xs = [year_of(o["period"]) for o in obs]
        ys = [o["value"] for o in obs]
        if obs:
            ax.plot(xs, ys, "-o", color="#0072b2", label=org or "Value", linewidth=3)
            if len(obs) <= 8:
                for x, y in zip(xs, ys):
                    ax.annotate(f"{y:,.0f}" if y >= 100 else f"{y:g}", (x, y),
                                textcoords="offset points", xytext=(0, 10), ha="center", fontsize=14)
        for t in m.get("targets", []):
            ax.plot([t["year"] + 0.5], [t["value"]], "D", color="#d55e00", markersize=12)
            ax.annotate(f'{t.get("label", "")} ({t["year"]}: {t["value"]:g})', (t["year"] + 0.5, t["value"]),
                        textcoords="offset points", xytext=(8, 8), fontsize=13)
        ax.set_title(m.get("chart_title") or m["name"], fontsize=26, loc="left")
        ax.set_ylabel(str(m.get("unit")), fontsize=16)
        ax.grid(axis="y", color="#dde1e6")
        ax.tick_params(labelsize=14)
        if obs:
            ax.legend(fontsize=14, loc="upper right")
        cited = {o.get("source") for o in obs if o.get("source")}
        foot = "; ".join(
            f'{sources[s]["title"]} ({sources[s].get("publisher", "")}, {sources[s].get("published", "")})'
            for s in sorted(cited) if s in sources
        )
        fig.text(0.01, 0.01, ("Source: " + foot)[:220], fontsize=11, color="#555b63")
        fig.savefig(os.path.join(out_dir, m["id"] + ".png"))
        plt.close(fig)
    return len(project.get("measures", []))


def timed(argv):
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("project", nargs="?", default=os.path.join(ROOT, "sample-data", "luton-2040.ron"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--app", default=None, help="the outcome-explorer binary (default: target/release)")
    ap.add_argument("--matplotlib-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.matplotlib_only:
        print(matplotlib_charts(a.project, a.out))
        return
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    app = a.app or os.path.join(target, "release", "outcome-explorer")
    if not os.path.exists(app):
        sys.exit(f"{app} is missing: run cargo build --release first")
    ours, theirs = [], []
    for _ in range(a.runs):
        d1, d2 = tempfile.mkdtemp(), tempfile.mkdtemp()
        try:
            ours.append(timed([app, "export", "charts", a.project, "--out-dir", d1, "--format", "png"]))
            theirs.append(timed([sys.executable, __file__, a.project, "--matplotlib-only", "--out", d2]))
            n = len(os.listdir(d1))
            size_ours = sum(os.path.getsize(os.path.join(d1, f)) for f in os.listdir(d1))
            size_theirs = sum(os.path.getsize(os.path.join(d2, f)) for f in os.listdir(d2))
        finally:
            shutil.rmtree(d1)
            shutil.rmtree(d2)
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"{n} charts at 1920×1080, median of {a.runs} paired runs (whole processes):")
    print(f"  Outcome Explorer  {o:6.2f} s  {size_ours / 1e6:5.1f} MB")
    print(f"  matplotlib        {t:6.2f} s  {size_theirs / 1e6:5.1f} MB")
    print(f"  ratio             {o / t:6.3f}×")


if __name__ == "__main__":
    main()
