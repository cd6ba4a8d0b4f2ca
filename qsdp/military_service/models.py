"""The military-service register: a person's service life as dated events.

Nothing here is overwritten: a wrong entry is cancelled with a reason
(``cancelled_on``), and the status on any date is derived from the events that
are not cancelled (``rules/cycle.py``). Transfers out and in are residences in
``people`` and are not repeated here.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from qsdp.military_service.rules.cycle import EventKind
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person


class RegistrationChannel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class PoliticalCheckItem(models.TextChoices):
    """The checklist of the political standard (Circular 50/2016/TTLT-BQP-BCA as
    amended by Circular 97/2025/TT-BQP), ticked by the person who checks."""

    CLEAR_BACKGROUND = "clear_background", _("Clear personal background")
    COMPLIES_WITH_LAW = (
        "complies_with_law",
        _("Complies with the Party's line and the State's policies and laws"),
    )
    NO_CRIMINAL_RECORD = "no_criminal_record", _("No unexpunged criminal record")
    NOT_UNDER_PROSECUTION = (
        "not_under_prosecution",
        _("Not under investigation, prosecution or trial"),
    )
    NO_OFFENSIVE_TATTOO = (
        "no_offensive_tattoo",
        _("No tattoo of a horrific, bizarre, sexual or violent kind"),
    )
    FAMILY_COMPLIES = "family_complies", _("The family complies with the law")


class ServiceEvent(models.Model):
    """One dated event of a person's military service.

    ``org_unit`` is the unit that recorded or decided it (the person's commune
    for most events). ``call_up_year`` is the year of the call-up the event
    serves (an examination in November 2023 serves the 2024 call-up).
    ``due_on`` is a deadline the event starts: for a return home, the last day
    to register into the reserve (NVQS Điều 18).
    """

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="service_events"
    )
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("recording unit"),
        on_delete=models.PROTECT,
        related_name="service_events",
    )
    call_up_year = models.PositiveSmallIntegerField(_("call-up year"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    reason_code = models.CharField(_("ground"), max_length=64, blank=True)
    legal_point = models.CharField(_("legal basis"), max_length=160, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=255, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("military-service event")
        verbose_name_plural = _("military-service events")
        ordering = ["person", "occurred_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(kind=EventKind.DEFERRAL),
                name="service_event_valid_until_only_deferral",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("occurred_on")),
                name="service_event_valid_after_occurred",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_on__isnull=True) | ~Q(cancel_reason=""),
                name="service_event_cancel_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(call_up_year__isnull=False)
                | ~Q(kind__in=[EventKind.CALL_UP_ORDER, EventKind.ENLISTMENT]),
                name="service_event_call_up_has_year",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(kind=EventKind.FIRST_REGISTRATION, cancelled_on__isnull=True),
                name="service_event_one_first_registration",
            ),
            models.UniqueConstraint(
                fields=["person", "call_up_year"],
                condition=Q(kind=EventKind.ENLISTMENT, cancelled_on__isnull=True),
                name="service_event_one_enlistment_per_year",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "occurred_on"], name="service_event_person_idx"),
            models.Index(fields=["kind", "occurred_on"], name="service_event_kind_date_idx"),
            models.Index(fields=["kind", "call_up_year"], name="service_event_kind_year_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%d/%m/%Y} ({self.person_id})"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None


class HealthExam(models.Model):
    """The result of a health examination (Circular 105/2023; Circular 148/2018
    as amended by 68/2025). Health data: sensitive (Law 91/2025)."""

    event = models.OneToOneField(
        ServiceEvent,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="health_exam",
    )
    examined_on = models.DateField(_("examined on"))
    call_up_year = models.PositiveSmallIntegerField(_("call-up year"))
    # {indicator name: score 1 (very good) … 6 (very poor)}
    indicator_scores = models.JSONField(_("indicator scores"), default=dict, blank=True)
    health_class = models.PositiveSmallIntegerField(_("health class"))
    myopia_diopters = models.DecimalField(
        _("myopia (D)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    hyperopia_diopters = models.DecimalField(
        _("hyperopia (D)"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    bmi = models.DecimalField(_("BMI"), max_digits=4, decimal_places=1, null=True, blank=True)
    drug_addicted = models.BooleanField(_("drug addicted"), default=False)
    # The answer of the rules on the day, kept as given.
    myopia_boundary_inclusive = models.BooleanField(
        _("myopia of exactly 1.5 D excludes"), default=False
    )
    may_be_called_up = models.BooleanField(_("may be called up"))
    reason = models.CharField(_("reason"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("health examination")
        verbose_name_plural = _("health examinations")
        ordering = ["examined_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(health_class__gte=1, health_class__lte=6),
                name="health_exam_class_1_to_6",
            ),
        ]
        indexes = [models.Index(fields=["examined_on"], name="health_exam_date_idx")]

    def __str__(self) -> str:
        return f"{self.examined_on:%d/%m/%Y} ({self.event_id})"


class CallUpOrder(models.Model):
    """A numbered call-up order (lệnh gọi nhập ngũ); the numbers run per unit and year."""

    event = models.OneToOneField(
        ServiceEvent,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="call_up_order",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="+"
    )
    call_up_year = models.PositiveSmallIntegerField(_("call-up year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("order number"), max_length=40)
    issued_on = models.DateField(_("issued on"))
    report_on = models.DateField(_("report on"))
    report_place = models.CharField(_("report at"), max_length=255)

    class Meta:
        verbose_name = _("call-up order")
        verbose_name_plural = _("call-up orders")
        ordering = ["org_unit", "call_up_year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "call_up_year", "sequence"],
                name="call_up_order_sequence_unique",
            ),
            models.CheckConstraint(
                condition=Q(report_on__gte=F("issued_on")),
                name="call_up_order_report_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class Quota(models.Model):
    """How many citizens a unit must hand over in a call-up year, assigned by
    the unit above from its own quota (NVQS Điều 34)."""

    call_up_year = models.PositiveSmallIntegerField(_("call-up year"))
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="quotas"
    )
    number = models.PositiveIntegerField(_("number"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("assigned from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    decided_on = models.DateField(_("decided on"))
    decision_number = models.CharField(_("decision number"), max_length=40, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("call-up quota")
        verbose_name_plural = _("call-up quotas")
        ordering = ["call_up_year", "org_unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_up_year", "org_unit"], name="quota_one_per_unit_and_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.org_unit} {self.call_up_year}: {self.number}"


class CandidateList(models.TextChoices):
    PRIMARY = "primary", _("Primary list")
    RESERVE = "reserve", _("Reserve list")


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CallUpCandidate(models.Model):
    """A person on a unit's ranked call-up list of a year (primary or reserve, dự phòng)."""

    call_up_year = models.PositiveSmallIntegerField(_("call-up year"))
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="call_up_lists"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    list_kind = models.CharField(_("list"), max_length=8, choices=CandidateList.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CandidateStatus.choices,
        default=CandidateStatus.PROPOSED,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdraw_reason = models.CharField(_("reason for withdrawal"), max_length=255, blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("call-up candidate")
        verbose_name_plural = _("call-up candidates")
        ordering = ["call_up_year", "org_unit", "list_kind", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_up_year", "person"], name="call_up_candidate_once_per_year"
            ),
            models.UniqueConstraint(
                fields=["call_up_year", "org_unit", "list_kind", "rank"],
                condition=~Q(status=CandidateStatus.WITHDRAWN),
                name="call_up_candidate_rank_unique",
            ),
            models.CheckConstraint(
                condition=~Q(status=CandidateStatus.WITHDRAWN) | ~Q(withdraw_reason=""),
                name="call_up_candidate_withdrawal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call_up_year} {self.get_list_kind_display()} #{self.rank} ({self.person_id})"
