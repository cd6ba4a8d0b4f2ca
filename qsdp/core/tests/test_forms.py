"""The form page every app's change pages share (``qsdp.core.forms.form_page``)."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils import translation

from qsdp.core.errors import DomainError
from qsdp.core.forms import form_page


class NameForm(forms.Form):
    name = forms.CharField(label="Name")


class FileForm(NameForm):
    file = forms.FileField(label="File", required=False)


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def _request(method: str = "get", path: str = "/change/", data: dict | None = None):
    request = getattr(RequestFactory(), method)(path, data or {})
    request.user = AnonymousUser()
    request.htmx = False
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _page(request, form, action=lambda: "done", **kwargs):
    return form_page(
        request,
        form=form,
        action=action,
        success=lambda done: f"Saved: {done}",
        done_url=lambda done: "/done/",
        title="Change",
        cancel_url="/cancel/",
        **kwargs,
    )


def test_a_valid_post_runs_the_service_then_goes_to_done_url_with_the_message():
    request = _request("post", data={"name": "A"})

    response = _page(request, NameForm(request.POST))

    assert (response.status_code, response["Location"]) == (302, "/done/")
    assert [str(m) for m in get_messages(request)] == ["Saved: done"]


def test_next_is_kept_on_the_form_and_followed_after_the_change():
    shown = _page(_request(path="/change/?next=/list/%3Fpage%3D2"), NameForm())
    request = _request("post", data={"name": "A", "next": "/list/?page=2"})
    done = _page(request, NameForm(request.POST))

    html = shown.content.decode()
    assert '<input type="hidden" name="next" value="/list/?page=2">' in html
    assert '<a href="/list/?page=2">Hủy</a>' in html
    assert done["Location"] == "/list/?page=2"


def test_a_refusal_is_shown_next_to_its_field_and_nothing_is_reported_done():
    def refuse():
        raise DomainError("no", "Không được.", field="name")

    request = _request("post", data={"name": "A"})
    response = _page(request, NameForm(request.POST), action=refuse)

    assert response.status_code == 200
    assert "Không được." in response.content.decode()
    assert list(get_messages(request)) == []


def test_the_form_is_sent_as_multipart_only_when_it_has_a_file_field():
    plain = _page(_request(), NameForm()).content.decode()
    with_file = _page(_request(), FileForm()).content.decode()

    assert '<form method="post" novalidate>' in plain
    assert '<form method="post" enctype="multipart/form-data" novalidate>' in with_file


def test_the_subject_is_shown_linked_above_the_form():
    html = _page(_request(), NameForm(), subject="Đơn vị A", subject_url="/units/1/").content
    text = html.decode()

    assert "<title>Change · Đơn vị A" in text
    assert '<p class="person-line"><a href="/units/1/">Đơn vị A</a></p>' in text
