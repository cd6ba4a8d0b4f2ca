"""Targets and the yearly submission and approval of a unit's data.

The vocabulary is DHIS2's: an indicator (``qsdp.reporting.registry``) has a
value computed live from the registers for an org unit and period (a year), a
``Target`` per unit and year (next year's plan), and a ``Submission`` per unit
and year that a commune submits and the command approves. Approval writes a
``qsdp.core.models.PeriodLock``; reopening removes it. Every move is an audit
event, so the rows hold the current state only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qsdp.core.models import TimeStampedModel


class Target(TimeStampedModel):
    """The value ``indicator`` should reach in ``org_unit``'s subtree in ``year``."""

    org_unit = models.ForeignKey(
        "orgunits.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(_("year"))
    indicator = models.CharField(_("indicator"), max_length=100)
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=1)
    # The plan or directive that set it, e.g. "Kế hoạch số 12/KH-UBND ngày 05/01/2024".
    basis = models.CharField(_("basis"), max_length=255, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year", "org_unit__path", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year", "indicator"], name="reporting_target_unit_year_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"


class SubmissionStatus(models.TextChoices):
    OPEN = "open", _("open")
    SUBMITTED = "submitted", _("submitted")
    APPROVED = "approved", _("approved")


class Submission(TimeStampedModel):
    """``org_unit``'s data for ``year``: open → submitted → approved (→ open again
    when reopened with a reason)."""

    org_unit = models.ForeignKey(
        "orgunits.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    year = models.PositiveIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.OPEN
    )
    # The deadline the command set for this submission (timeliness is measured against it).
    due_on = models.DateField(_("due on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-year", "org_unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year"], name="reporting_submission_unit_year_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.org_unit_id}/{self.year} {self.status}"
