from qsdp.imports.views.exports import export_download, template_download
from qsdp.imports.views.jobs import (
    job_commit,
    job_create,
    job_detail,
    job_list,
    job_progress,
    job_restart,
)

__all__ = [
    "export_download",
    "job_commit",
    "job_create",
    "job_detail",
    "job_list",
    "job_progress",
    "job_restart",
    "template_download",
]
