"""Member pages: the list, one member, joining from the person page, corrections,
leaving, extending the term, completed active service, training days."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.forms import form_page
from qsdp.military_service.rules.common import vn_date
from qsdp.militia import services
from qsdp.militia.forms import (
    CompletionForm,
    ExtendForm,
    LeaveForm,
    MemberFilterForm,
    MemberForm,
    TrainingForm,
)
from qsdp.militia.models import MilitiaMember, MilitiaTypeChoices
from qsdp.militia.selectors import (
    UnitFilters,
    member_extensions,
    member_get,
    member_list,
    standing_months,
    unit_list,
    units_for_commune,
)
from qsdp.militia.selectors.training import days_required
from qsdp.militia.views._common import (
    can_write,
    communes,
    paginate,
    render_list,
    this_year,
)
from qsdp.people.selectors import person_get


def today() -> date:
    return timezone.localdate()


def _detail_url(member: MilitiaMember) -> str:
    return reverse("militia:member-detail", args=[member.pk])


@login_required
@require_GET
def member_list_view(request: AuthedRequest) -> HttpResponse:
    form = MemberFilterForm(
        request.GET,
        units=communes(request),
        militia_units=unit_list(user=request.user, filters=UnitFilters()),
    )
    members = member_list(user=request.user, filters=form.filters())
    return render_list(
        request,
        "militia/member_list.html",
        "militia/partials/member_rows.html",
        {
            "form": form,
            "page": paginate(request, members),
            "query": request.GET.urlencode(),
            "year": this_year(),
        },
    )


@login_required
@require_GET
def member_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    member = member_get(user=request.user, pk=pk)
    year = this_year()
    training = member.training_records.order_by("-year")
    return render(
        request,
        "militia/member_detail.html",
        {
            "member": member,
            "extensions": member_extensions(member=member),
            "training": [(r, days_required(member, r.year)) for r in training],
            "standing_months": standing_months(
                person_id=member.person_id, on=member.left_on or today()
            )
            if member.militia_type == MilitiaTypeChoices.STANDING
            else None,
            "can_write": can_write(request, member.org_unit),
            "training_form": TrainingForm(initial={"year": year}),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_add(request: AuthedRequest, pk: int) -> HttpResponse:
    """Take the person of the page into the militia of his commune."""
    person = person_get(user=request.user, pk=pk)
    require_write(request.user, person.org_unit.path)
    form = MemberForm(request.POST or None, units=units_for_commune(org_unit_id=person.org_unit_id))
    return form_page(
        request,
        form=form,
        action=lambda: services.member_add(
            actor=request.user, person=person, data=form.member_data()
        ),
        success=lambda m: (
            _("%(name)s joined the militia until %(date)s.")
            % {"name": person.full_name, "date": vn_date(m.term_end)}
        ),
        done_url=_detail_url,
        title=_("Add to the militia"),
        intro=_(
            "Men from 18 to 45 and women from 18 to 40 serve; volunteers to 50 and 45. A "
            "reservist arranged into a reserve unit, or a citizen deferred or exempt, is not taken."
        ),
        cancel_url=reverse("people:person-detail", args=[person.pk]),
        person=person,
    )


def _writable_member(request: AuthedRequest, pk: int) -> MilitiaMember:
    member = member_get(user=request.user, pk=pk)
    require_write(request.user, member.org_unit.path)
    return member


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    member = _writable_member(request, pk)
    initial = {
        "militia_type": member.militia_type,
        "unit": member.unit_id,
        "position": member.position,
        "volunteer": member.volunteer,
        "term_start": member.term_start,
        "term_end": member.term_end,
    }
    form = MemberForm(
        request.POST or None,
        initial=initial,
        units=units_for_commune(org_unit_id=member.org_unit_id),
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.member_update(
            actor=request.user, member=member, data=form.member_data()
        ),
        success=lambda m: _("The changes were saved."),
        done_url=_detail_url,
        title=_("Correct the militia record"),
        cancel_url=_detail_url(member),
        person=member.person,
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_leave(request: AuthedRequest, pk: int) -> HttpResponse:
    member = _writable_member(request, pk)
    form = LeaveForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.member_leave(
            actor=request.user,
            member=member,
            left_on=form.cleaned_data["left_on"],
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        ),
        success=lambda m: (
            _("%(name)s left the militia on %(date)s.")
            % {"name": member.person.full_name, "date": vn_date(form.cleaned_data["left_on"])}
        ),
        done_url=_detail_url,
        title=_("Leave the militia"),
        cancel_url=_detail_url(member),
        person=member.person,
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_extend(request: AuthedRequest, pk: int) -> HttpResponse:
    member = _writable_member(request, pk)
    form = ExtendForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.term_extend(
            actor=request.user,
            member=member,
            extended_on=form.cleaned_data["extended_on"],
            new_term_end=form.cleaned_data["new_term_end"],
            decided_by=form.cleaned_data["decided_by"],
            decision_number=form.cleaned_data["decision_number"],
        ),
        success=lambda e: (
            _("The term was extended to %(date)s.") % {"date": vn_date(e.new_term_end)}
        ),
        done_url=lambda e: _detail_url(member),
        title=_("Extend the term"),
        intro=_(
            "A term may be extended by two years at most in all; maritime militia and "
            "commanders further, but not past the militia age (Luật DQTV 2019 Điều 8)."
        ),
        cancel_url=_detail_url(member),
        person=member.person,
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_completion(request: AuthedRequest, pk: int) -> HttpResponse:
    member = _writable_member(request, pk)
    form = CompletionForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.service_completion_record(
            actor=request.user,
            member=member,
            recognised_on=form.cleaned_data["recognised_on"],
            decision_number=form.cleaned_data["decision_number"],
            decided_by=form.cleaned_data["decided_by"],
        ),
        success=lambda c: (
            _(
                "%(months)s months of standing militia service were recorded as completed active "
                "service."
            )
            % {"months": c.standing_months}
        ),
        done_url=lambda c: _detail_url(member),
        title=_("Completed active service"),
        intro=_(
            "24 months or more of standing militia service count as completed active military "
            "service in peacetime (Luật NVQS 2015 Điều 4 khoản 4)."
        ),
        cancel_url=_detail_url(member),
        person=member.person,
    )


@login_required
@require_http_methods(["GET", "POST"])
def training_record(request: AuthedRequest, pk: int) -> HttpResponse:
    """The days a member trained in a year (from the member page or the training list)."""
    member = _writable_member(request, pk)
    form = TrainingForm(request.POST or None, initial={"year": this_year()})
    return form_page(
        request,
        form=form,
        action=lambda: services.training_days_record(
            actor=request.user,
            member=member,
            year=form.cleaned_data["year"],
            days_done=form.cleaned_data["days_done"],
        ),
        success=lambda r: (
            _("%(days)s days of training recorded for %(year)s.")
            % {"days": r.days_done, "year": r.year}
        ),
        done_url=lambda r: _detail_url(member),
        title=_("Training days"),
        cancel_url=_detail_url(member),
        person=member.person,
    )
