"""Readiness-duty pages: posts with the days covered, the roster builder (the
rest rule checked before saving), the month's roster as PDF and XLSX, swaps and
the daily duty log."""

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write
from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.militia.views._common import area_name
from qsdp.operations import rules, services
from qsdp.operations.documents import duty_roster_document
from qsdp.operations.forms import (
    DutyLogForm,
    DutyPostForm,
    MonthForm,
    PeriodForm,
    RosterForm,
    SwapDecisionForm,
    SwapRequestForm,
    week_initial,
)
from qsdp.operations.models import DutyPost, DutyShift, SwapStatus
from qsdp.operations.selectors import (
    duty_coverage,
    duty_log_list,
    duty_people,
    duty_post_get,
    duty_post_list,
    duty_roster,
    shift_get,
    shift_list,
    swap_get,
    swap_list,
)
from qsdp.operations.services import ShiftData
from qsdp.operations.views._common import (
    FORM_PAGE,
    can_write,
    op_units,
    paginate,
    render_list,
    require_some_unit,
)


def _month(form: MonthForm) -> tuple[int, int, date, date]:
    year, month = form.value("year"), form.value("month")
    start = date(year, month, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return year, month, start, end


@login_required
@require_GET
def duty_post_list_view(request: AuthedRequest) -> HttpResponse:
    """The duty posts with the share of days covered in a month."""
    form = MonthForm(request.GET, units=op_units(request))
    _year, _month_no, start, end = _month(form)
    unit = form.value("org_unit")
    return render(
        request,
        "operations/duty_post_list.html",
        {
            "form": form,
            "coverage": duty_coverage(user=request.user, start=start, end=end, org_unit=unit),
            "posts": duty_post_list(user=request.user, org_unit=unit),
            "writable": {u.pk for u in op_units(request, write=True)},
            "can_create": op_units(request, write=True).exists(),
            "query": request.GET.urlencode(),
            "start": start,
            "end": end,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def duty_post_create(request: AuthedRequest) -> HttpResponse:
    form = DutyPostForm(request.POST or None, units=require_some_unit(request))
    return form_page(
        request,
        form=form,
        action=lambda: services.duty_post_create(actor=request.user, **form.cleaned_data),
        success=lambda p: _("The duty post %(name)s was created.") % {"name": p.name},
        done_url=lambda p: reverse("operations:roster", args=[p.pk]),
        title=_("New duty post"),
        cancel_url=reverse("operations:duty-post-list"),
        template=FORM_PAGE,
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _times(day: date, period: dict[str, Any]) -> tuple[datetime, datetime]:
    starts_at = timezone.make_aware(datetime.combine(day, period["starts_at"]))
    return starts_at, starts_at + timedelta(hours=period["hours"])


def _initial(post: DutyPost, form: RosterForm, period: dict[str, Any], propose: bool) -> None:
    """Fill the grid from the saved shifts, or with a fair rotation."""
    existing = DutyShift.objects.filter(
        post=post,
        starts_at__gte=services.day_start(period["start"]),
        starts_at__lt=services.day_start(period["end"] + timedelta(days=1)),
    ).order_by("starts_at", "id")
    by_day: dict[date, list[int]] = {}
    for shift in existing:
        by_day.setdefault(timezone.localdate(shift.starts_at), []).append(shift.person_id)
    if propose:
        people = [(p.pk, p.full_name) for p in duty_people(post=post)]
        cells = [day for day in form.days for _n in range(form.per_day)]
        times = [_times(day, period) for day in cells]
        rule = services.rest_rule(period["start"])
        proposal = rules.propose_rotation(people=people, times=times, existing=[], rule=rule)
        by_day = {}
        for day, chosen in zip(cells, proposal, strict=True):
            if chosen is not None:
                by_day.setdefault(day, []).append(chosen.person_id)
    for day, ids in by_day.items():
        for slot, person_id in enumerate(ids[: form.per_day]):
            form.initial[form.key(day, slot)] = person_id


@login_required
@require_http_methods(["GET", "POST"])
def roster_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    """Build the roster of a post for a week or a month: pick people per day (or
    let a fair rotation propose them), check the rest rule, save."""
    post = duty_post_get(user=request.user, pk=pk)
    require_write(request.user, post.org_unit.path)
    period_form = PeriodForm(request.GET or None, initial=week_initial())
    period = (
        period_form.cleaned_data
        if period_form.is_bound and period_form.is_valid()
        else {**{f.name: f.initial for f in period_form}, **week_initial()}
    )
    if not period_form.is_bound:
        period_form = PeriodForm(initial=period)
    days = _days(period["start"], period["end"])
    people = duty_people(post=post)
    form = RosterForm(request.POST or None, days=days, per_day=period["per_day"], people=people)
    violations: list[str] = []
    checked = False
    if request.method == "POST" and form.is_valid():
        shifts = [ShiftData(person, *_times(day, period)) for day, person in form.chosen()]
        try:
            if request.POST.get("action") == "check":
                check = services.roster_check(
                    post=post, start=period["start"], end=period["end"], shifts=shifts
                )
                violations, checked = [v.message for v in check.violations], True
            else:
                services.roster_save(
                    actor=request.user,
                    post=post,
                    start=period["start"],
                    end=period["end"],
                    shifts=shifts,
                )
                messages.success(request, _("The roster was saved."))
                return redirect(f"{request.path}?{request.GET.urlencode()}")
        except DomainError as error:
            form.add_error(None, error.message)
            violations = [p["message"] for p in error.extra.get("problems", [])]  # type: ignore[attr-defined]
    elif request.method == "GET":
        _initial(post, form, period, propose=request.GET.get("propose") == "1")
    context = {
        "post": post,
        "period_form": period_form,
        "form": form,
        "violations": violations,
        "checked": checked,
        "shifts": shift_list(
            user=request.user, start=period["start"], end=period["end"], post=post
        ),
        "now": timezone.now(),
        "query": request.GET.urlencode(),
    }
    if request.htmx and checked:
        return render(request, "operations/partials/roster_check.html", context)
    return render(request, "operations/roster.html", context)


@login_required
@require_GET
def roster_document_view(request: AuthedRequest, kind: str) -> HttpResponse:
    """The readiness-duty roster of a month, as PDF or XLSX."""
    form = MonthForm(request.GET, units=op_units(request))
    year, month, _start, _end = _month(form)
    unit = form.value("org_unit")
    names = unit.name if unit is not None else area_name(request)
    with translation.override(settings.LANGUAGE_CODE):
        roster = duty_roster(
            user=request.user, year=year, month=month, org_unit=unit, unit_name=names
        )
        document = duty_roster_document(roster, signer=request.GET.get("signer", ""))
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = _("Duty roster %(month)s-%(year)s") % {"month": month, "year": year}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")


@login_required
@require_GET
def swap_list_view(request: AuthedRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    swaps = swap_list(user=request.user, status=status if status in SwapStatus.values else "")
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/swap_rows.html",
        {
            "title": _("Swaps"),
            "rows_template": "operations/partials/swap_rows.html",
            "page": paginate(request, swaps),
            "writable": {u.pk for u in op_units(request, write=True)},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def swap_request(request: AuthedRequest, pk: int) -> HttpResponse:
    shift = shift_get(user=request.user, pk=pk)
    require_write(request.user, shift.post.org_unit.path)
    form = SwapRequestForm(
        request.POST or None, people=duty_people(post=shift.post).exclude(pk=shift.person_id)
    )
    return form_page(
        request,
        form=form,
        action=lambda: services.swap_request(actor=request.user, shift=shift, **form.cleaned_data),
        success=lambda s: _("The swap was requested; the commander decides."),
        done_url=lambda s: reverse("operations:swap-list"),
        title=_("Swap the shift of %(name)s, %(when)s")
        % {
            "name": shift.person.full_name,
            "when": timezone.localtime(shift.starts_at).strftime("%H:%M %d/%m/%Y"),
        },
        cancel_url=reverse("operations:roster", args=[shift.post_id]),
        template=FORM_PAGE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def swap_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    swap = swap_get(user=request.user, pk=pk)
    require_write(request.user, swap.shift.post.org_unit.path)
    form = SwapDecisionForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.swap_decide(
            actor=request.user,
            swap=swap,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        ),
        success=lambda s: (
            _("The swap was decided: %(status)s.") % {"status": SwapStatus(s.status).label.lower()}
        ),
        done_url=lambda s: reverse("operations:swap-list"),
        title=_("Decide the swap: %(original)s → %(replacement)s")
        % {"original": swap.original.full_name, "replacement": swap.replacement.full_name},
        cancel_url=reverse("operations:swap-list"),
        template=FORM_PAGE,
    )


@login_required
@require_GET
def duty_log_list_view(request: AuthedRequest) -> HttpResponse:
    form = MonthForm(request.GET, units=op_units(request))
    _year, _month_no, start, end = _month(form)
    logs = duty_log_list(user=request.user, start=start, end=end, org_unit=form.value("org_unit"))
    writable_posts = [
        p for p in duty_post_list(user=request.user) if can_write(request, p.org_unit)
    ]
    return render_list(
        request,
        "operations/list_page.html",
        "operations/partials/log_rows.html",
        {
            "title": _("Duty logs"),
            "form": form,
            "action": reverse("operations:duty-log-list"),
            "rows_template": "operations/partials/log_rows.html",
            "page": paginate(request, logs),
            "writable_posts": writable_posts,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def duty_log_record(request: AuthedRequest, pk: int) -> HttpResponse:
    post = duty_post_get(user=request.user, pk=pk)
    require_write(request.user, post.org_unit.path)
    form = DutyLogForm(request.POST or None, people=duty_people(post=post))
    return form_page(
        request,
        form=form,
        action=lambda: services.duty_log_record(
            actor=request.user,
            post=post,
            day=form.cleaned_data["day"],
            on_duty=list(form.cleaned_data["on_duty"]),
            events=form.cleaned_data["events"],
            handed_over_to=form.cleaned_data["handed_over_to"],
        ),
        success=lambda log: _("The duty log was recorded."),
        done_url=lambda log: reverse("operations:duty-log-list"),
        title=_("Duty log: %(post)s") % {"post": post.name},
        cancel_url=reverse("operations:duty-log-list"),
        template=FORM_PAGE,
    )
