"""Readiness duty (trực sẵn sàng chiến đấu): posts, shifts (the roster), swaps
approved by the commander, and the daily duty log (DOMAIN.md §3: schedulable
rosters and logs; the rest rule is a rule setting)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class DutyPost(models.Model):
    """A place where duty is kept (the command's duty room, a checkpoint)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="duty_posts"
    )
    name = models.CharField(_("name"), max_length=120)
    opened_on = models.DateField(_("in use from"))
    closed_on = models.DateField(_("in use until"), null=True, blank=True)

    class Meta:
        verbose_name = _("duty post")
        verbose_name_plural = _("duty posts")
        ordering = ["org_unit__name", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "name"], name="operations_post_unique"),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="operations_post_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class DutyShift(models.Model):
    """One person on duty at a post from ``starts_at`` until ``ends_at``."""

    post = models.ForeignKey(
        DutyPost, verbose_name=_("post"), on_delete=models.PROTECT, related_name="shifts"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="duty_shifts"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty shifts")
        ordering = ["starts_at", "post_id", "id"]
        indexes = [models.Index(fields=["person", "starts_at"], name="operations_shift_person")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="operations_shift_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.post} {self.starts_at:%d/%m/%Y %H:%M}"


class SwapStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class DutySwap(models.Model):
    """A request that ``replacement`` takes ``shift``; the commander decides."""

    shift = models.ForeignKey(
        DutyShift, verbose_name=_("shift"), on_delete=models.CASCADE, related_name="swaps"
    )
    original = models.ForeignKey(
        Person, verbose_name=_("on duty before"), on_delete=models.PROTECT, related_name="+"
    )
    replacement = models.ForeignKey(
        Person, verbose_name=_("replacement"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SwapStatus.choices, default=SwapStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        verbose_name = _("duty swap")
        verbose_name_plural = _("duty swaps")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shift"],
                condition=Q(status="requested"),
                name="operations_one_pending_swap_per_shift",
            )
        ]

    def __str__(self) -> str:
        return f"{self.shift}: {self.original_id} → {self.replacement_id}"


class DutyLog(models.Model):
    """The duty log of one post for one day: who was on duty, what happened, to
    whom the duty was handed over."""

    post = models.ForeignKey(
        DutyPost, verbose_name=_("post"), on_delete=models.PROTECT, related_name="logs"
    )
    day = models.DateField(_("day"))
    on_duty = models.ManyToManyField(Person, verbose_name=_("on duty"), related_name="+")
    events = models.TextField(_("events"), blank=True)
    handed_over_to = models.CharField(_("handed over to"), max_length=160, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("duty log")
        verbose_name_plural = _("duty logs")
        ordering = ["-day", "post_id"]
        constraints = [
            models.UniqueConstraint(fields=["post", "day"], name="operations_log_unique")
        ]

    def __str__(self) -> str:
        return f"{self.post} {self.day:%d/%m/%Y}"
