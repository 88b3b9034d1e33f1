"""Structure cases found in review: each built here with reportlab and read back exactly.

A grid whose years are marked by shading, a wide table without rulings, two columns of prose,
a roadmap chart followed by ordinary text, body text beside a page of small print.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from pipeline.reading import clean, read
from pipeline.run import process_file
from pipeline.structure import build_tree
from pipeline.structure.outline import outline
from schemas.tree import DocumentTree, Paragraph, Section, TableBlock

HEIGHT = A4[1]


def _wrapped(text: str, width: int = 48) -> list[str]:
    """Running text cut into lines of at most `width` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _tree(path: Path) -> DocumentTree:
    doc = read.read_document(path)
    clean.clean_document(doc)
    return build_tree(doc)


def _top(tree: DocumentTree) -> list[str]:
    """The outline's lines without page marks, whitespace collapsed."""
    return [" ".join(line.split()) for line in outline(tree, 200).splitlines()]


def shaded_grid_pdf(path: Path) -> Path:
    """A ruled grid: action | owner | 2025 | 2026 | 2027, years marked by grey cells."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(56, HEIGHT - 70, "Digitiekartta 2025–2027")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(56, HEIGHT - 100, "Harmaa solu tarkoittaa, että toimenpide on käynnissä.")
    xs = [56, 276, 386, 446, 506, 566]
    rows = [
        ("Toimenpide", "Vastuu", (), True),
        ("Sähköinen asiointi", "Hallinto", (0, 1), False),
        ("Tietovarasto", "Talous", (1, 2), False),
        ("Tekoälykokeilu", "Tietohallinto", (2,), False),
    ]
    top = HEIGHT - 130
    for r, (action, owner, years, header) in enumerate(rows):
        y0, y1 = top - 22 * (r + 1), top - 22 * r
        for year in years:
            canvas.setFillGray(0.6)
            canvas.rect(xs[2 + year], y0, xs[3 + year] - xs[2 + year], 22, stroke=0, fill=1)
        canvas.setFillGray(0)
        canvas.setFont("Helvetica-Bold" if header else "Helvetica", 10)
        canvas.drawString(xs[0] + 4, y0 + 7, action)
        canvas.drawString(xs[1] + 4, y0 + 7, owner)
        if header:
            for i, year in enumerate(("2025", "2026", "2027")):
                canvas.drawString(xs[2 + i] + 4, y0 + 7, year)
        canvas.line(xs[0], y1, xs[-1], y1)
    bottom = top - 22 * len(rows)
    canvas.line(xs[0], bottom, xs[-1], bottom)
    for x in xs:
        canvas.line(x, top, x, bottom)
    canvas.showPage()
    canvas.save()
    return path


def test_shaded_cells_mark_the_years_of_a_grid(tmp_path: Path) -> None:
    pdf = shaded_grid_pdf(tmp_path / "shaded.pdf")
    tree = _tree(pdf)
    tables = [n for n in tree.root.walk() if isinstance(n, TableBlock)]
    assert len(tables) == 1
    table = tables[0]
    assert table.header_texts() == ["Toimenpide", "Vastuu", "2025", "2026", "2027"]
    shades = [[bool(c and c.shaded) for c in row.cells] for row in table.rows]
    assert shades == [
        [False, False, True, True, False],
        [False, False, False, True, True],
        [False, False, False, False, True],
    ]
    result = process_file(pdf)
    actions = [(a.text, a.years, a.responsible) for a in result.records["actions"]]
    assert actions == [
        ("Sähköinen asiointi", [2025, 2026], ["Hallinto"]),
        ("Tietovarasto", [2026, 2027], ["Talous"]),
        ("Tekoälykokeilu", [2027], ["Tietohallinto"]),
    ]


def test_a_wide_unruled_table_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "wide.pdf"
    canvas = Canvas(str(path), pagesize=landscape(A4))
    width = landscape(A4)[0]
    step = (width - 60) / 8
    canvas.setFont("Helvetica-Bold", 8)
    for j in range(8):
        canvas.drawString(30 + j * step, 560, f"Sarake {j}")
    canvas.setFont("Helvetica", 8)
    for r in range(20):
        for j in range(8):
            canvas.drawString(30 + j * step, 545 - r * 12, f"r{r} s{j}")
    canvas.showPage()
    canvas.save()
    table = next(n for n in _tree(path).root.walk() if isinstance(n, TableBlock))
    assert table.header_texts() == [f"Sarake {j}" for j in range(8)]
    assert [row.texts() for row in table.rows] == [
        [f"r{r} s{j}" for j in range(8)] for r in range(20)
    ]


def test_two_columns_of_prose_are_read_column_by_column(tmp_path: Path) -> None:
    path = tmp_path / "prose.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(40, 800, "Uutiskirje")
    canvas.setFont("Helvetica", 9)
    columns = [
        _wrapped(
            "Asukkaille kerrotaan uusista palveluista, ja " + "kaupunki kehittää asiointia " * 20
        ),
        _wrapped("Yrityksille kerrotaan tonttihausta, ja " + "elinkeinopalvelut neuvovat " * 20),
    ]
    for c, lines in enumerate(columns):
        for n, text in enumerate(lines):
            canvas.drawString(40 + c * 275, 770 - n * 11, text)  # baselines line up
    canvas.showPage()
    canvas.save()
    tree = _tree(path)
    section = tree.root.sections()[0]
    assert section.title == "Uutiskirje"
    paragraphs = [c for c in section.children if isinstance(c, Paragraph)]
    assert [p.text for p in paragraphs] == [" ".join(lines) for lines in columns]


def test_a_roadmap_chart_ends_at_the_next_heading(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(56, 780, "Tiekartta")
    canvas.setFont("Helvetica-Bold", 10)
    for i, year in enumerate(("2025", "2026", "2027")):
        canvas.drawString(300 + i * 80, 755, year)
    canvas.setFont("Helvetica", 10)
    projects = [("Asiointi", "VALMIS"), ("Tietovarasto", "KÄYNNISSÄ"), ("Robotiikka", "TULOSSA")]
    y = 740
    for text, status in projects:
        canvas.drawString(56, y, text)
        canvas.drawString(480, y, status)
        y -= 14
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(56, y - 10, "Seuranta")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(56, y - 26, "Tilanne raportoidaan kaupunginhallitukselle vuosittain.")
    canvas.drawString(56, y - 42, "• Johtoryhmä käsittelee katsauksen")
    canvas.showPage()
    canvas.save()
    assert _top(_tree(path)) == [
        "§ [1] Tiekartta (p1)",
        "Asiointi [VALMIS]",
        "Tietovarasto [KÄYNNISSÄ]",
        "Robotiikka [TULOSSA]",
        "§ [2] Seuranta (p1)",
        "¶ Tilanne raportoidaan kaupunginhallitukselle vuosittain.",
        "• Johtoryhmä käsittelee katsauksen",
    ]


def test_body_text_beside_a_page_of_small_print_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "small.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(56, 780, "Digiohjelma")
    canvas.setFont("Helvetica", 10)
    body = _wrapped("Ohjelma kokoaa tavoitteet ja toimenpiteet vuosille 2025–2027, " * 9, 90)
    for n, text in enumerate(body):
        canvas.drawString(56, 750 - n * 14, text)
    canvas.showPage()
    canvas.setFont("Helvetica", 7)
    for n in range(40):
        canvas.drawString(56, 790 - n * 9, f"Huomautus {n + 1}: luvut ovat arvioita ja päivittyvät")
    canvas.showPage()
    canvas.save()
    tree = _tree(path)
    sections = [n for n in tree.root.walk() if isinstance(n, Section)]
    assert [s.title for s in sections] == ["Digiohjelma"]
    first = next(c for c in sections[0].children if isinstance(c, Paragraph))
    assert first.text == " ".join(body)
