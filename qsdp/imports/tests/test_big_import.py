"""The 100,000-row people file: in the background, with progress. Slow, so it
runs only when asked: QSDP_IMPORT_BENCH=100000 pytest qsdp/imports/tests/test_big_import.py -s"""

import io
import os
import resource
import time

import pytest
from python_calamine import CalamineWorkbook

from qsdp.imports import jobs
from qsdp.imports.models import JobStatus
from qsdp.imports.tests import files
from qsdp.people.models import Person

ROWS = int(os.environ.get("QSDP_IMPORT_BENCH", "0"))


@pytest.mark.skipif(not ROWS, reason="set QSDP_IMPORT_BENCH to the number of rows")
@pytest.mark.django_db
def test_a_province_sized_file_imports_in_the_background(tmp_path, tree, commune_officer):
    path = files.write_big_xlsx(tmp_path / "big.xlsx", ROWS)
    # CPU time of this process: a shared machine's load does not distort the ratio.
    started = time.process_time()
    workbook = CalamineWorkbook.from_path(str(path))
    workbook.get_sheet_by_index(0).to_python()
    bare = time.process_time() - started
    content = path.read_bytes()
    job = jobs.job_create(
        actor=commune_officer, org_unit=tree.duong_quang, kind="people", name="big.xlsx",
        size=len(content), handle=io.BytesIO(content), dry_run=False,
    )  # fmt: skip

    started, wall = time.process_time(), time.perf_counter()
    done = jobs.job_run(job.pk)
    elapsed, wall = time.process_time() - started, time.perf_counter() - wall

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = f"rows={ROWS} cpu: parse={bare:.1f}s import={elapsed:.1f}s ratio={elapsed / bare:.2f}"
    report += f" (import wall clock {wall:.0f}s)"
    print(f"\n{report} peak_rss={peak_mb:.0f}MB")  # noqa: T201 — the benchmark's output
    assert done.status == JobStatus.DONE and done.result["imported"] == ROWS
    assert jobs.progress_of(done)["done"] == 2 * ROWS
    assert Person.objects.count() == ROWS
