from playwright.sync_api import Page, expect


def test_login_page_is_vietnamese_and_loads_everything_from_the_server(live_server, page: Page):
    # Given a browser that records every request the page makes
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    # When it opens the login page
    response = page.goto(live_server.url + "/accounts/login/")
    page.wait_for_load_state("networkidle")

    # Then the page is in Vietnamese and nothing came from another host (intranet-only)
    assert response is not None
    assert response.status == 200
    expect(page.locator("body")).to_contain_text("Đăng nhập")
    assert [url for url in requested if not url.startswith(live_server.url + "/")] == []
    assert live_server.url + "/static/vendor/htmx.min.js" in requested
