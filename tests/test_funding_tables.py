"""Funding read from tables: which tables budget a project, and what each cell is.

The tables are built by hand as the structure stage gives them (cells with boxes; unruled
tables may split a figure over two cells), so each rule is seen on its own.
"""

from __future__ import annotations

import datetime as dt

from extractors.funding_tables import TableAmount, budget_tables, table_amounts
from extractors.table_cells import figures
from schemas.tree import Cell, Row, TableBlock
from schemas.vocab import FundingRole, FundingSource

_ROW_HEIGHT = 14.0


def _table(
    header: list[tuple[str, float, float]], rows: list[list[tuple[str, float, float]]]
) -> TableBlock:
    """A table on page 2: (text, x0, x1) per cell, one row under another."""

    def row(cells: list[tuple[str, float, float]], top: float) -> Row:
        return Row(
            cells=[Cell(text=t, bbox=(x0, top, x1, top + 10), page=2) for t, x0, x1 in cells],
            page=2,
        )

    body = [row(cells, 120 + i * _ROW_HEIGHT) for i, cells in enumerate(rows)]
    return TableBlock(
        page=2, pages=[2], bbox=(60, 100, 540, 400), header=[row(header, 100)], rows=body
    )


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _summary(found: list[TableAmount]) -> list[tuple[float, str, bool, object]]:
    return [
        (a.amount, a.role.value, a.per_year, a.period and (a.period[0].year, a.period[1].year))
        for a in found
    ]


def test_cost_lines_by_year_with_split_figures() -> None:
    # "180 000" printed with a thin gap arrives as two touching cells, as unruled tables do.
    table = _table(
        [("Kustannuslaji", 200, 260), ("2026", 380, 400), ("2027", 440, 460),
         ("Yhteensä", 495, 537)],
        [
            [("Henkilöstökulut", 200, 266), ("180", 366, 380), ("000", 379, 393),
             ("240", 429, 443), ("000", 442, 456), ("420 000", 504, 537)],
            [("Yhteensä", 200, 245), ("325", 366, 380), ("000", 379, 393),
             ("875", 429, 443), ("000", 442, 456), ("1", 496, 501), ("200 000", 504, 536)],
        ],
    )  # fmt: skip
    assert _summary(table_amounts(table)) == [
        (180000.0, "other", False, (2026, 2026)),
        (240000.0, "other", False, (2027, 2027)),
        (420000.0, "other", False, (2026, 2027)),  # a row total spans the year columns
        (325000.0, "annual", True, (2026, 2026)),  # the total row: the cost of each year
        (875000.0, "annual", True, (2027, 2027)),
        (1200000.0, "total_cost", False, (2026, 2027)),
    ]
    assert table_amounts(table)[0].quote == "Henkilöstökulut 180 000 240 000 420 000"


def test_project_list_with_source_and_years_columns() -> None:
    table = _table(
        [("Hanke", 66, 95), ("Kustannusarvio (€)", 285, 360), ("Rahoitus", 370, 420),
         ("Vuodet", 478, 508)],
        [
            [("Tietovarasto ja raportointi", 66, 200), ("150 000", 300, 340),
             ("valtionavustus", 370, 430), ("2025–2026", 478, 522)],
            [("Oppilaskoneet", 66, 150), ("95 000 €/v", 300, 345), ("omarahoitus", 370, 425),
             ("2025–2028", 478, 522)],
            [("Matkailuopastus", 66, 150), ("60 000", 300, 340),
             ("EAKR 70 %, omarahoitus 30 %", 370, 449), ("2026–2027", 478, 522)],
        ],
    )  # fmt: skip
    found = table_amounts(table)
    assert [(a.label, a.amount, a.role, a.source, a.source_text, a.per_year) for a in found] == [
        ("Tietovarasto ja raportointi", 150000.0, FundingRole.TOTAL_COST, FundingSource.STATE,
         "valtionavustus", False),
        ("Oppilaskoneet", 95000.0, FundingRole.ANNUAL, FundingSource.MUNICIPALITY,
         "omarahoitus", True),
        # Two sources in one cell: the words are kept, no single source is chosen.
        ("Matkailuopastus", 60000.0, FundingRole.TOTAL_COST, None,
         "EAKR 70 %, omarahoitus 30 %", False),
    ]  # fmt: skip
    assert found[0].period == (dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    assert all(a.names_project for a in found)


def test_financing_plan_rows_name_role_source_and_share() -> None:
    table = _table(
        [("Finansiering", 75, 345), ("euro", 345, 437)],
        [
            [("Statsunderstöd (70 %)", 75, 345), ("133 000", 345, 437)],
            [("Självfinansiering (30 %)", 75, 345), ("57 000", 345, 437)],
            [("Sammanlagt", 75, 345), ("190 000", 345, 437)],
        ],
    )
    found = table_amounts(table)
    assert [(a.amount, a.role, a.source, a.source_text, a.share) for a in found] == [
        (133000.0, FundingRole.GRANT, FundingSource.STATE, "Statsunderstöd", 70.0),
        (
            57000.0,
            FundingRole.SELF_FINANCING,
            FundingSource.MUNICIPALITY,
            "Självfinansiering",
            30.0,
        ),
        (190000.0, FundingRole.TOTAL_COST, None, None, None),
    ]


def test_one_row_per_year_is_annual() -> None:
    table = _table(
        [("År", 86, 97), ("euro", 142, 165)],
        [[("2025", 86, 108), ("23", 134, 144), ("680", 142, 158)],
         [("2026", 86, 108), ("47", 134, 144), ("360", 142, 158)]],
    )  # fmt: skip
    assert _summary(table_amounts(table)) == [
        (23680.0, "annual", True, (2025, 2025)),
        (47360.0, "annual", True, (2026, 2026)),
    ]


def test_budget_change_table() -> None:
    # The change column restates the text (the extractor drops it where the text says it);
    # a loan line is financing, not an appropriation.
    table = _table(
        [("Talousarviomuutokset", 70, 250), ("Talousarvio 2025", 260, 330), ("Muutos", 340, 400),
         ("Muutettu talousarvio", 410, 520)],
        [
            [("Investoinnit, ICT-hankkeet", 70, 200), ("600 000", 280, 330),
             ("+350 000 950 000", 350, 520)],
            [("Pitkäaikaisten lainojen lisäys", 70, 220), ("9 500 000", 280, 330),
             ("+260 000", 350, 400), ("9 760 000", 460, 520)],
        ],
    )  # fmt: skip
    found = table_amounts(table)
    assert [(a.amount, a.role.value, a.change) for a in found] == [
        (600000.0, "budget", False),
        (350000.0, "other", True),  # two figures the reader ran together are split
        (950000.0, "budget", False),
        (9500000.0, "other", False),
        (260000.0, "other", True),
        (9760000.0, "other", False),
    ]
    assert all(a.period == _year(2025) for a in found)


def test_reporting_tables_are_not_budgets() -> None:
    # Actuals and variances of a budget follow-up: a statement, not funding.
    report = _table(
        [("Kustannuspaikka", 60, 200), ("Talousarvio 2024", 210, 280), ("Toteutuma", 290, 350),
         ("Poikkeama", 360, 420)],
        [[("Maa- ja vesialueet", 60, 200), ("400 000", 210, 280), ("85 054", 290, 350),
          ("-314 946", 360, 420)]],
    )  # fmt: skip
    assert table_amounts(report) == []


def test_large_statement_tables_are_not_budgets() -> None:
    rows = [
        [(f"Tili {n}", 60.0, 200.0), (f"{n} 000 €", 210.0, 280.0), (f"{n + 1} 000 €", 290.0, 350.0)]
        for n in range(10, 40)
    ]
    assert table_amounts(_table([("Tili", 60, 200), ("2024", 210, 280)], rows)) == []


def test_tables_without_money_words_or_figures() -> None:
    metrics = _table(
        [("Mittari", 60, 200), ("Lähtötaso 2024", 210, 300), ("Tavoite 2028", 310, 400)],
        [[("Sähköisten asiointien osuus", 60, 200), ("48 %", 210, 240), ("75 %", 310, 340)]],
    )
    members = _table(
        [("Kokous", 60, 200), ("", 210, 400)],
        [[("Kaupunginhallitus § 153", 60, 200), ("puh. 03 4141 5210", 210, 400)]],
    )
    assert table_amounts(metrics) == []
    assert table_amounts(members) == []


def test_what_is_not_a_figure() -> None:
    assert [h.group(0) for h in figures("Microsoft 365 -ympäristö 70 000")] == ["70 000"]
    assert figures("§ 153") == []
    assert figures("2025–2027") == []
    assert figures("35,0") == []
    assert [h.group(0) for h in figures("500,00 €")] == ["500,00"]


def test_headerless_continuation_reads_under_the_last_header() -> None:
    first = _table(
        [("Hanke", 66, 95), ("Kustannusarvio", 285, 352), ("Rahoitus", 360, 420),
         ("Vuodet", 478, 508)],
        [[("Teollisuusalueen datapilotti", 66, 177), ("210 000", 300, 352),
          ("EAKR", 360, 386), ("2025–2027", 477, 522)]],
    )  # fmt: skip
    second = _table([], [[("Henkilöstön digikoulutus", 66, 200), ("30 000", 300, 352),
                          ("omarahoitus", 360, 425), ("2025–2026", 478, 522)]])  # fmt: skip
    second.header = []
    second.bbox = (66, 100, 540, 200)
    found = [a for _, amounts in budget_tables([first, second]) for a in amounts]
    assert [(a.label, a.role, a.source, a.period) for a in found] == [
        ("Teollisuusalueen datapilotti", FundingRole.TOTAL_COST, FundingSource.EAKR,
         (dt.date(2025, 1, 1), dt.date(2027, 12, 31))),
        ("Henkilöstön digikoulutus", FundingRole.TOTAL_COST, FundingSource.MUNICIPALITY,
         (dt.date(2025, 1, 1), dt.date(2026, 12, 31))),
    ]  # fmt: skip


def test_key_figures_per_unit_are_not_money() -> None:
    table = _table(
        [("", 60, 200), ("", 210, 400)],
        [
            [("Nettokustannus €/opiskelija", 60, 200), ("7 374", 210, 260)],
            [("Hankinnat / 1.000 asukasta", 60, 200), ("4 264", 210, 260)],
        ],
    )
    assert table_amounts(table) == []


def test_statement_documents_give_no_table_funding() -> None:
    # A document with many tables of figures is a financial statement or a budget book.
    def budget(n: int) -> TableBlock:
        return _table(
            [("Kustannuslaji", 60, 200), ("euro", 210, 280)],
            [[(f"Kulu {i}", 60, 200), (f"{n}{i} 000", 210, 280)] for i in range(5)],
        )

    assert len(budget_tables([budget(1), budget(2)])) == 2
    assert budget_tables([budget(n) for n in range(1, 9)]) == []
