"""Budget breakdown checks: a project's parts, shares and yearly figures against its total.

Like the Open Contracting budget-breakdown extension, the funding lines of one project form a
breakdown. Where a document gives a total and its parts (1.135.740 € + 456.840 € = 1.592.580 €),
a share and its base (20 % of 1.135.740 € = 227.148 €), a yearly figure and its sum over the
period (3 × 75.716 € = 227.148 €) or the financing shares (ESR 80 % + own 20 % = 100 %), they
must agree. A disagreement is reported as a warning; nothing is corrected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from schemas.vocab import FundingRole, FundingSource


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One amount of a breakdown, as the checks need it."""

    group: Hashable  # lines of one named project (in one decision) share a group; None: none
    label: str  # how a warning names the project
    page: int
    amount: float
    precision: float  # value of the last printed digit: rounded figures may differ by half of it
    role: FundingRole
    recipient: str | None = None
    share_percent: float | None = None
    years: int | None = None  # whole calendar years of the line's period
    per_year: bool = False
    parent: int | None = None  # index of the amount this one restates per year, in brackets


@dataclass(frozen=True, slots=True)
class Share:
    """A financing share printed without an amount: `ESR-rahoitusta (80%)`, `omarahoitus 20%`."""

    group: Hashable
    label: str
    page: int
    role: FundingRole
    source: FundingSource | None
    percent: float


def check(lines: list[BudgetLine], shares: list[Share]) -> list[str]:
    """Warnings for every part, share or yearly figure that does not add up."""
    warnings: list[str] = []
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        groups[line.group].append(i)
    for group, members in groups.items():
        if group is None:
            continue  # amounts of no named project: nothing says they are one budget
        warnings += _parts(lines, members)
        warnings += _share_amounts(lines, members)
    warnings += _per_year(lines)
    warnings += _share_sums(shares)
    return warnings


def euros(amount: float) -> str:
    """An amount as Finnish documents print it: `1.592.580 €`, `227.148,50 €`."""
    whole, cents = divmod(round(abs(amount) * 100), 100)
    text = f"{whole:,}".replace(",", ".") + (f",{cents:02d}" if cents else "")
    return f"{'-' if amount < 0 else ''}{text} €"


def _close(value: float, expected: float, tolerance: float) -> bool:
    return abs(value - expected) <= tolerance + 0.005


def _parts(lines: list[BudgetLine], members: list[int]) -> list[str]:
    """Implementers' parts (role other, one per recipient) against the project total."""
    totals = [lines[i] for i in members if lines[i].role is FundingRole.TOTAL_COST]
    if len(totals) != 1 or totals[0].per_year:
        return []
    total = totals[0]
    parts: dict[str, BudgetLine] = {}
    for i in members:
        line = lines[i]
        if line.role is FundingRole.OTHER and line.recipient and not line.per_year:
            parts.setdefault(line.recipient, line)
    if not parts:
        return []
    added = sum(p.amount for p in parts.values())
    tolerance = total.precision / 2 + sum(p.precision / 2 for p in parts.values())
    if len(parts) == 1 and added <= total.amount + tolerance:
        return []  # one part of several: only "not more than the total" can be checked
    if _close(added, total.amount, tolerance):
        return []
    shown = " + ".join(euros(p.amount) for p in parts.values())
    return [
        f"funding: the parts of {total.label} (p. {total.page}) add up to {euros(added)} "
        f"({shown}), not to the total {euros(total.amount)}"
    ]


def _share_amounts(lines: list[BudgetLine], members: list[int]) -> list[str]:
    """An amount with a share (20 % self-financing) against its recipient's part or the total."""
    warnings: list[str] = []
    for i in members:
        line = lines[i]
        if line.share_percent is None or line.per_year:
            continue
        base = _base(lines, members, line)
        if base is None:
            continue
        # A share may be of a partner's part rather than of the whole ("Esimerkkilän osuus
        # rahoitetaan … 30 000 eurolla (20 %)"): it fits when it fits any part printed.
        parts = [lines[j] for j in members if lines[j].role is FundingRole.OTHER]
        if any(_share_fits(line, part) for part in parts if not part.per_year):
            continue
        expected = base.amount * line.share_percent / 100
        if not _share_fits(line, base):
            warnings.append(
                f"funding: {euros(line.amount)} of {line.label} (p. {line.page}) is not "
                f"{line.share_percent:g} % of {euros(base.amount)} ({euros(expected)})"
            )
    return warnings


def _share_fits(line: BudgetLine, base: BudgetLine) -> bool:
    """Whether an amount is its share of `base`, within the rounding of both figures."""
    if line.share_percent is None:
        return False
    expected = base.amount * line.share_percent / 100
    tolerance = line.precision / 2 + base.precision / 2 * line.share_percent / 100
    return _close(line.amount, expected, tolerance)


def _base(lines: list[BudgetLine], members: list[int], line: BudgetLine) -> BudgetLine | None:
    """The amount a share is taken of: the recipient's own part, else the project total."""
    candidates = [lines[i] for i in members if not lines[i].per_year]
    if line.recipient:
        own = [
            c for c in candidates if c.role is FundingRole.OTHER and c.recipient == line.recipient
        ]
        if own:
            return own[0]
    totals = [c for c in candidates if c.role is FundingRole.TOTAL_COST]
    if len(totals) == 1 and totals[0].recipient in (None, line.recipient):
        return totals[0]
    return None


def _per_year(lines: list[BudgetLine]) -> list[str]:
    """A yearly figure printed beside an amount, times the years of the period, is that amount."""
    warnings: list[str] = []
    for line in lines:
        if not line.per_year or line.parent is None or not line.years:
            continue
        whole = lines[line.parent]
        if whole.per_year:
            continue
        added = line.amount * line.years
        tolerance = line.precision / 2 * line.years + whole.precision / 2
        if not _close(added, whole.amount, tolerance):
            warnings.append(
                f"funding: {euros(line.amount)} a year of {line.label} (p. {line.page}) over "
                f"{line.years} years is {euros(added)}, not {euros(whole.amount)}"
            )
    return warnings


def _share_sums(shares: list[Share]) -> list[str]:
    """Financing shares of one project: external grants plus own money make 100 %."""
    groups: dict[Hashable, dict[tuple[FundingRole, FundingSource | None], Share]] = defaultdict(
        dict
    )
    for share in shares:
        groups[share.group].setdefault((share.role, share.source), share)
    warnings: list[str] = []
    for found in groups.values():
        roles = {role for role, _ in found}
        if not {FundingRole.GRANT, FundingRole.SELF_FINANCING} <= roles:
            continue  # one side only: nothing to add up
        added = sum(s.percent for s in found.values())
        if abs(added - 100) > 0.01:
            first = next(iter(found.values()))
            shown = " + ".join(f"{s.percent:g} %" for s in found.values())
            warnings.append(
                f"funding: the financing shares of {first.label} (p. {first.page}) add up to "
                f"{added:g} % ({shown}), not 100 %"
            )
    return warnings
