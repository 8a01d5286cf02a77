"""The working-day calendar of SPEC §4, written from the SPEC's words, for
the tests' independent computations (never from the program's calendar)."""
from datetime import date, timedelta

# §4 "the days that a royal decree ... puts on a par with them"
DECREE_DAYS = {date(2024, 5, 10), date(2024, 12, 27), date(2025, 5, 30), date(2026, 1, 2),
               date(2026, 5, 15), date(2027, 5, 7), date(2028, 4, 28), date(2028, 5, 26)}


def easter_sunday(y):
    """Gregorian Easter (the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def feestdagen(y):
    """§4 "Nieuwjaarsdag (1 Jan), Tweede Paasdag, Hemelvaartsdag, Tweede
    Pinksterdag, Koningsdag (27 Apr; 26 Apr when 27 Apr is a Sunday), 5 mei
    (every year), Eerste and Tweede Kerstdag (25 and 26 Dec)". Goede Vrijdag
    is not in the list: "Goede Vrijdag is a working day"."""
    pasen = easter_sunday(y)
    koningsdag = date(y, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(y, 4, 26)
    return {date(y, 1, 1), pasen + timedelta(days=1), pasen + timedelta(days=39),
            pasen + timedelta(days=50), koningsdag, date(y, 5, 5),
            date(y, 12, 25), date(y, 12, 26)}


def is_working_day(d):
    """§4 "Working days are Monday to Friday except the algemeen erkende
    feestdagen ... and the [decree] days"."""
    return d.weekday() < 5 and d not in feestdagen(d.year) and d not in DECREE_DAYS


def deadline(received):
    """§4 "The deadline of a request received on day D is the 5th working day
    after D; D itself never counts, whether or not it is a working day." """
    d, n = received, 0
    while n < 5:
        d += timedelta(days=1)
        if is_working_day(d):
            n += 1
    return d


def working_days_to(received, contact):
    """Working days to first contact: working days after D up to and including
    the contact day (contact on D itself is 0; on the deadline is 5)."""
    n, d = 0, received
    while d < contact:
        d += timedelta(days=1)
        if is_working_day(d):
            n += 1
    return n
