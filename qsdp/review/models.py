"""The year-end review document of a unit, edited before it is signed.

A draft renders from live figures; its edited paragraphs are kept as templates
with placeholders (``qsdp.review.placeholders``) so that the numbers stay tied
to the data. Signing stores the figures used (``snapshot``: the facts and the
approval state of the data) and the final templates; a signed review renders
from them for ever after.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qsdp.core.models import TimeStampedModel


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNED = "signed", _("signed")


class ReviewDocument(TimeStampedModel):
    org_unit = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(_("year"))
    number = models.CharField(_("number and symbol"), max_length=60, default="/BC-UBND")
    issued_on = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, default="CHỦ TỊCH")
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One a line."))
    status = models.CharField(
        _("status"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    # key → template of an edited paragraph (all of them once signed).
    paragraphs = models.JSONField(_("edited paragraphs"), default=dict, blank=True)
    # The facts and placeholder values used, stored when signed.
    snapshot = models.JSONField(_("figures when signed"), default=dict, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The public news summary (no personal data), as the press officer left it.
    news_headline = models.CharField(_("news headline"), max_length=255, blank=True)
    news_text = models.TextField(_("news text"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("year-end review")
        verbose_name_plural = _("year-end reviews")
        ordering = ["-year", "org_unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year"], name="review_document_unit_year_uniq"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(signed_at__isnull=False),
                name="review_document_signed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit_id}/{self.year} {self.status}"

    @property
    def is_signed(self) -> bool:
        return self.status == ReviewStatus.SIGNED
