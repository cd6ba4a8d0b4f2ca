from qsdp.people.views.deleted import deleted_list, person_delete, person_restore
from qsdp.people.views.home import home
from qsdp.people.views.persons import (
    person_create,
    person_detail,
    person_edit,
    person_list,
    person_sensitive,
    person_transfer_in,
    person_transfer_out,
)

__all__ = [
    "deleted_list",
    "home",
    "person_create",
    "person_delete",
    "person_detail",
    "person_edit",
    "person_list",
    "person_restore",
    "person_sensitive",
    "person_transfer_in",
    "person_transfer_out",
]
