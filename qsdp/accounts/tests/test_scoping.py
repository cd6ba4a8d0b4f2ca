import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from qsdp.accounts.scoping import get_scoped_or_404, require_write, scope_for, scoped
from qsdp.orgunits.models import OrgUnit

pytestmark = pytest.mark.django_db


def test_commune_officer_scope_is_the_commune_served_by_their_command(tree, commune_officer):
    scope = scope_for(commune_officer)

    assert scope.read_paths == frozenset({tree.duong_quang.path})
    assert scope.write_paths == frozenset({tree.duong_quang.path})


def test_scoped_queryset_keeps_only_the_subtree(tree, commune_officer):
    names = set(
        scoped(OrgUnit.objects.all(), commune_officer, "path").values_list("name", flat=True)
    )

    assert names == {"Xã Dương Quang", "Thôn Nà Pài"}


def test_command_staff_reads_every_commune_of_the_city(tree, command_staff):
    names = set(scoped(OrgUnit.objects.all(), command_staff, "path").values_list("name", flat=True))

    assert names == {"Thành phố Bắc Kạn", "Xã Dương Quang", "Thôn Nà Pài", "Phường Sông Cầu"}


def test_out_of_scope_record_is_404(tree, outsider):
    with pytest.raises(Http404):
        get_scoped_or_404(OrgUnit.objects.all(), outsider, "path", pk=tree.duong_quang.pk)


def test_leader_reads_but_may_not_write(tree, leader):
    unit = get_scoped_or_404(OrgUnit.objects.all(), leader, "path", pk=tree.duong_quang.pk)

    with pytest.raises(PermissionDenied):
        require_write(leader, unit.path)


def test_auditor_reads_no_register(tree, auditor):
    scope = scope_for(auditor)

    assert scope.read_paths == frozenset()
    assert scope.can_audit is True


def test_admin_sees_everything(tree, admin_user):
    assert scoped(OrgUnit.objects.all(), admin_user, "path").count() == OrgUnit.objects.count()


def test_expired_assignment_gives_no_scope(tree, commune_officer):
    from datetime import date

    commune_officer.role_assignments.update(valid_to=date(2021, 1, 1))

    assert scope_for(commune_officer).read_paths == frozenset()
