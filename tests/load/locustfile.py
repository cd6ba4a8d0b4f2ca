"""Load test of the main pages and the REST API (run by tests/load/run.sh).

Each simulated user signs in through the login form as the demo leader (reads
the whole city, no second factor) and reads lists, searches and person pages;
the API user presents the Bearer token in QSDP_LOAD_TOKEN.
"""

import os
import random
import re

from locust import HttpUser, between, task

USERNAME = os.environ.get("QSDP_LOAD_USER", "lanhdao.thanhpho")
PASSWORD = os.environ["QSDP_DEMO_PASSWORD"]
TOKEN = os.environ.get("QSDP_LOAD_TOKEN", "")
SEARCHES = ["nguyen", "van an", "hoang thi", "tran", "le van", "0062"]
PAGES = ["/", "/people/", "/military-service/", "/reserves/", "/militia/", "/training/",
         "/operations/"]  # fmt: skip
PERSON_LINK = re.compile(r'href="/people/(\d+)/"')


class PageUser(HttpUser):
    weight = 3
    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="login form")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        self.client.post(
            "/accounts/login/",
            {"username": USERNAME, "password": PASSWORD,
             "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
        )  # fmt: skip
        listing = self.client.get("/people/", name="/people/")
        self.people = [int(pk) for pk in PERSON_LINK.findall(listing.text)] or [0]

    @task(4)
    def main_pages(self) -> None:
        url = random.choice(PAGES)
        self.client.get(url, name=url)

    @task(3)
    def search(self) -> None:
        query = random.choice(SEARCHES)
        self.client.get(f"/people/?q={query}", name="/people/?q=", headers={"HX-Request": "true"})

    @task(3)
    def person_page(self) -> None:
        pk = random.choice(self.people)
        self.client.get(f"/people/{pk}/", name="/people/<id>/")


class ApiUser(HttpUser):
    weight = 1 if TOKEN else 0
    wait_time = between(0.5, 2)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {TOKEN}"
        listing = self.client.get("/api/v1/people/", name="/api/v1/people/")
        rows = listing.json().get("results", []) if listing.ok else []
        self.people = [row["id"] for row in rows if "id" in row] or [0]

    @task(3)
    def people(self) -> None:
        self.client.get("/api/v1/people/", name="/api/v1/people/")

    @task(3)
    def person(self) -> None:
        pk = random.choice(self.people)
        self.client.get(f"/api/v1/people/{pk}/", name="/api/v1/people/<id>/")

    @task(1)
    def forces(self) -> None:
        self.client.get("/api/v1/reserves/reservists/", name="/api/v1/reserves/reservists/")
        self.client.get("/api/v1/militia/members/", name="/api/v1/militia/members/")
