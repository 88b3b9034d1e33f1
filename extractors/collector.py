"""What a reading of a programme has found: each theme once, and the actions under them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.action_fields import Fields
from extractors.columns import audience_of
from extractors.drafts import ActionDraft, ThemeDraft
from extractors.names import quote, same_name
from schemas.vocab import ThemeKind


@dataclass(slots=True)
class Collector:
    """What a reading has found so far: themes (each once) and actions, in document order."""

    themes: list[ThemeDraft] = field(default_factory=list)
    actions: list[ActionDraft] = field(default_factory=list)
    starred: bool = False

    def theme(self, draft: ThemeDraft) -> ThemeDraft:
        """The theme as recorded: a twin found earlier (by name) or this one, newly added."""
        for known in self.themes:
            if same_name(known.name, draft.name) or (
                draft.ordinal and known.ordinal == draft.ordinal and _similar(known, draft)
            ):
                if draft.rank < known.rank:
                    known.page, known.quote, known.rank = draft.page, draft.quote, draft.rank
                    known.name = draft.name if len(draft.name) >= 3 else known.name
                if len(draft.name) > len(known.name) and same_name(known.name, draft.name):
                    known.name = draft.name  # "OSAAMINEN - Työn …" over "Työn …"
                known.ordinal = known.ordinal or draft.ordinal
                known.description = known.description or draft.description
                if known.kind is ThemeKind.THEME and draft.kind is not ThemeKind.THEME:
                    known.kind = draft.kind
                return known
        self.themes.append(draft)
        return draft

    def action(
        self,
        text: str,
        page: int,
        theme: ThemeDraft | None,
        fields: Fields,
        printed: str,
    ) -> None:
        """Record an action: its text without the star that marks state funding."""
        starred = "*" in text
        text = re.sub(r"\s*\*+(?=[\s,.;:)]|$)", "", text).strip()
        if len(text) < 4:
            return
        state_funded = fields.state_funded
        if self.starred and state_funded is None:
            state_funded = starred
        self.actions.append(
            ActionDraft(
                text=text,
                page=page,
                quote=quote(printed.replace("*", "") if starred else printed),
                theme=theme,
                audience=audience_of(text),
                years=fields.years,
                responsible=fields.responsible,
                status=fields.status,
                status_text=fields.status_text,
                postponed_to=fields.postponed_to,
                state_funded=state_funded,
                linked_programmes=fields.linked_programmes,
                metrics=fields.metrics,
            )
        )


def _similar(a: ThemeDraft, b: ThemeDraft) -> bool:
    wa, wb = set(a.name.casefold().split()), set(b.name.casefold().split())
    return len(wa & wb) >= max(1, min(len(wa), len(wb)) // 2)
