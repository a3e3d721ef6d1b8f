#!/usr/bin/env python3
"""Checks the away-day deck with independent readers.

    python3 tests/deck_check.py [PATH/TO/outcome-explorer] [PROJECT.ron]

Writes the project's first presentation as PowerPoint and PDF with the app, then:
- opens the .pptx with python-pptx (pip install python-pptx): one 16:9 slide per storyboard
  slide, each title in its title placeholder, each slide's notes in its notes pane, each
  picture with alternative text;
- has LibreOffice Impress convert it to PDF (soffice --headless, Debian's
  libreoffice-impress-nogui), which fails on a package it cannot read, and reads that PDF's
  pages and text with pdftotext (poppler-utils);
- reads the app's own PDF the same way: one page per slide, each title as text.
Exits 1 on the first failure, naming it.
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def storyboard(project):
    """The first presentation's slide titles and notes, read from the RON text; None when the
    project has no presentation (the app then exports its starter deck of headline views)."""
    text = open(project, encoding="utf-8").read()
    if "  presentations: [" not in text:
        return None
    start = text.index("  presentations: [")
    block = text[start:]
    # The first presentation ends where the second begins.
    first = block.find("\n    (\n      id:")
    second = block.find("\n    (\n      id:", first + 1)
    if second > 0:
        block = block[:second]
    titles = re.findall(r'^          title: "((?:[^"\\]|\\.)*)",$', block, re.M)
    slides = re.split(r"^        \(\n", block, flags=re.M)[1:]
    notes = []
    for s in slides:
        m = re.search(r'^          notes: "((?:[^"\\]|\\.)*)",$', s, re.M)
        notes.append(m.group(1).replace('\\"', '"') if m else "")
    return [t.replace('\\"', '"') for t in titles], notes


def words(s, n=5):
    return " ".join(s.split()[:n])


def pdf_text(path):
    out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True)
    return out.stdout


def check_pdf(path, titles, who):
    text = pdf_text(path)
    pages = text.count("\f")
    if pages != len(titles):
        fail(f"{who}: {pages} pages for {len(titles)} slides")
    flat = " ".join(text.split())
    for t in titles:
        if words(t) not in flat:
            fail(f"{who}: title {t!r} is not in the text")
    print(f"ok: {who}: {pages} pages, every title as text")


def main():
    app = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/outcome-explorer")
    project = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "sample-data/luton-2040.ron")
    board = storyboard(project)
    if board is not None and not board[0]:
        fail("no storyboard in " + project)
    tmp = tempfile.mkdtemp()
    pptx_path = os.path.join(tmp, "deck.pptx")
    pdf_path = os.path.join(tmp, "ours.pdf")
    for out in (pptx_path, pdf_path):
        subprocess.run([app, "export", "deck", project, "--out", out], check=True)

    from pptx import Presentation
    from pptx.util import Emu

    prs = Presentation(pptx_path)
    if board is None:
        # No storyboard in the file: the titles are what the package says, read independently.
        titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
        notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
        if not titles or not all(titles):
            fail(f"the starter deck has {len(titles)} slides, some without a title")
    else:
        titles, notes = board
    if (prs.slide_width, prs.slide_height) != (Emu(12192000), Emu(6858000)):
        fail("the slides are not 16:9 widescreen")
    if len(prs.slides) != len(titles):
        fail(f"{len(prs.slides)} slides for {len(titles)} in the storyboard")
    for i, (slide, title, note) in enumerate(zip(prs.slides, titles, notes), 1):
        if slide.shapes.title is None or slide.shapes.title.text != title:
            fail(f"slide {i}: title placeholder holds {slide.shapes.title and slide.shapes.title.text!r}, not {title!r}")
        got = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        if got.strip() != note.strip():
            fail(f"slide {i}: notes {got!r}, not {note!r}")
        for shape in slide.shapes:
            if shape.shape_type == 13:  # a picture
                descr = shape._element.nvPicPr.cNvPr.get("descr", "")
                if not descr:
                    fail(f"slide {i}: a picture without alternative text")
                if shape.image.size[0] < 1920:
                    fail(f"slide {i}: picture only {shape.image.size[0]} pixels wide")
    print(f"ok: python-pptx reads {len(titles)} slides, titles in placeholders, notes, alt text")

    lo = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, pptx_path],
        capture_output=True,
        text=True,
        timeout=300,
    )
    converted = os.path.join(tmp, "deck.pdf")
    if lo.returncode != 0 or not os.path.exists(converted):
        fail("LibreOffice could not convert the PowerPoint file: " + lo.stderr)
    check_pdf(converted, titles, "LibreOffice's PDF of the .pptx")
    check_pdf(pdf_path, titles, "the app's PDF")
    fonts = subprocess.run(["pdffonts", pdf_path], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    # Columns end: emb sub uni object-number generation.
    if not rows or "DejaVu" not in fonts or any(r[-5] != "yes" for r in rows):
        fail("the app's PDF does not embed its fonts:\n" + fonts)
    print("ok: the app's PDF embeds its fonts")
    check_pictures(app, project, tmp, len(titles))


def check_pictures(app, project, tmp, n):
    """The numbered PNGs: one per slide, each 1920×1080 (read from the PNG header)."""
    import struct

    out = os.path.join(tmp, "pictures")
    subprocess.run([app, "export", "deck", project, "--out-dir", out, "--format", "png"], check=True)
    files = sorted(f for f in os.listdir(out) if f.endswith(".png"))
    if len(files) != n:
        fail(f"{len(files)} pictures for {n} slides")
    for f in files:
        with open(os.path.join(out, f), "rb") as fh:
            head = fh.read(24)
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            fail(f"{f} is not a PNG")
        w, h = struct.unpack(">II", head[16:24])
        if (w, h) != (1920, 1080):
            fail(f"{f} is {w}×{h}, not 1920×1080")
    print(f"ok: {n} numbered pictures, each 1920×1080")


if __name__ == "__main__":
    main()
