"""Reads of the year-end reviews, always scoped to the user's units."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scoped, units_in_scope
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import open_on
from qsdp.reporting.selectors.indicators import NOT_REPORTING_KINDS
from qsdp.review.facts import ReviewFacts, gather_facts
from qsdp.review.generator import ReviewContext, ReviewSettings, build_review
from qsdp.review.models import ReviewDocument
from qsdp.review.news import NewsArticle, news_article


@dataclass(frozen=True)
class ReviewFilters:
    year: int | None = None
    org_unit: OrgUnit | None = None


def review_list(*, user: User, filters: ReviewFilters | None = None) -> QuerySet[ReviewDocument]:
    filters = filters or ReviewFilters()
    reviews = scoped(ReviewDocument.objects.select_related("org_unit"), user, "org_unit__path")
    if filters.year:
        reviews = reviews.filter(year=filters.year)
    if filters.org_unit is not None:
        reviews = reviews.filter(org_unit=filters.org_unit)
    return reviews.order_by("-year", "org_unit__path")


def review_get(*, user: User, pk: int) -> ReviewDocument:
    """One review in the user's area, else 404."""
    return get_scoped_or_404(
        ReviewDocument.objects.select_related("org_unit__parent", "signed_by"),
        user,
        "org_unit__path",
        pk=pk,
    )


def review_units(*, user: User, write: bool = False) -> QuerySet[OrgUnit]:
    """The units of the user's area that write a review (open today)."""
    return (
        units_in_scope(user, write=write)
        .filter(open_on(timezone.localdate()))
        .exclude(kind__in=NOT_REPORTING_KINDS)
        .order_by("level", "name", "id")
    )


def review_settings(review: ReviewDocument) -> ReviewSettings:
    recipients = tuple(line.strip() for line in review.recipients.splitlines() if line.strip())
    return ReviewSettings(
        number=review.number,
        issued_on=review.issued_on,
        place=review.place,
        signer_title=review.signer_title,
        signer_name=review.signer_name,
        recipients=recipients,
        paragraphs=dict(review.paragraphs),
    )


def review_facts(review: ReviewDocument) -> ReviewFacts:
    """The frozen figures of a signed review, the live ones of a draft."""
    if review.is_signed and review.snapshot.get("facts"):
        return ReviewFacts.from_json(review.snapshot["facts"])
    return gather_facts(org_unit=review.org_unit, year=review.year)


def review_context(review: ReviewDocument, *, facts: ReviewFacts | None = None) -> ReviewContext:
    """The review as it prints: the caller read it through ``review_get``. ``facts``:
    the review's figures when the caller already has them (gathering them is the
    costly part: every indicator of the unit and of each of its children)."""
    return build_review(facts or review_facts(review), review_settings(review))


def review_news(review: ReviewDocument) -> NewsArticle:
    """The news summary as the press officer left it, or as generated from the
    review (its figures are gathered only then)."""
    if review.news_text:
        return NewsArticle(review.news_headline, review.news_text.split("\n\n"))
    return news_article(review_context(review), held_on=review.issued_on)
