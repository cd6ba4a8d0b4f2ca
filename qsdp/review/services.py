"""Writes of the year-end review: create, settings, paragraph edits, signing, news."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.core.audit import diff, record_event, snapshot
from qsdp.core.errors import DomainError
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.selectors.indicators import NOT_REPORTING_KINDS
from qsdp.review.errors import ReviewErrorCode
from qsdp.review.facts import ReviewFacts, gather_facts
from qsdp.review.generator import build_review
from qsdp.review.models import ReviewDocument, ReviewStatus
from qsdp.review.narrative import PARAGRAPH_KEYS, PARAGRAPHS, values_of
from qsdp.review.placeholders import unknown_placeholders
from qsdp.review.selectors import review_settings

SETTINGS_FIELDS = ("number", "issued_on", "place", "signer_title", "signer_name", "recipients")
PARAGRAPH_TITLES = {key: title or section for section, title, key, _ in PARAGRAPHS}


@dataclass(frozen=True)
class ReviewSettingsData:
    number: str = "/BC-UBND"
    issued_on: date | None = None
    place: str = ""
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: str = ""


def _refuse_signed(review: ReviewDocument) -> None:
    if review.is_signed:
        raise DomainError(
            ReviewErrorCode.SIGNED, _("The review is signed; a signed review cannot be changed.")
        )


@transaction.atomic
def review_create(
    *, actor: Any, org_unit: OrgUnit, year: int, data: ReviewSettingsData | None = None
) -> ReviewDocument:
    if org_unit.kind in NOT_REPORTING_KINDS:
        raise DomainError(
            ReviewErrorCode.UNIT_KIND,
            _("A year-end review is written by a province, district, ward or commune."),
            field="org_unit",
        )
    if ReviewDocument.objects.filter(org_unit=org_unit, year=year).exists():
        raise DomainError(
            ReviewErrorCode.EXISTS,
            _("%(unit)s already has a review for %(year)s.")
            % {"unit": org_unit.name, "year": year},
            field="year",
        )
    data = data or ReviewSettingsData()
    review = ReviewDocument(org_unit=org_unit, year=year, created_by=actor, **data.__dict__)
    review.full_clean()
    review.save()
    record_event(
        actor=actor, verb="review.create", target=review, changes=snapshot(review, SETTINGS_FIELDS)
    )
    return review


@transaction.atomic
def review_update(
    *, actor: Any, review: ReviewDocument, data: ReviewSettingsData
) -> ReviewDocument:
    _refuse_signed(review)
    before = snapshot(review, SETTINGS_FIELDS)
    for name, value in data.__dict__.items():
        setattr(review, name, value)
    review.full_clean()
    review.save()
    record_event(
        actor=actor,
        verb="review.update",
        target=review,
        changes=diff(before, snapshot(review, SETTINGS_FIELDS)),
    )
    return review


@transaction.atomic
def review_paragraph_edit(
    *, actor: Any, review: ReviewDocument, key: str, text: str, facts: ReviewFacts | None = None
) -> ReviewDocument:
    """Keep ``text`` (with placeholders) for the paragraph ``key``; an empty text
    brings back the paragraph written from the figures. ``facts``: the review's
    figures when the caller has just gathered them (else they are gathered here)."""
    _refuse_signed(review)
    if key not in PARAGRAPH_KEYS:
        raise DomainError(
            ReviewErrorCode.UNKNOWN_PARAGRAPH, _("There is no such paragraph."), field="text"
        )
    text = " ".join(text.split())
    if text:
        facts = facts or gather_facts(org_unit=review.org_unit, year=review.year)
        unknown = unknown_placeholders(text, values_of(facts))
        if unknown:
            raise DomainError(
                ReviewErrorCode.UNKNOWN_PLACEHOLDER,
                _("Paragraph “%(paragraph)s” names figures that do not exist: %(names)s.")
                % {"paragraph": PARAGRAPH_TITLES[key], "names": ", ".join(unknown)},
                field="text",
                extra={"paragraph": key, "placeholders": unknown},
            )
    before = review.paragraphs.get(key, "")
    paragraphs = dict(review.paragraphs)
    if text:
        paragraphs[key] = text
    else:
        paragraphs.pop(key, None)
    review.paragraphs = paragraphs
    review.full_clean()
    review.save()
    record_event(
        actor=actor, verb="review.paragraph_edit", target=review, changes={key: [before, text]}
    )
    return review


@transaction.atomic
def review_sign(*, actor: Any, review: ReviewDocument) -> ReviewDocument:
    """Freeze the figures and the approval state used, and every paragraph's template."""
    review = ReviewDocument.objects.select_for_update().get(pk=review.pk)
    _refuse_signed(review)
    facts = gather_facts(org_unit=review.org_unit, year=review.year)
    context = build_review(facts, review_settings(review))
    review.paragraphs = {p.key: p.template for p in context.paragraphs()}
    review.snapshot = {"facts": facts.as_json(), "values": context.values}
    review.status = ReviewStatus.SIGNED
    review.signed_at = timezone.now()
    review.signed_by = actor if getattr(actor, "pk", None) else None
    review.full_clean()
    review.save()
    record_event(
        actor=actor,
        verb="review.sign",
        target=review,
        changes={
            "approvals": [a.status for a in facts.approvals],
            "values": context.values,
        },
    )
    return review


@transaction.atomic
def review_news_edit(
    *, actor: Any, review: ReviewDocument, headline: str, text: str
) -> ReviewDocument:
    from qsdp.review.news import personal_data_in

    found = personal_data_in(f"{headline}\n{text}", review=review)
    if found:
        raise DomainError(
            ReviewErrorCode.NEWS_PERSONAL_DATA,
            _("The news summary may not name people or give personal data: %(found)s.")
            % {"found": ", ".join(found)},
            field="text",
        )
    before = {"news_headline": review.news_headline, "news_text": review.news_text}
    review.news_headline, review.news_text = headline.strip(), text.strip()
    review.full_clean()
    review.save()
    record_event(
        actor=actor,
        verb="review.news_edit",
        target=review,
        changes=diff(
            before, {"news_headline": review.news_headline, "news_text": review.news_text}
        ),
    )
    return review
