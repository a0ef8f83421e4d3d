"""PDFs made by the tests (reportlab, BSD): a text as pages, two columns, a scan."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence


def text_pdf(text: str, *, width: int = 95, hyphenate: Sequence[str] = ()) -> bytes:
    """``text`` set as lines of at most ``width`` characters on A4 pages (Helvetica).

    Each word of ``hyphenate`` is cut by a hyphen at a line end where it occurs.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 9)
    y = A4[1] - 40
    for para in text.split("\n"):
        lines = textwrap.wrap(para, width) or [""]
        out: list[str] = []
        for line in lines:
            for word in hyphenate:
                i = line.find(word)
                if i >= 0:  # at its own hyphen (« vingt-/six »), else in its middle
                    h = word.find("-")
                    cut = i + (h + 1 if h >= 0 else len(word) // 2)
                    out.append(line[:cut] + ("" if h >= 0 else "-"))
                    line = line[cut:]
            out.append(line)
        for line in out:
            if y < 40:
                c.showPage()
                c.setFont("Helvetica", 9)
                y = A4[1] - 40
            c.drawString(40, y, line)
            y -= 11
    c.showPage()
    c.save()
    return buf.getvalue()


def two_column_pdf(heading: str, left: Sequence[str], right: Sequence[str]) -> bytes:
    """A page with a heading across it, then two columns of lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 10)
    w, h = A4
    c.drawString(40, h - 40, heading)
    for x, lines in ((40, left), (w / 2 + 10, right)):
        y = h - 70
        for line in lines:
            c.drawString(x, y, line)
            y -= 12
    c.showPage()
    c.save()
    return buf.getvalue()


def scanned_pdf(pdf: bytes, scale: float = 3.0) -> bytes:
    """The first page of ``pdf`` rendered to an image (300 dpi), as an image-only PDF."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=scale).to_pil().convert("L")
    finally:
        doc.close()
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=72 * scale)
    return buf.getvalue()
