import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploads and progress files of each test in its own directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
