from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.core.models import TimeStampedModel
from qsdp.orgunits.models import OrgUnit
from qsdp.people.choices import EducationLevel, Ethnicity, Religion, Sex


class PersonQuerySet(models.QuerySet["Person"]):
    def in_register(self) -> "PersonQuerySet":
        return self.filter(deleted_at__isnull=True)

    def deleted(self) -> "PersonQuerySet":
        return self.filter(deleted_at__isnull=False)


class RegisterManager(models.Manager["Person"]):
    """The default manager: people in the register, without the deleted ones,
    so every list, search and choice of every app leaves them out. Foreign keys
    to a deleted person still resolve (Django uses the plain base manager)."""

    def get_queryset(self) -> PersonQuerySet:
        return PersonQuerySet(self.model, using=self._db).in_register()


class Person(TimeStampedModel):
    """A citizen in the register.

    ``org_unit`` is the commune-level unit that manages the record: the unit of
    the open residence. It is derived from ``Residence`` by the services (never
    typed) and kept on the row so that a province-wide list filters on one
    indexed column. ``search_name`` is the diacritic-free form of the full name.
    """

    national_id = models.CharField(_("citizen ID (CCCD)"), max_length=12, blank=True)
    family_name = models.CharField(_("family name"), max_length=40)
    middle_name = models.CharField(_("middle name"), max_length=60, blank=True)
    given_name = models.CharField(_("given name"), max_length=40)
    birth_date = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    ethnicity = models.CharField(
        _("ethnicity"), max_length=2, choices=Ethnicity.choices, default="01"
    )
    religion = models.CharField(
        _("religion"), max_length=24, choices=Religion.choices, default=Religion.NONE
    )
    education_grade = models.PositiveSmallIntegerField(
        _("general education grade"), null=True, blank=True
    )
    education_level = models.CharField(
        _("education level"), max_length=16, choices=EducationLevel.choices, blank=True
    )
    occupation = models.CharField(_("occupation"), max_length=120, blank=True)
    workplace = models.CharField(_("workplace or school"), max_length=160, blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("managing unit"),
        on_delete=models.PROTECT,
        related_name="people",
        editable=False,
    )
    # Set by a transfer-out to a unit in qsdp, cleared by its transfer-in; lets
    # the receiving commune see the person it is about to receive.
    pending_transfer_to = models.ForeignKey(
        OrgUnit,
        verbose_name=_("transfer pending to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
        editable=False,
    )
    # Both derived from the name by the services: ``search_name`` is the folded
    # full name (search), ``sort_name`` the folded "tên họ đệm" (list order, as
    # Vietnamese registers sort by given name).
    search_name = models.CharField(max_length=160, editable=False)
    sort_name = models.CharField(max_length=160, editable=False)
    # Optimistic locking: an edit form carries the version it was read at;
    # person_update refuses a save over a newer one.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Soft delete: the row and its history stay; restore clears these.
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    delete_reason = models.CharField(
        _("reason for deletion"), max_length=255, blank=True, editable=False
    )

    objects = RegisterManager()
    all_objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_id"],
                condition=~Q(national_id=""),
                name="person_national_id_unique",
            ),
            models.CheckConstraint(
                condition=Q(deleted_at__isnull=True) | ~Q(delete_reason=""),
                name="person_deleted_with_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["org_unit", "sort_name", "id"], name="person_unit_sort_idx"),
            models.Index(fields=["sort_name", "id"], name="person_sort_idx"),
            models.Index(fields=["search_name", "birth_date"], name="person_name_birth_idx"),
            # A register row is in scope by its person's unit: the lists' scope
            # check reads the unit here, not in the person's row (a province's
            # 7,600 reservists counted in 27 ms instead of 49).
            models.Index(fields=["id"], include=["org_unit"], name="person_scope_idx"),
            # The men turning 17 of a year (the first-registration cohort), without
            # reading a table page per man: 75,000 of 10 M in the national register.
            models.Index(
                fields=["birth_date"],
                include=["id"],
                condition=Q(sex="male", deleted_at__isnull=True),
                name="person_male_birth_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.family_name, self.middle_name, self.given_name) if p)


class ResidenceKind(models.TextChoices):
    PERMANENT = "permanent", _("Permanent residence")
    TEMPORARY = "temporary", _("Temporary residence")


class ResidenceStart(models.TextChoices):
    INITIAL = "initial", _("Initial registration")
    TRANSFER_IN = "transfer_in", _("Transfer in")


class Residence(models.Model):
    """Where a person is registered from ``started_on`` until ``ended_on``.

    A move is a new row and an end date on the old one, never an overwrite.
    """

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="residences"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="residences"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ResidenceKind.choices, default=ResidenceKind.PERMANENT
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    started_on = models.DateField(_("from"))
    start_reason = models.CharField(
        _("how it began"),
        max_length=16,
        choices=ResidenceStart.choices,
        default=ResidenceStart.INITIAL,
    )
    ended_on = models.DateField(_("until"), null=True, blank=True)
    # Where the person went, as written on the transfer slip.
    moved_to = models.CharField(_("moved to"), max_length=255, blank=True)
    moved_to_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("moved to unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("residence")
        verbose_name_plural = _("residences")
        ordering = ["person", "started_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="residence_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=Q(ended_on__isnull=True),
                name="residence_one_open_per_kind",
            ),
        ]
        indexes = [
            # A subtree's residents on a date (population, the registration cohort),
            # read from the index alone (SQLite builds it without the INCLUDE).
            models.Index(
                fields=["org_unit", "kind"],
                include=["person", "started_on", "ended_on"],
                name="residence_unit_cover_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.org_unit} ({self.started_on}–{self.ended_on or ''})"
