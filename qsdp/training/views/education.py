"""Defence and security education: courses with their participants and
results, the share trained per category, the trainee categories."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.forms import form_page, submitted
from qsdp.orgunits.models import OrgUnitKind
from qsdp.training import services
from qsdp.training.forms import CourseFilterForm, CourseForm, ParticipantForm, ResultsForm
from qsdp.training.models import EducationCourse, ResultScale
from qsdp.training.selectors import (
    area_of,
    category_list,
    category_shares,
    course_get,
    course_list,
    course_participants,
    grades_in_force,
)
from qsdp.training.views._common import (
    can_write,
    filter_units,
    paginate,
    people_of,
    render_list,
    require_some_write,
    this_year,
)

COURSE_UNIT_KINDS = frozenset(set(OrgUnitKind) - {OrgUnitKind.VILLAGE})


def _course_url(course: EducationCourse) -> str:
    return reverse("training:course-detail", args=[course.pk])


@login_required
@require_GET
def course_list_view(request: AuthedRequest) -> HttpResponse:
    form = CourseFilterForm(request.GET, units=filter_units(request), year=this_year())
    filters = form.filters()
    return render_list(
        request,
        "training/course_list.html",
        "training/partials/course_rows.html",
        {
            "form": form,
            "year": filters.year,
            "page": paginate(request, course_list(user=request.user, filters=filters)),
            "shares": category_shares(
                user=request.user, year=filters.year or this_year(), org_unit=filters.org_unit
            ),
            "can_create": scope_for(request.user).write_paths != frozenset(),
        },
    )


@login_required
@require_GET
def course_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    course = course_get(user=request.user, pk=pk)
    participants = list(course_participants(course=course))
    form = ResultsForm(
        participants=participants,
        grades=grades_in_force(scale=ResultScale.DEFENCE_EDUCATION, on=course.ends_on),
    )
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "participants": participants,
            "form": form,
            "can_write": can_write(request, course.org_unit),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request: AuthedRequest) -> HttpResponse:
    units = require_some_write(request, kinds=COURSE_UNIT_KINDS)
    form = CourseForm(request.POST or None, units=units, initial={"year": this_year()})
    return form_page(
        request,
        form=form,
        action=lambda: services.course_create(
            actor=request.user, org_unit=form.cleaned_data["org_unit"], data=form.course_data()
        ),
        success=lambda c: _("The course %(title)s was created.") % {"title": c.title},
        done_url=_course_url,
        title=_("New defence and security education course"),
        cancel_url=reverse("training:course-list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def participant_add(request: AuthedRequest, pk: int) -> HttpResponse:
    course = course_get(user=request.user, pk=pk)
    require_write(request.user, area_of(course.org_unit).path)
    form = ParticipantForm(request.POST or None, people=people_of(course.org_unit))
    return form_page(
        request,
        form=form,
        action=lambda: services.participant_add(
            actor=request.user,
            course=course,
            person=form.cleaned_data["person"],
            official_name=form.cleaned_data["official_name"],
            position=form.cleaned_data["position"],
        ),
        success=lambda p: _("%(name)s was enrolled.") % {"name": p.name},
        done_url=lambda p: _course_url(course),
        title=_("Enrol a participant"),
        intro=course.title,
        cancel_url=_course_url(course),
    )


@login_required
@require_http_methods(["POST"])
def course_results(request: AuthedRequest, pk: int) -> HttpResponse:
    """Record the whole course's completion and results (the form of the course page)."""
    course = course_get(user=request.user, pk=pk)
    require_write(request.user, area_of(course.org_unit).path)
    participants = list(course_participants(course=course))
    form = ResultsForm(
        request.POST,
        participants=participants,
        grades=grades_in_force(scale=ResultScale.DEFENCE_EDUCATION, on=course.ends_on),
    )
    done = submitted(
        request,
        form,
        lambda: services.course_results_record(
            actor=request.user,
            course=course,
            entries=[services.ParticipantResult(*entry) for entry in form.entries()],
        ),
    )
    if done is not None:
        messages.success(request, _("The results were saved."))
        return redirect(_course_url(course))
    return render(
        request,
        "training/course_detail.html",
        {"course": course, "participants": participants, "form": form, "can_write": True},
    )


@login_required
@require_GET
def category_list_view(request: AuthedRequest) -> HttpResponse:
    """The trainee categories with their versions (read only; the admin edits them)."""
    return render(request, "training/category_list.html", {"categories": category_list()})
