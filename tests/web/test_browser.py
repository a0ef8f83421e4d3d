"""The page in a real browser: headless Chromium driven by Playwright, and axe-core.

Chromium is the system's (Debian's ``chromium`` package, or ``$CHROMIUM``), driven
through ``executable_path``; axe-core (MPL-2.0, never shipped in the package) is read
from ``$AXE_CORE_JS`` or ``.ci-cache/axe-core/axe.min.js``, where
``tests/web/setup-browser.sh`` puts it. Without them the tests skip, saying why.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
)

REPO = Path(__file__).resolve().parents[2]
SEED = "seeds/000_181dd860fa64ed08.txt"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


def _axe() -> str | None:
    for candidate in (os.environ.get("AXE_CORE_JS"), REPO / ".ci-cache/axe-core/axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The application served by uvicorn on a free local port, in a thread."""
    import uvicorn

    from groupement_rules.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    exe = _chromium()
    if exe is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set $CHROMIUM)")
    with playwright_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, args=["--no-sandbox"], headless=True)
        except playwright_api.Error as e:
            pytest.skip(f"Chromium at {exe} cannot be started by Playwright: {e}")
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server)
    # nothing may be fetched from outside the server
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    pg = context.new_page()
    yield pg
    context.close()
    assert outside == [], f"the page fetched from outside: {outside}"


def _no_violations(page: Any) -> None:
    axe = _axe()
    if axe is None:
        pytest.skip("axe-core not found (tests/web/setup-browser.sh, or set $AXE_CORE_JS)")
    page.add_script_tag(content=axe)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    described = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
    ]
    assert described == []


def test_paste_the_seed_and_see_the_finding_with_its_line(page: Any, shared: Path) -> None:
    text = (shared / SEED).read_text(encoding="utf-8")
    page.goto("/ui")
    assert page.get_attribute("html", "lang") == "fr"
    page.get_by_label("Texte de la délibération").fill(text)
    page.get_by_role("button", name="Vérifier la séance").click()
    finding = page.locator('[data-code="votes-unaccounted"]')
    finding.wait_for()
    link = finding.locator("a").first
    n = link.inner_text()
    assert "suffrages exprimés" in text.splitlines()[int(n) - 1]
    link.click()
    line = page.locator(f"#l{n}")
    assert line.locator("mark").count() == 1
    assert "suffrages exprimés" in line.inner_text()
    assert page.url.endswith(f"#l{n}")
    assert "commune.insee" in page.locator("ul.unread").inner_text()
    _no_violations(page)


def test_withdrawal_answers_allowed_effective_2028_07_19(page: Any) -> None:
    page.goto("/ui")
    page.get_by_label("Date d'envoi du courrier de retrait").fill("2028-06-01")
    page.get_by_role("button", name="Le retrait est-il valable ?").click()
    answer = page.locator('#result-withdraw [data-answer="allowed"]')
    answer.wait_for()
    assert "allowed" in answer.locator(".verdict").inner_text()
    effective = answer.locator("dt:has-text('Prend effet le') + dd time")
    assert effective.get_attribute("datetime") == "2028-07-19"
    assert effective.inner_text() == "19 juillet 2028"
    assert page.url.rstrip("/").endswith("/ui")  # answered in place, by the small script
    _no_violations(page)


def test_a_bad_date_gives_a_readable_error(page: Any) -> None:
    page.goto("/ui")
    page.get_by_label("Date d'envoi du courrier de retrait").fill("2028-02-30")
    page.get_by_role("button", name="Le retrait est-il valable ?").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    said = alert.inner_text()
    assert "Indiquez une date qui existe" in said and "2028-02-30" in said
    _no_violations(page)


def test_works_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/ui")
        page.get_by_label("Date d'envoi du courrier de retrait").fill("2028-06-01")
        page.get_by_role("button", name="Le retrait est-il valable ?").click()
        page.wait_for_url("**/ui/withdraw?*")
        effective = page.locator("[data-answer=allowed] dt:has-text('Prend effet le') + dd time")
        assert effective.get_attribute("datetime") == "2028-07-19"
        page.get_by_label("Date de publication de la délibération").fill("2026-02-10")
        page.get_by_label("Code INSEE de la commune (facultatif)").fill("49176")
        page.get_by_role("button", name="Calculer le dernier jour").click()
        page.wait_for_url("**/ui/recours?*")
        last = page.locator("[data-answer=deadline] dt:has-text('Dernier jour') + dd time")
        assert last.get_attribute("datetime") == "2026-04-13"
    finally:
        context.close()


def test_english_and_the_keyboard(page: Any) -> None:
    page.goto("/ui")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/ui?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    # the whole withdrawal question by keyboard alone
    page.get_by_label("Day the withdrawal letter is sent").focus()
    page.keyboard.type("2028-06-01")
    page.keyboard.press("Enter")
    page.locator('#result-withdraw [data-answer="allowed"]').wait_for()
    assert page.evaluate("document.activeElement.id") == "withdraw-heading"
    _no_violations(page)


def test_docs_page_is_accessible(page: Any) -> None:
    page.goto("/docs")
    assert page.locator("code", has_text="/withdraw").count() >= 1
    _no_violations(page)
