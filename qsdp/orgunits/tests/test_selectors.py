from datetime import date

import pytest
from django.http import Http404

from qsdp.orgunits import selectors
from qsdp.orgunits.models import LineageKind, OrgUnitKind
from qsdp.orgunits.services import lineage_record, org_unit_close, org_unit_create

pytestmark = pytest.mark.django_db

REFORM = date(2025, 7, 1)


def _layout(user, on):
    rows = selectors.tree_rows(selectors.org_unit_tree(user=user, on=on))
    return [(row.depth, row.unit.name, len(row.closes)) for row in rows]


@pytest.fixture
def reformed(tree):
    """Dương Quang closes on 1 July 2025 and merges into Xã Phong Quang."""
    org_unit_close(actor=None, unit=tree.duong_quang_village, closed_on=REFORM)
    org_unit_close(actor=None, unit=tree.duong_quang, closed_on=REFORM)
    tree.duong_quang.refresh_from_db()
    phong_quang = org_unit_create(
        actor=None, name="Xã Phong Quang", kind=OrgUnitKind.COMMUNE, code="01849",
        parent=tree.province, opened_on=REFORM,
    )  # fmt: skip
    lineage_record(
        actor=None, predecessor=tree.duong_quang, successor=phong_quang,
        kind=LineageKind.MERGE, effective_on=REFORM, basis="NQ 1683/NQ-UBTVQH15",
    )  # fmt: skip
    return phong_quang


def test_the_tree_nests_units_by_parent_with_commands_after_the_areas(tree, admin_user):
    assert _layout(admin_user, date(2023, 11, 22)) == [
        (0, "Tỉnh Bắc Kạn", 0),
        (1, "Thành phố Bắc Kạn", 0),
        (2, "Phường Sông Cầu", 0),
        (2, "Xã Dương Quang", 0),
        (3, "Thôn Nà Pài", 2),
        (1, "Ban CHQS thành phố Bắc Kạn", 0),
        (2, "Ban CHQS phường Sông Cầu", 0),
        (2, "Ban CHQS xã Dương Quang", 2),
    ]


def test_the_tree_shows_the_units_open_on_the_day(tree, admin_user, reformed):
    before = [name for _, name, _ in _layout(admin_user, date(2025, 6, 30))]
    after = [name for _, name, _ in _layout(admin_user, REFORM)]

    assert "Xã Dương Quang" in before
    assert "Xã Phong Quang" not in before
    assert "Xã Dương Quang" not in after
    assert "Thôn Nà Pài" not in after
    assert "Xã Phong Quang" in after


def test_nothing_is_open_before_the_tree_was_founded(tree, admin_user):
    assert _layout(admin_user, date(1999, 12, 31)) == []


def test_the_commune_officer_s_tree_is_only_his_commune(tree, commune_officer):
    assert _layout(commune_officer, date(2023, 11, 22)) == [
        (0, "Xã Dương Quang", 0),
        (1, "Thôn Nà Pài", 1),
    ]


def test_an_outsider_gets_404_for_the_unit_and_its_command(tree, outsider):
    with pytest.raises(Http404):
        selectors.org_unit_get(user=outsider, pk=tree.duong_quang.pk)
    with pytest.raises(Http404):
        selectors.org_unit_get(user=outsider, pk=tree.duong_quang_command.pk)


def test_the_commune_officer_opens_the_command_serving_his_commune(tree, commune_officer):
    unit = selectors.org_unit_get(user=commune_officer, pk=tree.duong_quang_command.pk)

    assert unit == tree.duong_quang_command


def test_a_code_is_resolved_with_a_date(tree, reformed):
    assert selectors.org_unit_by_code(code="01849", on=date(2023, 11, 22)) == tree.duong_quang
    assert selectors.org_unit_by_code(code="01849", on=date(2026, 1, 1)) == reformed
    assert selectors.org_unit_by_code(code="01849", on=date(1999, 1, 1)) is None
    assert (
        selectors.org_unit_by_code(code="01849", on=date(2026, 1, 1), kind=OrgUnitKind.WARD) is None
    )


def test_successors_and_predecessors(tree, reformed):
    assert [(link.successor, link.kind) for link in selectors.successors(tree.duong_quang)] == [
        (reformed, "merge")
    ]
    assert [link.predecessor for link in selectors.predecessors(reformed)] == [tree.duong_quang]
    assert list(selectors.predecessors(tree.duong_quang)) == []


def test_commune_level_units_in_scope_for_filters(tree, command_staff):
    units = selectors.commune_level_units(user=command_staff, on=date(2023, 11, 22))

    assert [unit.name for unit in units] == ["Phường Sông Cầu", "Xã Dương Quang"]


def test_commune_level_units_of_a_commune_officer(tree, commune_officer):
    units = selectors.commune_level_units(user=commune_officer, on=date(2023, 11, 22))

    assert [unit.name for unit in units] == ["Xã Dương Quang"]


def test_detail_of_a_commune_for_its_officer(tree, commune_officer):
    detail = selectors.org_unit_detail(
        user=commune_officer, pk=tree.duong_quang.pk, on=date(2023, 11, 22)
    )

    assert detail.unit == tree.duong_quang
    assert detail.parent_visible is False  # the city is outside his area
    assert detail.children == [tree.duong_quang_village]
    assert detail.commands == [tree.duong_quang_command]


def test_detail_of_a_closed_unit_defaults_to_its_last_day(tree, admin_user, reformed):
    detail = selectors.org_unit_detail(user=admin_user, pk=tree.duong_quang.pk)

    assert detail.on == date(2025, 6, 30)
    assert detail.children == [tree.duong_quang_village]
    assert detail.became == [(detail.successors[0], reformed)]
    assert detail.visible_ids == frozenset({reformed.pk})


def test_detail_lists_lineage_outside_the_scope_without_opening_it(tree, commune_officer, reformed):
    detail = selectors.org_unit_detail(user=commune_officer, pk=tree.duong_quang.pk)

    assert [other.name for _, other in detail.became] == ["Xã Phong Quang"]
    assert detail.visible_ids == frozenset()
