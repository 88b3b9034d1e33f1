"""Themes and actions as found, before they get IDs and categories: what readers hand on."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas.vocab import Audience, Status, ThemeKind


@dataclass(slots=True)
class ThemeDraft:
    """A theme as found, before it gets its ID and category."""

    name: str
    kind: ThemeKind
    page: int
    quote: str
    ordinal: str | None = None
    description: str | None = None
    rank: int = 0  # how structural the finding is: lower wins when the same theme is found twice


@dataclass(slots=True)
class ActionDraft:
    """An action as found, before it gets its ID and category."""

    text: str
    page: int
    quote: str
    theme: ThemeDraft | None = None
    audience: Audience | None = None
    years: list[int] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    status: Status | None = None
    status_text: str | None = None
    postponed_to: int | None = None
    state_funded: bool | None = None
    linked_programmes: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Programme:
    """Themes and actions of one document."""

    themes: list[ThemeDraft]
    actions: list[ActionDraft]
