"""The reserve register pages: the list, one reservist, and the changes to him."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page
from qsdp.core.privacy import disclosed
from qsdp.military_service.rules.common import vn_date
from qsdp.people.selectors import person_get
from qsdp.reserves import services
from qsdp.reserves.forms import (
    ArrangeForm,
    ArrangementEndForm,
    RemovalForm,
    ReservistCreateForm,
    ReservistEditForm,
    ReservistFilterForm,
)
from qsdp.reserves.models import Reservist
from qsdp.reserves.selectors import (
    arrangement_get,
    post_choices,
    reservist_get,
    reservist_history,
    reservist_list,
    returnees_awaiting,
    visible_units,
)
from qsdp.reserves.views._common import (
    back_to,
    commune_units,
    paginate,
    render_list,
    today,
)


def _detail_url(reservist: Reservist) -> str:
    return reverse("reserves:reservist-detail", args=[reservist.pk])


def _subject(reservist: Reservist) -> dict[str, Any]:
    person = reservist.person
    return {
        "subject": f"{person.full_name} · {vn_date(person.birth_date)} · {person.org_unit.name}",
        "subject_url": _detail_url(reservist),
    }


def filter_form(request: AuthedRequest) -> ReservistFilterForm:
    return ReservistFilterForm(
        request.GET,
        units=commune_units(request),
        reserve_units=visible_units(request.user).order_by("name"),
    )


@login_required
@require_GET
def reservist_list_view(request: AuthedRequest) -> HttpResponse:
    """The reserve register, filtered by class, specialty, arrangement and unit."""
    form = filter_form(request)
    rows = reservist_list(user=request.user, filters=form.filters(), on=today())
    return render_list(
        request,
        "reserves/reservist_list.html",
        "reserves/partials/reservist_rows.html",
        {
            "form": form,
            "page": paginate(request, rows),
            "query": request.GET.urlencode(),
            "can_write": bool(scope_for(request.user).write_paths),
        },
    )


@login_required
@require_GET
def reservist_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    reservist = reservist_get(user=request.user, pk=pk)
    history = reservist_history(reservist=reservist)
    on = today()
    current = next(
        (
            a
            for a in history.arrangements
            if a.arranged_on <= on and (a.ended_on is None or a.ended_on > on)
        ),
        None,
    )
    can_write = scope_for(request.user).covers(reservist.person.org_unit.path, write=True)
    # The health class is sensitive: shown and logged for the roles that act on
    # it, masked for the others.
    shown = disclosed(
        {"health_class": reservist.health_class},
        actor=request.user,
        roles=scope_for(request.user).roles,
        target=reservist,
        purpose="reserves.reservist_detail",
        person_id=reservist.person_id,
    )
    return render(
        request,
        "reserves/reservist_detail.html",
        {
            "health_class": shown["health_class"],
            "reservist": reservist,
            "person": reservist.person,
            "history": history,
            "current": current,
            "can_write": can_write and reservist.removed_on is None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def reservist_create(request: AuthedRequest, person_pk: int) -> HttpResponse:
    """Record a person of the register in the reserve register."""
    person = person_get(user=request.user, pk=person_pk)
    require_write(request.user, person.org_unit.path)
    form = ReservistCreateForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.reservist_create(
            actor=request.user,
            person=person,
            facts=form.class_facts(),
            data=form.reservist_data(),
            registered_on=form.cleaned_data["registered_on"],
        ),
        title=_("Add to the reserve register"),
        subject=f"{person.full_name} · {vn_date(person.birth_date)} · {person.org_unit.name}",
        subject_url=reverse("people:person-detail", args=[person.pk]),
        intro=_(
            "The class (1 or 2) follows from the source and the months served "
            "(Military Service Law, Article 24)."
        ),
        success=lambda r: (
            _("%(name)s was added to the reserve register as a class-%(class)s reservist.")
            % {"name": person.full_name, "class": r.reserve_class}
        ),
        done_url=_detail_url,
        cancel_url=reverse("people:person-detail", args=[person.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reservist_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    reservist = reservist_get(user=request.user, pk=pk)
    require_write(request.user, reservist.person.org_unit.path)
    initial = {
        name: getattr(reservist, name)
        for name in ("reserve_class", "rank_group", "rank", "specialty_code", "specialty_name",
                     "health_class")
    }  # fmt: skip
    form = ReservistEditForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form=form,
        action=lambda: services.reservist_update(
            actor=request.user,
            reservist=reservist,
            data=form.reservist_data(),
            reserve_class=form.cleaned_data["reserve_class"],
        ),
        title=_("Change the reservist's details"),
        success=_("The changes were saved."),
        done_url=_detail_url,
        cancel_url=_detail_url(reservist),
        **_subject(reservist),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reservist_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    reservist = reservist_get(user=request.user, pk=pk)
    require_write(request.user, reservist.person.org_unit.path)
    form = RemovalForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.reservist_remove(
            actor=request.user,
            reservist=reservist,
            on=form.cleaned_data["removed_on"],
            reason=form.cleaned_data["removal_reason"],
            note=form.cleaned_data["removal_note"],
        ),
        title=_("Remove from the reserve"),
        intro=_(
            "A reservist past the age limit or no longer fit is removed from the reserve "
            "(Military Service Law, Article 29). The record stays, dated."
        ),
        success=_("The reservist was removed from the reserve."),
        done_url=_detail_url,
        cancel_url=_detail_url(reservist),
        **_subject(reservist),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reservist_arrange(request: AuthedRequest, pk: int) -> HttpResponse:
    """Arrange a reservist into a post: posts of his specialty first, the fill shown."""
    reservist = reservist_get(user=request.user, pk=pk)
    require_write(request.user, reservist.person.org_unit.path)
    posts = post_choices(user=request.user, on=today(), specialty_code=reservist.specialty_code)
    form = ArrangeForm(request.POST or None, posts=posts)
    return form_page(
        request,
        form=form,
        action=lambda: services.reservist_arrange(
            actor=request.user,
            reservist=reservist,
            post=form.cleaned_data["post"],
            arranged_on=form.cleaned_data["arranged_on"],
            near_match_reason=form.cleaned_data["near_match_reason"],
        ),
        title=_("Arrange into a reserve unit"),
        intro=_(
            "Reservists are arranged by matching military specialty; when there are not "
            "enough, by the nearest specialty, with the reason stated (Reserve Forces Law, "
            "Article 16). Each post shows arranged / establishment."
        ),
        success=lambda a: (
            _("Arranged into %(post)s of %(unit)s.")
            % {"post": a.post.title, "unit": a.post.unit.name}
        ),
        done_url=_detail_url(reservist),
        cancel_url=_detail_url(reservist),
        **_subject(reservist),
    )


@login_required
@require_http_methods(["GET", "POST"])
def arrangement_end(request: AuthedRequest, pk: int) -> HttpResponse:
    arrangement = arrangement_get(user=request.user, pk=pk)
    reservist = arrangement.reservist
    require_write(request.user, reservist.person.org_unit.path)
    form = ArrangementEndForm(request.POST or None)
    return form_page(
        request,
        form=form,
        action=lambda: services.arrangement_end(
            actor=request.user,
            arrangement=arrangement,
            on=form.cleaned_data["ended_on"],
            reason=form.cleaned_data["reason"],
        ),
        title=_("End the arrangement"),
        intro=_("%(post)s of %(unit)s, since %(date)s.")
        % {
            "post": arrangement.post.title,
            "unit": arrangement.post.unit.name,
            "date": vn_date(arrangement.arranged_on),
        },
        success=_("The arrangement was ended."),
        done_url=_detail_url(reservist),
        cancel_url=_detail_url(reservist),
        **_subject(reservist),
    )


@login_required
@require_GET
def returnee_list(request: AuthedRequest) -> HttpResponse:
    """Returnees registered into the reserve in the military-service register but
    not yet in the reserve register, each recorded with one click."""
    rows = returnees_awaiting(user=request.user)
    scope = scope_for(request.user)
    page = paginate(request, rows)
    writable = {p.pk for p in page.items if scope.covers(p.org_unit.path, write=True)}
    return render(request, "reserves/returnee_list.html", {"page": page, "writable": writable})


@login_required
@require_POST
def returnee_register(request: AuthedRequest, person_pk: int) -> HttpResponse:
    person = person_get(user=request.user, pk=person_pk)
    require_write(request.user, person.org_unit.path)
    try:
        reservist = services.reservist_register_from_returnee(
            actor=request.user, person=person, on=today()
        )
    except DomainError as refused:
        messages.error(request, refused.message)
        return redirect(back_to(request, reverse("reserves:returnee-list")))
    messages.success(
        request,
        _("%(name)s was recorded in the reserve register as a class-%(class)s reservist.")
        % {"name": person.full_name, "class": reservist.reserve_class},
    )
    return redirect(back_to(request, reverse("reserves:returnee-list")))
