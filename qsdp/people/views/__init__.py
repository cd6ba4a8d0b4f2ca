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
    "home",
    "person_create",
    "person_detail",
    "person_edit",
    "person_list",
    "person_sensitive",
    "person_transfer_in",
    "person_transfer_out",
]
