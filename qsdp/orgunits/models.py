from datetime import date

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class OrgUnitKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("City/district")
    TOWN = "town", _("Town")
    WARD = "ward", _("Ward")
    COMMUNE = "commune", _("Commune")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    VILLAGE = "village", _("Village/residential group")
    PROVINCIAL_COMMAND = "provincial_command", _("Provincial military command")
    DISTRICT_COMMAND = "district_command", _("District military command")
    REGIONAL_COMMAND = "regional_command", _("Regional defence command")
    COMMUNE_COMMAND = "commune_command", _("Commune military command")


# Commune-level administrative units: the ones that keep registers.
COMMUNE_LEVEL_KINDS = (
    OrgUnitKind.WARD,
    OrgUnitKind.COMMUNE,
    OrgUnitKind.TOWN,
    OrgUnitKind.SPECIAL_ZONE,
)
MILITARY_KINDS = (
    OrgUnitKind.PROVINCIAL_COMMAND,
    OrgUnitKind.DISTRICT_COMMAND,
    OrgUnitKind.REGIONAL_COMMAND,
    OrgUnitKind.COMMUNE_COMMAND,
)


class OrgUnit(models.Model):
    """An administrative unit or a military command, alive from ``opened_on``
    until the day before ``closed_on``.

    Official codes are reused across reforms (01840 is Phường Đức Xuân both before
    and after 1 July 2025, as two different units), so a code identifies a unit
    only together with a date. ``parent`` is the truth; ``path`` ("/1/5/23/") and
    ``level`` are derived from it by the services, for subtree queries. A unit
    keeps its parent for life: a reform closes units and opens new ones, and
    ``OrgUnitLineage`` links them.
    """

    code = models.CharField(_("official code"), max_length=16, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # A military command serves an administrative area (Ban CHQS xã → the commune).
    serves = models.ForeignKey(
        "self",
        verbose_name=_("serves the area of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commands",
    )
    path = models.CharField(_("path"), max_length=255, db_index=True, editable=False)
    level = models.PositiveSmallIntegerField(_("level"), default=0, editable=False)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gt=F("opened_on")),
                name="orgunit_closes_after_opening",
            ),
            models.UniqueConstraint(
                fields=["code", "kind", "opened_on"],
                condition=~Q(code=""),
                name="orgunit_code_kind_opened_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day: date) -> bool:
        return self.opened_on <= day and (self.closed_on is None or day < self.closed_on)


class LineageKind(models.TextChoices):
    MERGE = "merge", _("Merge")
    SPLIT = "split", _("Split")
    RENAME = "rename", _("Rename")
    # One unit became one unit of the same name: re-founded in a new parent
    # (most often a new province), its name and area unchanged.
    CONTINUATION = "continuation", _("Continuation")


class OrgUnitLineage(models.Model):
    """``predecessor`` became (part of) ``successor`` on ``effective_on``."""

    predecessor = models.ForeignKey(
        OrgUnit,
        verbose_name=_("predecessor"),
        on_delete=models.PROTECT,
        related_name="successor_links",
    )
    successor = models.ForeignKey(
        OrgUnit,
        verbose_name=_("successor"),
        on_delete=models.PROTECT,
        related_name="predecessor_links",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LineageKind.choices)
    effective_on = models.DateField(_("effective on"))
    basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("lineage record")
        verbose_name_plural = _("lineage records")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor", "effective_on"], name="orgunit_lineage_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_on})"
