"""Drills (diễn tập): the plan of a unit for a year, the drill held with its
phases, forces, rating and safety (Nghị định 21/2019/NĐ-CP; DOMAIN.md §5).

The cadence per level and the rating scale are rule settings, not choices: the
law does not fix them ([U]). A drill keeps the rating code it was given and
whether that rating counted as "good or better" on the scale then in force.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.operations import rules
from qsdp.orgunits.models import OrgUnit


class DrillKind(models.TextChoices):
    DEFENCE_ZONE_COMBAT = "defence_zone_combat", _("Combat drill in the defence zone")
    DISASTER_RESPONSE = "disaster_response", _("Disaster response and search and rescue drill")
    CIVIL_DEFENCE = "civil_defence", _("Civil defence drill")


class DrillLevel(models.TextChoices):
    PROVINCE = rules.DrillLevel.PROVINCE.value, _("Province")
    DISTRICT = rules.DrillLevel.DISTRICT.value, _("District")
    COMMUNE = rules.DrillLevel.COMMUNE.value, _("Commune")


class DrillPlan(models.Model):
    """A drill a unit plans to hold in a year (one per unit, year and kind)."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="drill_plans"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind of drill"), max_length=24, choices=DrillKind.choices)
    level = models.CharField(_("level"), max_length=12, choices=DrillLevel.choices)
    planned_on = models.DateField(_("planned for"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    directed_by = models.CharField(_("directed by"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("drill plan")
        verbose_name_plural = _("drill plans")
        ordering = ["-year", "org_unit__name", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "year", "kind"], name="operations_drill_plan_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class Drill(models.Model):
    """The drill held under a plan."""

    plan = models.OneToOneField(
        DrillPlan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="drill"
    )
    held_from = models.DateField(_("held from"))
    held_to = models.DateField(_("held to"))
    participants = models.PositiveIntegerField(_("participants"))
    forces = models.TextField(_("forces taking part"), blank=True)
    notable_participants = models.TextField(_("notable participants"), blank=True)
    rating = models.CharField(_("rating"), max_length=40, blank=True)
    rating_label = models.CharField(_("rating (as printed)"), max_length=80, blank=True)
    rated_good_or_better = models.BooleanField(_("good or better"), null=True, blank=True)
    rated_on = models.DateField(_("rated on"), null=True, blank=True)
    safety_incidents = models.TextField(
        _("safety incidents"), blank=True, help_text=_("Empty: none.")
    )
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
        verbose_name = _("drill")
        verbose_name_plural = _("drills")
        ordering = ["-held_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(held_to__gte=F("held_from")), name="operations_drill_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return str(self.plan)


class DrillPhase(models.Model):
    """One phase of a drill (a commune drill usually has three)."""

    drill = models.ForeignKey(
        Drill, verbose_name=_("drill"), on_delete=models.CASCADE, related_name="phases"
    )
    number = models.PositiveSmallIntegerField(_("phase"))
    name = models.CharField(_("name"), max_length=255)
    on = models.DateField(_("date"))
    content = models.TextField(_("content"), blank=True)

    class Meta:
        verbose_name = _("drill phase")
        verbose_name_plural = _("drill phases")
        ordering = ["drill", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["drill", "number"], name="operations_drill_phase_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"
