"""Year-end review pages: list, create, preview with paragraph editing (htmx),
settings, signing, downloads and the public news summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import require_write, scope_for
from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page, submitted
from qsdp.core.lists import paginate, render_list
from qsdp.documents.http import document_response, download_filenames
from qsdp.documents.renderers.report import (
    render_article_docx,
    render_report_docx,
    render_report_pdf,
)
from qsdp.review import services
from qsdp.review.forms import (
    NewsForm,
    ParagraphForm,
    ReviewCreateForm,
    ReviewFilterForm,
    ReviewSettingsForm,
)
from qsdp.review.generator import to_report_document
from qsdp.review.models import ReviewDocument
from qsdp.review.narrative import PARAGRAPH_KEYS
from qsdp.review.selectors import (
    ReviewFilters,
    review_context,
    review_get,
    review_list,
    review_news,
    review_units,
)


def _detail_url(review: ReviewDocument) -> str:
    return reverse("review:review-detail", args=[review.pk])


def _writable(request: AuthedRequest, review: ReviewDocument) -> bool:
    return scope_for(request.user).covers(review.org_unit.path, write=True)


def _file_name(review: ReviewDocument) -> str:
    return f"Báo cáo tổng kết QP-QSĐP {review.year} {review.org_unit.name}"


@login_required
@require_GET
def review_list_view(request: AuthedRequest) -> HttpResponse:
    form = ReviewFilterForm(request.GET, units=review_units(user=request.user))
    valid = form.is_valid()
    filters = ReviewFilters(
        year=form.cleaned_data.get("year") if valid else None,
        org_unit=form.cleaned_data.get("org_unit") if valid else None,
    )
    reviews = review_list(user=request.user, filters=filters)
    can_create = review_units(user=request.user, write=True).exists()
    return render_list(
        request,
        "review/review_list.html",
        "review/partials/review_rows.html",
        {
            "title": _("Year-end reviews"),
            "form": form,
            "page": paginate(request, reviews),
            "create_url": reverse("review:review-create") if can_create else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: AuthedRequest) -> HttpResponse:
    units = review_units(user=request.user, write=True)
    if not units.exists():
        require_write(request.user, "")  # raises 403
    form = ReviewCreateForm(request.POST or None, units=units)
    return form_page(
        request,
        form=form,
        action=lambda: services.review_create(
            actor=request.user,
            org_unit=form.cleaned_data["org_unit"],
            year=form.cleaned_data["year"],
            data=form.data_object(),
        ),
        success=_("The review was created."),
        done_url=_detail_url,
        title=_("New year-end review"),
        cancel_url=reverse("review:review-list"),
    )


@login_required
@require_GET
def review_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    context = review_context(review)
    return render(
        request,
        "review/review_detail.html",
        {
            "review": review,
            "context": context,
            "header": context.header,
            "can_edit": not review.is_signed and _writable(request, review),
            "placeholders": sorted(context.values),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    require_write(request.user, review.org_unit.path)
    initial = {name: getattr(review, name) for name in services.SETTINGS_FIELDS}
    form = ReviewSettingsForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form=form,
        action=lambda: services.review_update(
            actor=request.user, review=review, data=form.data_object()
        ),
        success=_("The review was saved."),
        done_url=_detail_url,
        title=_("Review settings"),
        cancel_url=_detail_url(review),
    )


@login_required
@require_http_methods(["GET", "POST"])
def paragraph_edit(request: AuthedRequest, pk: int, key: str) -> HttpResponse:
    """The paragraph's editor (an htmx fragment in place of the paragraph), and its save."""
    review = review_get(user=request.user, pk=pk)
    if key not in PARAGRAPH_KEYS:
        raise Http404(_("There is no such paragraph."))
    require_write(request.user, review.org_unit.path)
    context = review_context(review)
    paragraph = next(p for p in context.paragraphs() if p.key == key)
    form = ParagraphForm(request.POST or None, initial={"text": paragraph.template})
    done = submitted(
        request,
        form,
        lambda: services.review_paragraph_edit(
            actor=request.user,
            review=review,
            key=key,
            text=form.cleaned_data["text"],
            facts=context.facts,
        ),
    )
    if done is not None:
        if request.htmx:
            after = review_context(done, facts=context.facts)
            saved = next(p for p in after.paragraphs() if p.key == key)
            return render(
                request,
                "review/partials/paragraph.html",
                {"review": done, "paragraph": saved, "can_edit": True},
            )
        messages.success(request, _("The paragraph was saved."))
        return redirect(_detail_url(done))
    template = (
        "review/partials/paragraph_form.html" if request.htmx else "review/paragraph_page.html"
    )
    return render(
        request,
        template,
        {
            "review": review,
            "paragraph": paragraph,
            "form": form,
            "placeholders": sorted(context.values),
            "title": _("Edit paragraph"),
        },
    )


@login_required
@require_POST
def review_sign(request: AuthedRequest, pk: int) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    require_write(request.user, review.org_unit.path)
    try:
        services.review_sign(actor=request.user, review=review)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The review was signed; its figures are kept as they are now."))
    return redirect(_detail_url(review))


@login_required
@require_GET
def review_document(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    document = to_report_document(review_context(review))
    content = render_report_docx(document) if kind == "docx" else render_report_pdf(document)
    return document_response(content, filename=_file_name(review), kind=kind)  # type: ignore[arg-type]


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    if request.method == "POST":
        require_write(request.user, review.org_unit.path)
    article = review_news(review)
    form = NewsForm(
        request.POST or None, initial={"headline": article.headline, "text": article.text}
    )
    done = submitted(
        request,
        form,
        lambda: services.review_news_edit(
            actor=request.user,
            review=review,
            headline=form.cleaned_data["headline"],
            text=form.cleaned_data["text"],
        ),
    )
    if done is not None:
        messages.success(request, _("The news summary was saved."))
        return redirect(reverse("review:news-edit", args=[review.pk]))
    return render(
        request,
        "review/news_edit.html",
        {
            "review": review,
            "article": article,
            "form": form,
            "can_edit": _writable(request, review),
            "title": _("News summary"),
        },
    )


@login_required
@require_GET
def news_download(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    review = review_get(user=request.user, pk=pk)
    article = review_news(review)
    name = f"Tin tổng kết QP-QSĐP {review.year} {review.org_unit.name}"
    if kind == "docx":
        content = render_article_docx(article.headline, article.paragraphs)
        return document_response(content, filename=name, kind="docx")
    name, ascii_name = download_filenames(name, "pdf")
    response = HttpResponse(
        f"{article.headline}\n\n{article.text}\n", content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{ascii_name[:-4]}.txt"'
    return response
