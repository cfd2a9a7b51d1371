#!/usr/bin/env python3
"""Headless Chromium uses two partner applications like a patron: single sign-on across
them, then single logout.

A demo member registers at the gateway and logs out; at application A (reading-tipper)
the patron logs in through the gateway's login form and consents; at application B
(e-books) the patron only consents: no login form (SSO). Logging out at A (RP-initiated
logout) ends the gateway session, so B's next login shows the gateway's login form again.

Prints one JSON object with what the browser saw; exits 1 on failure.

Usage: sso_two_apps.py GATEWAY_URL APP_A_URL APP_B_URL SCREENSHOT_DIR
"""
import json
import sys
from urllib.parse import urlsplit

from chromium import browser, fill, replaced
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

USERNAME, EMAIL, PASSWORD = "ssolezer", "ssolezer@example.org", "een lange zin als wachtwoord"


def loaded(driver, base, path):
    """Waits until the browser shows `path` of the site at `base`, fully loaded."""
    def there(d):
        url = urlsplit(d.current_url)
        return f"{url.scheme}://{url.netloc}" == base and url.path == path and d.execute_script("return document.readyState") == "complete"
    try:
        WebDriverWait(driver, 15).until(there)
    except TimeoutException:
        heading = text(driver, "main") or ""
        raise RuntimeError(f"expected {base}{path}, the browser shows {urlsplit(driver.current_url).path}: {heading[:300]}") from None


def click(driver, selector, base, path):
    """Clicks, waits for the page to be replaced (the target may be the URL already shown), then for `path`."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 15).until(replaced(page))
    loaded(driver, base, path)


def has(driver, element_id):
    return bool(driver.find_elements(By.ID, element_id))


def text(driver, element_id):
    found = driver.find_elements(By.ID, element_id)
    return found[0].text if found else None


def claims(driver, table):
    """The claim names of one of the demo application's claim tables."""
    return sorted(row.get_attribute("data-claim") for row in driver.find_elements(By.CSS_SELECTOR, f"#{table} tr[data-claim]"))


def register_and_log_out(driver, gateway):
    driver.get(gateway + "/register")
    Select(driver.find_element(By.ID, "library")).select_by_value("bibliotheek-zuid")
    for field, value in (("card_number", "20002000000001"), ("card_secret", "4321"), ("username", USERNAME), ("email", EMAIL),
                         ("password", PASSWORD), ("password_again", PASSWORD)):
        fill(driver, field, value)
    click(driver, "form button[type=submit]", gateway, "/account")
    click(driver, "form[action='/logout'] button", gateway, "/logout")


def app_state(driver, prefix, seen):
    """What the application's home page shows: login status, contact line, claim tables."""
    seen[prefix + "_status"] = text(driver, "login-status")
    seen[prefix + "_contact"] = text(driver, "contact-claims")
    for table in ("id-token-claims", "userinfo-claims", "access-token-claims"):
        seen[f"{prefix}_{table}"] = claims(driver, table)


def log_in_at_a(driver, gateway, app_a, seen, shots):
    driver.get(app_a + "/")
    click(driver, "#login-button", gateway, "/login")
    seen["a_login_form"] = has(driver, "identifier") and has(driver, "password")
    fill(driver, "identifier", USERNAME)
    fill(driver, "password", PASSWORD)
    click(driver, "form button[type=submit]", gateway, "/authorize")
    seen["a_consent_claims"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#consent-claims li")]
    seen["a_consent_purpose"] = has(driver, "consent-purpose")
    driver.save_screenshot(shots + "/consent-a.png")
    click(driver, "#consent-allow", app_a, "/")
    app_state(driver, "a", seen)
    driver.save_screenshot(shots + "/app-a.png")


def single_sign_on_at_b(driver, gateway, app_b, seen, shots):
    driver.get(app_b + "/")
    click(driver, "#login-button", gateway, "/authorize")
    seen["b_first_gateway_page"] = urlsplit(driver.current_url).path
    seen["b_login_form"] = has(driver, "identifier") or has(driver, "password")
    seen["b_consent_claims"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#consent-claims li")]
    seen["b_consent_purpose"] = has(driver, "consent-purpose")
    driver.save_screenshot(shots + "/consent-b.png")
    click(driver, "#consent-allow", app_b, "/")
    app_state(driver, "b", seen)
    driver.save_screenshot(shots + "/app-b.png")


def log_out_at_a(driver, gateway, app_a, app_b, seen, shots):
    driver.get(app_a + "/")
    click(driver, "#logout-button", app_a, "/")
    seen["a_after_logout_url_has_state"] = "state=" in urlsplit(driver.current_url).query
    seen["a_logout_result"] = text(driver, "logout-result")
    seen["a_status_after_logout"] = text(driver, "login-status")
    driver.save_screenshot(shots + "/logout-a.png")
    seen["gateway_cookies_after_logout"] = sorted(c["name"] for c in driver.get_cookies() if c["name"].startswith("gw_"))
    # e-books registers no back-channel logout URI: its own session lives on, the gateway's is gone.
    driver.get(app_b + "/")
    seen["b_status_after_logout"] = text(driver, "login-status")
    driver.get(app_b + "/login")
    loaded(driver, gateway, "/login")
    seen["b_login_form_after_logout"] = has(driver, "identifier") and has(driver, "password")
    driver.save_screenshot(shots + "/login-b.png")


def main():
    gateway, app_a, app_b, shots = sys.argv[1:5]
    seen = {}
    driver = browser()
    try:
        register_and_log_out(driver, gateway)
        log_in_at_a(driver, gateway, app_a, seen, shots)
        single_sign_on_at_b(driver, gateway, app_b, seen, shots)
        log_out_at_a(driver, gateway, app_a, app_b, seen, shots)
    finally:
        driver.quit()
    print(json.dumps(seen, sort_keys=True))


if __name__ == "__main__":
    main()
