"""Shared by the browser tests: headless Chromium as root (see NOTES-TEST-TOOLS.md) and form filling."""
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser():
    """Headless Chromium with the driver Debian installs (no selenium-manager download)."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1400"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fill(driver, field, value):
    """Replaces the value of the input with id `field`."""
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def replaced(element):
    """A wait condition: true once `element` left the document. Chromium sometimes answers
    a query about a node of the page just replaced with "Node with given id does not belong
    to the document" (an unknown error) instead of a stale-element error, which selenium's
    own `staleness_of` lets through."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check
