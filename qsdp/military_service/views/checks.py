"""The checks before the call-up: pre-screening, health examination, education
standard and the political checklist."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.military_service import services
from qsdp.military_service.forms import (
    EducationCheckForm,
    HealthExamForm,
    PoliticalCheckForm,
    PreScreeningForm,
)
from qsdp.military_service.models import HealthExam, ServiceEvent
from qsdp.military_service.selectors import health_exam_answer
from qsdp.military_service.views._common import current_call_up_year, person_action


@login_required
@require_http_methods(["GET", "POST"])
def pre_screening_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=PreScreeningForm,
        form_kwargs={"year": current_call_up_year()},
        action=lambda person, form: services.pre_screening_record(
            actor=request.user,
            person=person,
            screened_on=form.cleaned_data["screened_on"],
            call_up_year=form.cleaned_data["call_up_year"],
            passed=form.cleaned_data["passed"],
            note=form.cleaned_data["note"],
        ),
        title=_("Pre-screening"),
        success=_("The pre-screening was recorded."),
    )


def _health_result(exam: HealthExam) -> str:
    """What the rules made of the examination, with the legal basis."""
    answer = health_exam_answer(exam)
    return _("The health examination was recorded. %(result)s (%(basis)s)") % {
        "result": answer.explanation,
        "basis": answer.legal_basis,
    }


@login_required
@require_http_methods(["GET", "POST"])
def health_exam_record(request: AuthedRequest, pk: int) -> HttpResponse:
    return person_action(
        request,
        pk,
        form_class=HealthExamForm,
        form_kwargs={"year": current_call_up_year()},
        action=lambda person, form: services.health_exam_record(
            actor=request.user,
            person=person,
            examined_on=form.cleaned_data["examined_on"],
            call_up_year=form.cleaned_data["call_up_year"],
            indicator_scores=form.scores(),
            health_class=form.cleaned_data["health_class"],
            myopia_diopters=form.cleaned_data["myopia_diopters"],
            hyperopia_diopters=form.cleaned_data["hyperopia_diopters"],
            bmi=form.cleaned_data["bmi"],
            drug_addicted=form.cleaned_data["drug_addicted"],
        ),
        title=_("Health examination"),
        intro=_(
            "Score each indicator from 1 (very good) to 6 (very poor): the health class is "
            "the worst score (Circular 105/2023). Or give the class the council decided."
        ),
        success=_health_result,
    )


@login_required
@require_http_methods(["GET", "POST"])
def education_check_record(request: AuthedRequest, pk: int) -> HttpResponse:
    def recorded(event: ServiceEvent) -> str:
        if event.details.get("eligible"):
            return _("The education check was recorded: the standard is met.")
        return _("The education check was recorded: the standard is not met.")

    return person_action(
        request,
        pk,
        form_class=EducationCheckForm,
        form_kwargs={"year": current_call_up_year()},
        action=lambda person, form: services.education_check_record(
            actor=request.user,
            person=person,
            checked_on=form.cleaned_data["checked_on"],
            call_up_year=form.cleaned_data["call_up_year"],
            completed_grade=form.cleaned_data["completed_grade"],
            locality_exception_approved=form.cleaned_data["locality_exception_approved"],
            exception_approved_by=form.cleaned_data["exception_approved_by"],
        ),
        title=_("Education check"),
        intro=_(
            "Grade 8 or above; grade 7 only where the locality is approved to take it "
            "(Circular 148/2018, Article 4)."
        ),
        success=recorded,
    )


@login_required
@require_http_methods(["GET", "POST"])
def political_check_record(request: AuthedRequest, pk: int) -> HttpResponse:
    def recorded(event: ServiceEvent) -> str:
        if event.details.get("passed"):
            return _("The political check was recorded: every item is met.")
        return _("The political check was recorded: not every item is met.")

    return person_action(
        request,
        pk,
        form_class=PoliticalCheckForm,
        form_kwargs={"year": current_call_up_year()},
        action=lambda person, form: services.political_check_record(
            actor=request.user,
            person=person,
            checked_on=form.cleaned_data["checked_on"],
            call_up_year=form.cleaned_data["call_up_year"],
            items=form.items(),
            checked_by=form.cleaned_data["checked_by"],
        ),
        title=_("Political check"),
        intro=_("Tick each item the citizen meets; an item left unticked is not met."),
        success=recorded,
    )
