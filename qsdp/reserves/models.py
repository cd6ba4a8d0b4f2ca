"""The reserve register (Luật Lực lượng DBĐV 2019; Luật NVQS 2015 Điều 24–27).

Nothing is deleted: a reservist leaves the register with a dated removal
(giải ngạch, ``removed_on`` and a reason), an arrangement into a post ends with
``ended_on``, equipment is released with ``released_on``. Every change goes
through a service and leaves an audit event with the values before and after.

Dates of an interval: a record holds from its start date up to the day before
its end date (``ended_on``, ``removed_on``, ``released_on`` are the first day it
no longer holds).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class ReserveClassChoice(models.IntegerChoices):
    CLASS_1 = 1, _("Class 1")
    CLASS_2 = 2, _("Class 2")


class RankGroup(models.TextChoices):
    NCO_OR_SOLDIER = "nco_or_soldier", _("NCO or soldier")
    OFFICER = "officer", _("Officer")
    PROFESSIONAL = "professional", _("Professional soldier")


class Rank(models.TextChoices):
    """Ranks of the reserve (Luật NVQS 2015 Điều 8; Luật Sĩ quan Điều 10)."""

    PRIVATE_2 = "private_2", _("Private")
    PRIVATE_1 = "private_1", _("Private first class")
    CORPORAL = "corporal", _("Corporal")
    SERGEANT = "sergeant", _("Sergeant")
    STAFF_SERGEANT = "staff_sergeant", _("Staff sergeant")
    SECOND_LIEUTENANT = "second_lieutenant", _("Second lieutenant")
    LIEUTENANT = "lieutenant", _("Lieutenant")
    SENIOR_LIEUTENANT = "senior_lieutenant", _("Senior lieutenant")
    CAPTAIN = "captain", _("Captain")
    MAJOR = "major", _("Major")
    LIEUTENANT_COLONEL = "lieutenant_colonel", _("Lieutenant colonel")
    SENIOR_LIEUTENANT_COLONEL = "senior_lieutenant_colonel", _("Senior lieutenant colonel")
    COLONEL = "colonel", _("Colonel")


class Source(models.TextChoices):
    """Where a reservist comes from: the values of the rules' ``ReserveSource``
    (a test keeps the two equal)."""

    DISCHARGED_NCO_SOLDIER = "discharged_nco_soldier", _("Discharged NCO or soldier")
    LEFT_PEOPLE_POLICE = "left_people_police", _("Left the People's Police")
    FORMER_PROFESSIONAL_SOLDIER = "former_professional_soldier", _("Former professional soldier")
    DEFENCE_WORKER_CONVERTED_FROM_NCO_SOLDIER = (
        "defence_worker_converted_from_nco_soldier",
        _("Defence worker converted from an NCO or soldier"),
    )
    CORE_MILITIA_COMPLETED_TERM = (
        "core_militia_completed_term",
        _("Core militia member who completed the term"),
    )
    CLASS_2_RESERVIST_UPGRADED = (
        "class_2_reservist_upgraded",
        _("Class-2 reservist after concentrated training"),
    )
    COMMUNE_POLICE_36_MONTHS = "commune_police_36_months", _("Commune policeman")
    MALE_OVER_CALL_UP_AGE_NEVER_SERVED = (
        "male_over_call_up_age_never_served",
        _("Man past the call-up age who never served"),
    )
    FEMALE_REGISTERED_FOR_MILITARY_SERVICE = (
        "female_registered_for_military_service",
        _("Woman registered for military service"),
    )
    DEFENCE_WORKER_OR_EMPLOYEE_LEFT = (
        "defence_worker_or_employee_left",
        _("Defence worker or employee who left"),
    )


class RemovalReason(models.TextChoices):
    AGE_LIMIT = "age_limit", _("Past the reserve age limit")
    HEALTH = "health", _("No longer fit for service")
    DECEASED = "deceased", _("Deceased")
    MOVED_AWAY = "moved_away", _("Moved out of the area")
    OTHER = "other", _("Other reason")


def _user_fk() -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class Reservist(models.Model):
    """A person in the reserve register (quân nhân dự bị).

    ``managed_by`` is the commune that keeps the record (the person's commune
    when registered). A change of class, rank, specialty or health is an audit
    event with the values before and after; leaving the reserve is
    ``removed_on`` with a reason, never a delete.
    """

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="reservist"
    )
    reserve_class = models.PositiveSmallIntegerField(
        _("reserve class"), choices=ReserveClassChoice.choices
    )
    rank_group = models.CharField(
        _("rank group"), max_length=16, choices=RankGroup.choices, default=RankGroup.NCO_OR_SOLDIER
    )
    rank = models.CharField(_("military rank"), max_length=32, choices=Rank.choices, blank=True)
    specialty_code = models.CharField(_("military specialty code"), max_length=16, blank=True)
    specialty_name = models.CharField(_("military specialty"), max_length=120, blank=True)
    health_class = models.PositiveSmallIntegerField(_("health class"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"))
    source = models.CharField(_("source"), max_length=48, choices=Source.choices)
    managed_by = models.ForeignKey(
        OrgUnit, verbose_name=_("managing unit"), on_delete=models.PROTECT, related_name="+"
    )
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    removal_reason = models.CharField(
        _("reason for removal"), max_length=16, choices=RemovalReason.choices, blank=True
    )
    removal_note = models.CharField(_("removal note"), max_length=255, blank=True)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reservist")
        verbose_name_plural = _("reservists")
        ordering = ["person__sort_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(health_class__isnull=True)
                | Q(health_class__gte=1, health_class__lte=6),
                name="reservist_health_class_1_to_6",
            ),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | ~Q(removal_reason=""),
                name="reservist_removal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(removed_on__isnull=True) | Q(removed_on__gte=F("registered_on")),
                name="reservist_removed_after_registered",
            ),
        ]
        indexes = [
            models.Index(fields=["managed_by", "removed_on"], name="reservist_unit_idx"),
        ]

    def __str__(self) -> str:
        return str(self.person)

    def is_active_on(self, day: date) -> bool:
        return self.registered_on <= day and (self.removed_on is None or day < self.removed_on)


class UnitKind(models.TextChoices):
    REGIMENT = "regiment", _("Regiment")
    BATTALION = "battalion", _("Battalion")
    COMPANY = "company", _("Company")
    PLATOON = "platoon", _("Platoon")
    SQUAD = "squad", _("Squad")
    TEAM = "team", _("Team")
    SHIP = "ship", _("Ship")


class ReserveUnit(models.Model):
    """A reserve unit (đơn vị dự bị động viên) and the command or area that holds it."""

    name = models.CharField(_("name"), max_length=160)
    code = models.CharField(_("code"), max_length=32, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("holding unit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reserve unit")
        verbose_name_plural = _("reserve units")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ReservePost(models.Model):
    """A post of a reserve unit with its establishment strength (biên chế)."""

    unit = models.ForeignKey(
        ReserveUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="posts"
    )
    title = models.CharField(_("post"), max_length=120)
    specialty_code = models.CharField(_("military specialty code"), max_length=16)
    specialty_name = models.CharField(_("military specialty"), max_length=120)
    establishment_count = models.PositiveIntegerField(_("establishment strength"))

    class Meta:
        verbose_name = _("reserve post")
        verbose_name_plural = _("reserve posts")
        ordering = ["unit", "id"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.title}"


class Arrangement(models.Model):
    """A reservist arranged into a post from ``arranged_on`` until ``ended_on``.

    ``near_match_reason`` is the stated reason when the post's specialty is not
    the reservist's (the near-match fallback); it is empty on an exact match.
    """

    reservist = models.ForeignKey(
        Reservist,
        verbose_name=_("reservist"),
        on_delete=models.PROTECT,
        related_name="arrangements",
    )
    post = models.ForeignKey(
        ReservePost, verbose_name=_("post"), on_delete=models.PROTECT, related_name="arrangements"
    )
    arranged_on = models.DateField(_("arranged on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=255, blank=True)
    near_match_reason = models.CharField(_("near-match reason"), max_length=255, blank=True)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangements")
        ordering = ["reservist", "arranged_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("arranged_on")),
                name="arrangement_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["reservist"],
                condition=Q(ended_on__isnull=True),
                name="arrangement_one_open_per_reservist",
            ),
        ]
        indexes = [models.Index(fields=["post", "ended_on"], name="arrangement_post_idx")]

    def __str__(self) -> str:
        return f"{self.reservist} → {self.post}"


class ReviewOutcome(models.TextChoices):
    KEEP = "keep", _("Keep")
    REARRANGE = "rearrange", _("Re-arrange")
    REMOVE = "remove", _("Remove from the reserve")


class ReserveReview(models.Model):
    """The yearly review (rà soát) of one reservist."""

    reservist = models.ForeignKey(
        Reservist, verbose_name=_("reservist"), on_delete=models.PROTECT, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    reviewed_on = models.DateField(_("reviewed on"))
    residence_confirmed = models.BooleanField(_("residence confirmed"), default=False)
    health_confirmed = models.BooleanField(_("health confirmed"), default=False)
    specialty_confirmed = models.BooleanField(_("specialty confirmed"), default=False)
    outcome = models.CharField(_("outcome"), max_length=16, choices=ReviewOutcome.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reserve review")
        verbose_name_plural = _("reserve reviews")
        ordering = ["year", "reservist", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reservist", "year"], name="reserve_review_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} · {self.reservist}"


class DecisionKind(models.TextChoices):
    APPOINTMENT = "appointment", _("Appointment")
    DISMISSAL = "dismissal", _("Dismissal")


class CommanderDecision(models.Model):
    """A decision appointing a reservist to, or dismissing one from, a command
    position of a reserve unit."""

    reservist = models.ForeignKey(
        Reservist, verbose_name=_("reservist"), on_delete=models.PROTECT, related_name="decisions"
    )
    unit = models.ForeignKey(
        ReserveUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="decisions"
    )
    position = models.CharField(_("position"), max_length=120)
    kind = models.CharField(_("kind"), max_length=16, choices=DecisionKind.choices)
    decision_number = models.CharField(_("decision number"), max_length=40)
    decided_on = models.DateField(_("decided on"))
    signer = models.CharField(_("signed by"), max_length=120)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("commander decision")
        verbose_name_plural = _("commander decisions")
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["kind", "decided_on"], name="decision_kind_date_idx")]

    def __str__(self) -> str:
        return f"{self.decision_number} · {self.reservist}"


class CheckKind(models.TextChoices):
    READINESS = "readiness", _("Mobilisation readiness check")
    DRILL = "drill", _("Mobilisation drill")
    CALL_UP_EXERCISE = "call_up_exercise", _("Call-up exercise")


class CheckResult(models.TextChoices):
    GOOD = "good", _("Good")
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")


class ReadinessCheck(models.Model):
    """A readiness check (kiểm tra sẵn sàng động viên) of a reserve unit."""

    unit = models.ForeignKey(
        ReserveUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="checks"
    )
    checked_on = models.DateField(_("checked on"))
    kind = models.CharField(_("kind"), max_length=24, choices=CheckKind.choices)
    present_count = models.PositiveIntegerField(_("present"))
    result = models.CharField(_("result"), max_length=8, choices=CheckResult.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("readiness check")
        verbose_name_plural = _("readiness checks")
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.checked_on:%d/%m/%Y}"


class EquipmentKind(models.TextChoices):
    CAR = "car", _("Car")
    TRUCK = "truck", _("Truck")
    COACH = "coach", _("Coach")
    MOTORCYCLE = "motorcycle", _("Motorcycle")
    CONSTRUCTION_MACHINE = "construction_machine", _("Construction machine")
    BOAT = "boat", _("Boat")
    OTHER = "other", _("Other equipment")


class Condition(models.TextChoices):
    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    POOR = "poor", _("Poor")


class ReserveEquipment(models.Model):
    """Reserve technical equipment (phương tiện kỹ thuật dự bị): a vehicle,
    machine or boat of a citizen or organisation, earmarked for a reserve unit."""

    managed_by = models.ForeignKey(
        OrgUnit, verbose_name=_("managing unit"), on_delete=models.PROTECT, related_name="+"
    )
    owner_name = models.CharField(_("owner"), max_length=160)
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("owner in the register"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reserve_equipment",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=EquipmentKind.choices)
    description = models.CharField(_("description"), max_length=255, blank=True)
    plate_or_serial = models.CharField(_("plate or serial number"), max_length=40)
    condition = models.CharField(_("condition"), max_length=8, choices=Condition.choices)
    earmarked_unit = models.ForeignKey(
        ReserveUnit,
        verbose_name=_("earmarked unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="equipment",
    )
    registered_on = models.DateField(_("registered on"))
    released_on = models.DateField(_("released on"), null=True, blank=True)
    release_reason = models.CharField(_("reason for release"), max_length=255, blank=True)
    recorded_by = _user_fk()
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reserve equipment")
        verbose_name_plural = _("reserve equipment")
        ordering = ["kind", "plate_or_serial", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(released_on__isnull=True) | Q(released_on__gte=F("registered_on")),
                name="reserve_equipment_released_after_registered",
            ),
            models.UniqueConstraint(
                fields=["plate_or_serial"],
                condition=Q(released_on__isnull=True),
                name="reserve_equipment_one_open_per_plate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.plate_or_serial}"
