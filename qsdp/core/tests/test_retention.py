from qsdp.core.retention import POLICIES, Expiry, policy, years_for


def test_every_policy_says_how_long_after_what_and_unconfirmed_ones_are_marked():
    assert [(p.key, p.years, p.expiry, p.confirmed) for p in POLICIES] == [
        ("access_log", 5, Expiry.DELETE, False),
        ("login_attempts", 1, Expiry.DELETE, False),
        ("moved_away", 5, Expiry.ANONYMISE, False),
        ("military_service_register", None, Expiry.KEEP, True),
        ("audit_trail", None, Expiry.KEEP, False),
    ]
    assert all("[U]" in p.basis for p in POLICIES if not p.confirmed)


def test_an_operator_overrides_a_period(settings):
    settings.QSDP_RETENTION_YEARS = {"access_log": 10}

    assert years_for("access_log") == 10
    assert years_for("moved_away") == policy("moved_away").years == 5
