"""Decisions: one record per § item of minutes (pöytäkirja, protokoll, Tweb/CloudNC extracts)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extractors import roll_call
from extractors.item_headings import handled_warning
from extractors.minutes import (
    CASE_NUMBER,
    RULE,
    Block,
    Item,
    PageLine,
    case_number_in,
    classification_of,
    last_stage,
    split_items,
)
from extractors.people import nominative, preparers_of, proposer_of
from extractors.registry import ExtractionContext, register
from extractors.verdicts import Lemmatize, decide, lemmatised_texts, surface_lemmas
from schemas.records import Decision, record_id
from schemas.source import SourceDocument
from schemas.vocab import DocType, Language, SectionLabel

QUOTE_CHARS = 200
# Blocks where a roll call may be printed.
_VOTE_BLOCKS = (SectionLabel.DECISION, SectionLabel.VOTES, SectionLabel.DISCUSSION)
_DISSENT = re.compile(
    r"eriävä\w* mielipite\w*|eriävän mielipiteen|reservation\w*|reserverade", re.I
)
# A digest heading: "§ 467 Title: palautettiin yksimielisesti", "§ 12 Title — hyväksyttiin".
_DIGEST = re.compile(r"^(.*?)(?::|\s[—–])\s+(\S.*)$")


@register("decisions", table="decisions", needs_nlp=True)
def extract_decisions(doc: SourceDocument, context: ExtractionContext) -> Iterator[Decision]:
    """Yield one decision per § item of a minutes document."""
    if context.document.doc_type is not DocType.MINUTES:
        return
    tree = context.tree
    if tree is not None and tree.minutes:
        items, preamble = tree.items, tree.preamble  # read by the structure stage
    else:  # no tree (its stage failed, or a caller without one): the same reading of the lines
        items, preamble = split_items(doc, context.document.meeting_date)
    warning = handled_warning(preamble, [item.section for item in items])
    if warning is not None:
        context.document.warnings.append(warning)
    single = len(items) == 1
    stages = [_own_stage(item, context, preamble if single else None) for item in items]
    asked = [text for stage in stages for text in lemmatised_texts(stage.decision_text)]
    lemmatize = _lemmatizer(context, asked)
    for n, (item, stage) in enumerate(zip(items, stages, strict=True), start=1):
        yield _decision(doc, context, item, stage, n, preamble if single else [], lemmatize)


def _lemmatizer(context: ExtractionContext, texts: list[str]) -> Lemmatize:
    """Lemmas of a text, those of `texts` (what the decisions ask) found at once."""
    nlp = context.nlp
    if nlp is None or context.document.language is Language.SV:
        return surface_lemmas

    known: dict[str, list[str]] = {}  # an item's texts are asked again (debates, votes)

    def found(text: str, tagged: Any) -> list[str]:
        return [t.lemma_.lower() for t in tagged] + surface_lemmas(text)

    # spaCy tags a batch of texts three to four times as fast as one text at a time, with the
    # same tags (checked on every line of the corpora).
    batch = [text for text in dict.fromkeys(texts) if text.strip()]
    for text, tagged in zip(batch, nlp.pipe([t[:5000] for t in batch]), strict=True):
        known[text] = found(text, tagged)

    def lemmas(text: str) -> list[str]:
        if text not in known:
            known[text] = found(text, nlp(text[:5000]))
        return list(known[text])

    return lemmas


@dataclass(slots=True)
class _Stage:
    """An item's own stage (see `_own_stage`) and what it decided, as printed."""

    title: str | None
    blocks: list[Block]
    decision_blocks: list[Block]
    decision_text: str


def _own_stage(item: Item, context: ExtractionContext, preamble: list[PageLine] | None) -> _Stage:
    """The item's title and last stage, its decision blocks and text; `preamble` for the only
    item of a one-item extract."""
    title, digest = _title(item, context, preamble)
    # An item handled earlier by a committee repeats that stage's proposal and decision;
    # the record is about the last stage, this body's own.
    stage = _first_language(last_stage(item, context.document.meeting_date))
    decision_blocks = _own_blocks(stage, SectionLabel.DECISION, context.document.body)
    decision_text = _text(decision_blocks)
    if digest and not decision_text:
        # A digest's decision wraps onto the lines under its heading line (when no label follows).
        wrapped = [] if _labelled(item) else [pl.text for pl in item.lines[len(item.head_lines) :]]
        decision_text = " ".join(" ".join([digest, *wrapped]).split())
    return _Stage(title, stage, decision_blocks, decision_text)


def _decision(
    doc: SourceDocument,
    context: ExtractionContext,
    item: Item,
    own: _Stage,
    n: int,
    preamble: list[PageLine],
    lemmatize: Lemmatize,
) -> Decision:
    title, stage = own.title, own.blocks
    decision_blocks, decision_text = own.decision_blocks, own.decision_text
    # A stage with two proposal labels (an `Esitys` paragraph, then `Päätösehdotus` with the
    # proposer) has its formal proposal under the last one.
    proposal_blocks = [b for b in stage if b.label is SectionLabel.PROPOSAL][-1:]
    presenters = [b for b in stage if b.label is SectionLabel.PRESENTER]
    proposer, proposal_lines = proposer_of(proposal_blocks, presenters)
    proposal = " ".join(pl.text for pl in proposal_lines).strip() or None
    around = " ".join(
        b.text
        for b in stage
        if b.label in (SectionLabel.DISCUSSION, SectionLabel.VOTES, SectionLabel.DECISION)
    )
    counted = roll_call.count(
        [pl for b in stage if b.label in _VOTE_BLOCKS for pl in b.lines], decision_text
    )
    verdict = decide(decision_text, lemmatize, proposal=proposal, counted=counted)
    if around and around != decision_text:
        # Only the counts and names are read from the whole stage: no lemmas are needed for
        # them, and lemmatising its discussion was half of the decisions' time.
        extra = decide(around)
        verdict.recusals, verdict.experts = extra.recusals, extra.experts
        # Counts printed under Äänestystulokset / Kokouskäsittely fill what the decision omits.
        for name in ("votes_for", "votes_against", "votes_blank", "votes_absent"):
            if getattr(verdict, name) is None and getattr(extra, name) is not None:
                setattr(verdict, name, getattr(extra, name))
                verdict.unanimous = False
    recusal_blocks = [b for b in stage if b.label is SectionLabel.RECUSALS]
    if recusal_blocks:
        listed = decide(_text(recusal_blocks))  # names only: no lemmas
        verdict.recusals = listed.recusals
        verdict.experts += [n for n in listed.experts if n not in verdict.experts]
    dissent = _dissent(around)
    if dissent and verdict.unanimous:
        verdict.unanimous = False
    case_number = _case_number(item, preamble)
    page, quote = _provenance(item, decision_blocks)
    return Decision(
        decision_id=record_id(doc.document_id, "decision", n),
        document_id=doc.document_id,
        body=_body(item.body, context.document.body),
        meeting_date=item.meeting_date or context.document.meeting_date,
        section=item.section,
        case_number=case_number,
        classification=classification_of(case_number),
        title=title,
        preparers=preparers_of(item.blocks_of(SectionLabel.PREPARERS)),
        proposer=proposer,
        proposal=proposal,
        decision=decision_text or None,
        outcome=verdict.outcome,
        unanimous=verdict.unanimous,
        votes_for=verdict.votes_for,
        votes_against=verdict.votes_against,
        votes_blank=verdict.votes_blank,
        votes_absent=verdict.votes_absent,
        dissent=dissent,
        recusals=verdict.recusals,
        experts=verdict.experts,
        attachments=_attachments(item.blocks_of(SectionLabel.ATTACHMENTS)),
        page=page,
        quote=quote,
    )


def _own_blocks(stage: list[Block], label: SectionLabel, body: str | None) -> list[Block]:
    """The blocks with this label; of several stages' captions naming their body
    (`Kaupunginhallituksen päätös`, then `Kaupunginvaltuuston päätös`), the minutes' own body's,
    else the last."""
    blocks = [b for b in stage if b.label is label]
    owners = {_owner(b.caption) for b in blocks}
    if len(owners) < 2:
        return blocks
    own = [b for b in blocks if body and _owner(b.caption).lower() == body.lower()]
    last = _owner(blocks[-1].caption)
    return own or [b for b in blocks if _owner(b.caption) == last]


def _owner(caption: str) -> str:
    """The body or role a caption names in the genitive, in its base form ('' when none)."""
    head, _, _ = caption.rpartition(" ")
    return nominative(head.split()[-1]) if head else ""


def _first_language(stage: list[Block]) -> list[Block]:
    """The first copy of an item printed in two languages (`Förslag`, `Beslut`, then `Ehdotus`,
    `Päätös`): one decision, in the language the minutes print first.

    A second decision label that is another word (not `Päätös` again, as a stage printed
    without its stage line would have) starts the translation.
    """
    decisions = [i for i, b in enumerate(stage) if b.label is SectionLabel.DECISION]
    if len(decisions) < 2:
        return stage
    first = stage[decisions[0]].caption.lower().split()[-1:]
    if all(stage[i].caption.lower().split()[-1:] == first for i in decisions[1:]):
        return stage
    copy = next(
        i
        for i in range(decisions[0] + 1, len(stage))
        if stage[i].label in (SectionLabel.PROPOSAL, SectionLabel.DECISION)
    )
    return stage[:copy]


def _body(printed: str | None, own: str | None) -> str | None:
    """The item's body: as its heading prints it, unless that is an abbreviation (`KH`,
    `Kh`) of the minutes' own body."""
    if printed is None or (own and (printed.isupper() or len(printed) <= 4)):
        return own or printed
    return printed


def _labelled(item: Item) -> bool:
    return any(b.label is not None for b in item.blocks)


def _text(blocks: list[Block]) -> str:
    lines = [pl.text for b in blocks for pl in b.lines if not RULE.match(pl.text)]
    return " ".join(" ".join(lines).split())


def _title(
    item: Item, context: ExtractionContext, preamble: list[PageLine] | None
) -> tuple[str | None, str]:
    """The item's title, and a digest's decision when the heading carries one."""
    parts = [item.heading_title] if item.heading_title else []
    parts += [pl.text for pl in item.head_lines if not CASE_NUMBER.search(pl.text)]
    title = " ".join(" ".join(parts).split())
    digest = ""
    if m := _DIGEST.match(title):
        head, tail = m.groups()
        if decide(tail).outcome.value != "other":
            title, digest = head, tail
    if not title and preamble is not None:  # the minutes' only item
        title = _title_above(preamble) or context.document.title or ""
    return title or None, digest


def _title_above(preamble: list[PageLine]) -> str:
    """The title of a one-item extract printed above its stage lines (Tweb): the styled line
    over the diary number."""
    for n, (pl, below) in enumerate(itertools.pairwise(preamble)):
        if pl.line.bold and CASE_NUMBER.fullmatch(below.text.strip()) and len(pl.text) > 10:
            start = n
            while start > 0 and n - start < 3 and _wraps(preamble[start - 1], preamble[start]):
                start -= 1  # a title wrapped over a few lines
            return " ".join(" ".join(x.text for x in preamble[start : n + 1]).split())
    return ""


def _wraps(upper: PageLine, lower: PageLine) -> bool:
    """Whether `lower` continues the bold line `upper` (set at the line spacing, no gap)."""
    gap = lower.line.top - upper.line.bottom
    return upper.line.bold and upper.page == lower.page and gap < 0.6 * upper.line.height


def _case_number(item: Item, preamble: list[PageLine]) -> str | None:
    labelled = [pl for b in item.blocks_of(SectionLabel.CASE_NUMBER) for pl in b.lines]
    for lines in (labelled, item.head_lines, item.lines[:8], item.context, preamble):
        found = case_number_in(lines)
        if found:
            return found
    return None


def _attachments(blocks: list[Block]) -> list[str]:
    """Attachment names: one per bullet or numbered line (numbers dropped), wraps joined."""
    names: list[str] = []
    for block in blocks:
        numbered = False
        for pl in block.lines:
            text = pl.text.strip()
            bullet = _BULLET.match(text)
            if bullet and bullet.end() < len(text):
                numbered = True
                names.append(text[bullet.end() :].strip())
            elif names and text[:1].islower():
                names[-1] = f"{names[-1]} {text}"
            elif numbered:
                break  # the list is over: what follows is the item's text
            elif text:
                names.append(text)
    return names


_BULLET = re.compile(r"^(?:[-•–]\s*|\d{1,2}[.)]?\s+(?=\S)|Liite \d+\s*)")


def _dissent(text: str) -> str | None:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if _DISSENT.search(s)]
    return " ".join(sentences) or None


def _provenance(item: Item, decision_blocks: list[Block]) -> tuple[int, str]:
    """The heading's page, and a quote on that page: the decision's start, else the heading."""
    page = item.heading.page
    lines = [pl for b in decision_blocks for pl in b.lines if not RULE.match(pl.text)]
    same_page = [pl.text for pl in lines if pl.page == page]
    if same_page and lines[0].page == page:
        return page, _clip(" ".join(same_page))
    return page, _clip(item.heading.text)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text[:QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut
