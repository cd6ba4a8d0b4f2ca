"""Coordinated patrols with the police, incidents and hot spots (điểm nóng)
with their follow-up (DOMAIN.md §3: activities under Militia Law Chapter IV)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.operations import rules
from qsdp.orgunits.models import OrgUnit


class Patrol(models.Model):
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="patrols"
    )
    on = models.DateField(_("date"))
    area = models.CharField(_("area"), max_length=255)
    militia_count = models.PositiveIntegerField(_("militia"), default=0)
    police_count = models.PositiveIntegerField(_("police"), default=0)
    other_count = models.PositiveIntegerField(_("other forces"), default=0)
    other_forces = models.CharField(_("other forces (who)"), max_length=255, blank=True)
    result = models.TextField(_("result"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
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
        verbose_name = _("patrol")
        verbose_name_plural = _("patrols")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.area}"

    @property
    def total_forces(self) -> int:
        return self.militia_count + self.police_count + self.other_count


class IncidentKind(models.TextChoices):
    PUBLIC_ORDER = "public_order", _("Public order")
    SECURITY = "security", _("Security")
    FIRE = "fire", _("Fire")
    NATURAL_DISASTER = "natural_disaster", _("Natural disaster")
    OTHER = "other", _("Other")


class IncidentStatus(models.TextChoices):
    OPEN = rules.IncidentStatus.OPEN.value, _("Open")
    MONITORING = rules.IncidentStatus.MONITORING.value, _("Monitoring")
    RESOLVED = rules.IncidentStatus.RESOLVED.value, _("Resolved")


class Incident(models.Model):
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="incidents"
    )
    reported_on = models.DateField(_("reported on"))
    kind = models.CharField(_("kind"), max_length=20, choices=IncidentKind.choices)
    location = models.CharField(_("location"), max_length=255)
    description = models.TextField(_("description"))
    is_hot_spot = models.BooleanField(_("hot spot"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
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
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-reported_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="resolved", resolved_on__isnull=False)
                | (~Q(status="resolved") & Q(resolved_on__isnull=True)),
                name="operations_incident_resolved_on",
            ),
            models.CheckConstraint(
                condition=Q(resolved_on__isnull=True) | Q(resolved_on__gte=F("reported_on")),
                name="operations_incident_resolved_after_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reported_on:%d/%m/%Y} {self.location}"


class IncidentFollowUp(models.Model):
    """A dated note on what was done about an incident."""

    incident = models.ForeignKey(
        Incident, verbose_name=_("incident"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    on = models.DateField(_("date"))
    note = models.TextField(_("note"))
    status_before = models.CharField(
        _("status before"), max_length=12, choices=IncidentStatus.choices
    )
    status_after = models.CharField(
        _("status after"), max_length=12, choices=IncidentStatus.choices
    )
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
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["incident", "on", "id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}"
