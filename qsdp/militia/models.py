"""The militia register (Luật Dân quân tự vệ 2019): units, members with their
terms and extensions, deferral and exemption decisions, the April registration,
training days, and standing militia recognised as completed active service.

Nothing is deleted: a member leaves (``left_on``), a decision ends
(``ended_on``), an extension is a row of its own. ``org_unit`` on a member, a
decision or a registration is the commune that recorded it, so a report of a
past year is not changed by a later move of the person.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.military_service.models import ServiceEvent
from qsdp.militia.rules import MilitiaOutcome, MilitiaStatus, MilitiaType
from qsdp.militia.rules.exemption import GROUNDS
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person

MAX_TRAINING_DAYS = 366


class MilitiaTypeChoices(models.TextChoices):
    """The types of the core militia (Luật DQTV 2019 Điều 6, 8, 28); the values
    are those of ``rules.MilitiaType``."""

    LOCAL = MilitiaType.LOCAL.value, _("Local militia")
    MOBILE = MilitiaType.MOBILE.value, _("Mobile militia")
    STANDING = MilitiaType.STANDING.value, _("Standing militia")
    MARITIME = MilitiaType.MARITIME.value, _("Maritime militia")
    AIR_DEFENCE = MilitiaType.AIR_DEFENCE.value, _("Air-defence militia")
    ARTILLERY = MilitiaType.ARTILLERY.value, _("Artillery militia")
    RECONNAISSANCE = MilitiaType.RECONNAISSANCE.value, _("Reconnaissance militia")
    SIGNALS = MilitiaType.SIGNALS.value, _("Signals militia")
    ENGINEERS = MilitiaType.ENGINEERS.value, _("Engineer militia")
    CHEMICAL = MilitiaType.CHEMICAL.value, _("Chemical-defence militia")
    MEDICAL = MilitiaType.MEDICAL.value, _("Medical militia")


class UnitKind(models.TextChoices):
    TEAM = "team", _("Team")
    SQUAD = "squad", _("Squad")
    PLATOON = "platoon", _("Platoon")
    COMPANY = "company", _("Company")
    BATTALION = "battalion", _("Battalion")


class Position(models.TextChoices):
    MEMBER = "member", _("Militia member")
    TEAM_LEADER = "team_leader", _("Team leader")
    SQUAD_LEADER = "squad_leader", _("Squad leader")
    PLATOON_LEADER = "platoon_leader", _("Platoon leader")
    COMPANY_COMMANDER = "company_commander", _("Company commander")
    BATTALION_COMMANDER = "battalion_commander", _("Battalion commander")
    VILLAGE_MILITIA_LEADER = "village_militia_leader", _("Village militia leader")


# The militia commanders of Điều 8 khoản 2, whose term may be extended past two
# years (not past the militia age).
COMMANDER_POSITIONS = frozenset(set(Position) - {Position.MEMBER})


class LeaveReason(models.TextChoices):
    TERM_COMPLETED = "term_completed", _("Term completed")
    OVER_AGE = "over_age", _("Past the militia age")
    MOVED_AWAY = "moved_away", _("Moved away")
    DEFERRED = "deferred", _("Militia duty deferred")
    EXEMPTED = "exempted", _("Exempt from militia duty")
    ENLISTED = "enlisted", _("Enlisted in the army or the police")
    REMOVED = "removed", _("Removed from the militia")
    DIED = "died", _("Died")
    OTHER = "other", _("Other")


class RegistrationSource(models.TextChoices):
    MILITARY_SERVICE_REGISTRATION = (
        "military_service_registration",
        _("From the military-service registration"),
    )
    IN_PERSON = "in_person", _("In person")


class DutyOutcome(models.TextChoices):
    """The outcomes of Điều 11; the values are those of ``rules.MilitiaOutcome``."""

    DEFERRAL = MilitiaOutcome.DEFERRAL_OF_MILITIA_DUTY.value, _("Deferral of militia duty")
    EXEMPTION = MilitiaOutcome.EXEMPTION_FROM_MILITIA.value, _("Exemption from militia duty")


# The grounds of Điều 11 with the labels of the rules.
DUTY_GROUND_CHOICES = [(status.value, GROUNDS[status].label) for status in MilitiaStatus]


class MilitiaUnit(models.Model):
    """A militia unit of a commune (tổ, tiểu đội, trung đội, đại đội…)."""

    name = models.CharField(_("name"), max_length=120)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="militia_units"
    )
    militia_type = models.CharField(
        _("militia type"), max_length=20, choices=MilitiaTypeChoices.choices
    )
    kind = models.CharField(_("kind of unit"), max_length=12, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    commander = models.ForeignKey(
        "MilitiaMember",
        verbose_name=_("commander"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("militia unit")
        verbose_name_plural = _("militia units")
        ordering = ["org_unit__path", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "name"], name="militia_unit_name_unique_in_commune"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="militia_unit_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MilitiaMember(models.Model):
    """One term of a citizen in the militia (Điều 8): from ``term_start`` to
    ``term_end`` (extensions included), until he leaves (``left_on``)."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="militia_memberships",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    militia_type = models.CharField(
        _("militia type"), max_length=20, choices=MilitiaTypeChoices.choices
    )
    unit = models.ForeignKey(
        MilitiaUnit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    position = models.CharField(
        _("position"), max_length=24, choices=Position.choices, default=Position.MEMBER
    )
    volunteer = models.BooleanField(_("volunteer"), default=False)
    term_start = models.DateField(_("term start"))
    # The end of the term now, extensions included (each extension keeps the end it replaced).
    term_end = models.DateField(_("term end"))
    left_on = models.DateField(_("left on"), null=True, blank=True)
    leave_reason = models.CharField(
        _("reason for leaving"), max_length=16, choices=LeaveReason.choices, blank=True
    )
    leave_note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("militia member")
        verbose_name_plural = _("militia members")
        ordering = ["org_unit__path", "person__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(left_on__isnull=True),
                name="militia_member_one_open_term",
            ),
            models.CheckConstraint(
                condition=Q(term_end__gt=F("term_start")), name="militia_member_term_ends_after"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("term_start")),
                name="militia_member_leaves_after_start",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True, leave_reason="")
                | Q(left_on__isnull=False) & ~Q(leave_reason=""),
                name="militia_member_leave_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["org_unit", "left_on"], name="militia_member_unit_idx"),
            models.Index(fields=["term_end"], name="militia_member_term_end_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_militia_type_display()})"

    @property
    def is_current(self) -> bool:
        return self.left_on is None

    @property
    def is_commander(self) -> bool:
        return self.position in COMMANDER_POSITIONS


class TermExtension(models.Model):
    """An extension of a member's term, decided by the commune chairman (Điều 8 khoản 2)."""

    member = models.ForeignKey(
        MilitiaMember,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="extensions",
    )
    extended_on = models.DateField(_("decided on"))
    previous_term_end = models.DateField(_("previous term end"))
    new_term_end = models.DateField(_("new term end"))
    decided_by = models.CharField(_("decided by"), max_length=120, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("term extension")
        verbose_name_plural = _("term extensions")
        ordering = ["member", "new_term_end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_term_end__gt=F("previous_term_end")),
                name="militia_extension_moves_end_later",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.previous_term_end:%d/%m/%Y} → {self.new_term_end:%d/%m/%Y}"


class DutyDecision(models.Model):
    """A deferral of or an exemption from militia duty (Điều 11)."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="militia_decisions"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("ground"), max_length=48, choices=DUTY_GROUND_CHOICES)
    outcome = models.CharField(_("outcome"), max_length=32, choices=DutyOutcome.choices)
    may_volunteer = models.BooleanField(_("may volunteer"), default=False)
    legal_basis = models.CharField(_("legal basis"), max_length=160)
    decided_on = models.DateField(_("decided on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("militia deferral or exemption")
        verbose_name_plural = _("militia deferrals and exemptions")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("decided_on")),
                name="militia_decision_valid_after_decided",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("decided_on")),
                name="militia_decision_ends_after_decided",
            ),
        ]
        indexes = [models.Index(fields=["person", "decided_on"], name="militia_decision_idx")]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.decided_on:%d/%m/%Y} ({self.person_id})"


class MilitiaRegistration(models.Model):
    """A citizen registered for militia duty in a year (Điều 9, each April)."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="militia_registrations",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    registered_on = models.DateField(_("registered on"))
    source = models.CharField(_("source"), max_length=32, choices=RegistrationSource.choices)
    service_event = models.ForeignKey(
        ServiceEvent,
        verbose_name=_("military-service registration"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("militia registration")
        verbose_name_plural = _("militia registrations")
        ordering = ["year", "org_unit__path", "person__sort_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"], name="militia_registration_once_a_year"
            ),
        ]
        indexes = [models.Index(fields=["year", "org_unit"], name="militia_registration_idx")]

    def __str__(self) -> str:
        return f"{self.year}: {self.person_id}"


class TrainingRecord(models.Model):
    """The days of training a member did in a year (Điều 28 khoản 1 sets the days required)."""

    member = models.ForeignKey(
        MilitiaMember,
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="training_records",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    days_done = models.PositiveSmallIntegerField(_("days done"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("militia training record")
        verbose_name_plural = _("militia training records")
        ordering = ["year", "member", "id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="militia_training_once_a_year"),
            models.CheckConstraint(
                condition=Q(days_done__lte=MAX_TRAINING_DAYS), name="militia_training_days_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.days_done} ({self.member_id})"


class ServiceCompletion(models.Model):
    """Standing militia service recognised as completed active military service in
    peacetime (Luật NVQS 2015 Điều 4 khoản 4 điểm a).

    Kept here: the military-service register has no event of this kind."""

    person = models.OneToOneField(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="militia_service_completion",
    )
    member = models.ForeignKey(
        MilitiaMember, verbose_name=_("standing militia term"), on_delete=models.PROTECT
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="+"
    )
    standing_months = models.PositiveSmallIntegerField(_("months of standing militia service"))
    recognised_on = models.DateField(_("recognised on"))
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    decided_by = models.CharField(_("decided by"), max_length=120, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=160)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed active service (standing militia)")
        verbose_name_plural = _("completed active service (standing militia)")
        ordering = ["recognised_on", "id"]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.standing_months} ({self.recognised_on:%d/%m/%Y})"
