"""The reserve documents: the register as XLSX or PDF, the reservist card as PDF.
Documents are written in Vietnamese, the language of official papers."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.military_service.rules.common import vn_date
from qsdp.military_service.views._common import read_units
from qsdp.orgunits.models import MILITARY_KINDS, OrgUnitKind
from qsdp.reserves.documents import reserve_register_document, reservist_card_document
from qsdp.reserves.forms import SignerForm
from qsdp.reserves.selectors.documents import reserve_register, reservist_card
from qsdp.reserves.views._common import today
from qsdp.reserves.views.reservists import filter_form


def _signer(request: AuthedRequest) -> str:
    form = SignerForm(request.GET)
    return form.cleaned_data["signer"] if form.is_valid() else ""


def _area_name(request: AuthedRequest) -> str:
    """The unit whose register it is: the one filtered on, else the widest of the
    user's area."""
    form = filter_form(request)
    chosen = form.filters().org_unit
    if chosen is not None:
        return chosen.name
    area = (
        read_units(request)
        .exclude(kind__in=[*MILITARY_KINDS, OrgUnitKind.VILLAGE])
        .order_by("level", "name")
        .first()
    )
    return area.name if area is not None else ""


@login_required
@require_GET
def register_document(request: AuthedRequest, kind: str) -> HttpResponse:
    """The reserve register (sổ đăng ký quân nhân dự bị) of the list's filters."""
    with translation.override(settings.LANGUAGE_CODE):
        context = reserve_register(
            user=request.user,
            filters=filter_form(request).filters(),
            on=today(),
            unit_name=_area_name(request),
        )
        document = reserve_register_document(context, signer=_signer(request))
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = _("Reserve register %(date)s") % {"date": vn_date(context.on)}
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")


@login_required
@require_GET
def reservist_card_view(request: AuthedRequest, pk: int) -> HttpResponse:
    """The reservist card (phiếu quân nhân dự bị) of one reservist, as PDF."""
    with translation.override(settings.LANGUAGE_CODE):
        card = reservist_card(user=request.user, pk=pk, on=today())
        content = render_pdf(reservist_card_document(card, signer=_signer(request)))
        filename = _("Reservist card %(name)s") % {"name": card.full_name}
    return document_response(content, filename=filename, kind="pdf")
