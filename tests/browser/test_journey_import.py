"""Journey: a commune officer uploads the commune's register with a wrong
identity number, reads the error, uploads the corrected file, imports it and
watches the progress bar until the people are in the register.

The runner is normally a detached ``manage.py run_import_job`` process, which
could not see the test database; here the same runner, ``jobs.job_run``, runs
in a thread, held until the page has shown its progress bar."""

import threading

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from qsdp.imports import jobs
from qsdp.imports.tests import files
from qsdp.people.models import Person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def runner(monkeypatch, settings, tmp_path):  # type: ignore[no-untyped-def]
    """Runs each queued job in a thread once ``release`` is set."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    release = threading.Event()
    threads: list[threading.Thread] = []

    def run(job_pk: int) -> None:
        release.wait(20)
        try:
            jobs.job_run(job_pk)
        finally:
            connection.close()

    def spawn(job_pk: int) -> None:
        thread = threading.Thread(target=run, args=(job_pk,), daemon=True)
        threads.append(thread)
        thread.start()

    monkeypatch.setattr(jobs, "spawn", spawn)
    yield release
    release.set()
    for thread in threads:
        thread.join(30)


def _upload(page: Page, live_server, path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/imports/new/")
    page.select_option("[name=kind]", "people")
    page.select_option("[name=org_unit]", label="Xã Dương Quang")
    page.set_input_files("[name=file]", str(path))
    page.locator("main form button[type=submit]").click()


def _watch_the_bar(page: Page, release: threading.Event) -> None:
    progress = page.locator("#job-progress progress")
    expect(progress).to_be_visible()
    expect(page.locator("#job-progress")).to_have_attribute("aria-live", "polite")
    release.set()
    expect(progress).to_have_count(0, timeout=30_000)  # htmx polls until the end
    release.clear()


def test_the_officer_fixes_the_file_and_imports_it_watching_the_progress(
    page: Page, live_server, tree, commune_officer, log_in, runner, tmp_path, screenshot
):
    rows = files.people(12)
    good_id = rows[4].national_id
    rows[4].national_id = "0061234"  # seven digits where twelve belong
    log_in(page, commune_officer)

    _upload(page, live_server, files.write_xlsx(tmp_path / "dan-so.xlsx", rows))
    _watch_the_bar(page, runner)
    errors = page.locator("table:has(caption) tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first.locator("td").first).to_have_text(str(13))  # sheet row of the 5th
    screenshot(page, "errors")
    assert Person.objects.count() == 0

    rows[4].national_id = good_id
    _upload(page, live_server, files.write_xlsx(tmp_path / "dan-so-da-sua.xlsx", rows))
    _watch_the_bar(page, runner)
    expect(page.locator("table:has(caption)")).to_have_count(0)
    page.locator("main form[action$='/commit/'] button[type=submit]").click()
    _watch_the_bar(page, runner)
    expect(page.locator("dl.summary")).to_contain_text("12")
    screenshot(page, "imported")
    assert Person.objects.filter(residences__org_unit=tree.duong_quang).count() == 12
