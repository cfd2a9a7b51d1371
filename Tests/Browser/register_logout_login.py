#!/usr/bin/env python3
"""Headless Chromium walks the patron pages like a person: register a demo member,
log out, log in again. Prints one JSON object with what it saw; exits 1 on failure.

Usage: register_logout_login.py BASE_URL USERNAME EMAIL PASSWORD SCREENSHOT_DIR
"""
import json
import sys

from chromium import browser, fill
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def submit_and_wait(driver, selector, path):
    """Clicks a submit button and waits until the browser has loaded `path`."""
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 15).until(lambda d: path in d.current_url and d.execute_script("return document.readyState") == "complete")


def main():
    base, username, email, password, shots = sys.argv[1:6]
    seen = {}
    driver = browser()
    try:
        driver.get(base + "/register")
        seen["register_title"] = driver.title
        seen["labels"] = sorted(label.get_attribute("for") for label in driver.find_elements(By.TAG_NAME, "label"))
        Select(driver.find_element(By.ID, "library")).select_by_value("bibliotheek-oost")
        fill(driver, "card_number", "20003000000001")
        fill(driver, "card_secret", "5678")
        fill(driver, "username", username)
        fill(driver, "email", email)
        fill(driver, "password", password)
        fill(driver, "password_again", password)
        seen["marketing_ticked_by_default"] = driver.find_element(By.ID, "marketing").is_selected()
        driver.save_screenshot(shots + "/register.png")
        submit_and_wait(driver, "form button[type=submit]", "/account")
        seen["after_register"] = driver.find_element(By.TAG_NAME, "main").text
        driver.save_screenshot(shots + "/account.png")
        submit_and_wait(driver, "form[action='/logout'] button", "/logout")
        seen["after_logout"] = driver.find_element(By.TAG_NAME, "h1").text
        driver.get(base + "/login")
        fill(driver, "identifier", email)
        fill(driver, "password", password)
        submit_and_wait(driver, "form button[type=submit]", "/account")
        seen["after_login"] = driver.find_element(By.TAG_NAME, "main").text
        seen["cookies"] = sorted(cookie["name"] for cookie in driver.get_cookies())
        seen["session_cookie_http_only"] = all(c["httpOnly"] for c in driver.get_cookies() if c["name"].endswith("gw_session"))
        driver.save_screenshot(shots + "/login.png")
    finally:
        driver.quit()
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
