from types import SimpleNamespace

import pytest

from qsdp.military_service.selectors._common import residence_text


def person(address, permanent):
    return SimpleNamespace(address=address, permanent=permanent)


def residence(address, unit="Xã Dương Quang"):
    return SimpleNamespace(address=address, org_unit=SimpleNamespace(name=unit))


@pytest.mark.parametrize(
    ("who", "text"),
    [
        (person("", [residence("Thôn Nà Pài")]), "Thôn Nà Pài, Xã Dương Quang"),
        (person("", [residence("Thôn Nà Pài, xã Dương Quang")]), "Thôn Nà Pài, xã Dương Quang"),
        (person("", [residence("")]), "Xã Dương Quang"),
        (person("Tổ 5, phường Sông Cầu", []), "Tổ 5, phường Sông Cầu"),
    ],
)
def test_the_residence_as_documents_write_it_without_saying_the_commune_twice(who, text):
    assert residence_text(who) == text
