"""Time expressions, on our own sentences: tense-resolved weekdays, vague spans, relative cues."""

from datetime import date, datetime

import pytest

from routes.timex import clause_tense, find_times, resolve_relative

WED = date(2023, 9, 13)  # a Wednesday


def only(text, anchor=WED):
    found = find_times(text, anchor)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def day_of(text, anchor=WED):
    return only(text, anchor).start_dt.date()


# --- weekdays by tense -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The minister arrived in Oslo on Tuesday.", date(2023, 9, 12)),
    ("The convoy left the capital Saturday afternoon.", date(2023, 9, 9)),
    ("The agency reported Sunday that the envoy was in Minsk.", date(2023, 9, 10)),
    ("The ferry is expected to reach Split on Tuesday.", date(2023, 9, 19)),
    ("The delegation will depart on Monday.", date(2023, 9, 18)),
    ("Aides said the talks would likely take place Friday.", date(2023, 9, 15)),
    # the anchor's own weekday: today in both tenses
    ("The envoy landed in Lima on Wednesday.", WED),
    ("The envoy will land in Lima on Wednesday.", WED),
    # present or no verb: the nearest one
    ("Envoy in Lima on Thursday", date(2023, 9, 14)),
    ("Envoy in Lima on Monday", date(2023, 9, 11)),
])
def test_weekday_follows_the_tense_of_its_clause(text, expected):
    assert day_of(text) == expected


def test_each_weekday_takes_its_own_clause():
    text = ("The governor, who was expected to arrive Tuesday, arrived Monday, "
            "and she will leave for Quito on Friday.")
    days = [t.start_dt.date() for t in find_times(text, WED)]
    assert days == [date(2023, 9, 19), date(2023, 9, 11), date(2023, 9, 15)]


def test_shifted_weekdays():
    assert day_of("Last Wednesday the team flew home.") == date(2023, 9, 6)
    assert day_of("Next Wednesday the team flies home.") == date(2023, 9, 20)


@pytest.mark.parametrize(("text", "tense"), [
    ("Officials said the ship would dock there.", "future"),
    ("The ship docked there after a long night.", "past"),
    ("The ship may have docked there.", "past"),
    ("The ship is due to dock there.", "future"),
    ("The ship is in port there.", "present"),
    ("There the ship docked, officials said.", "past"),
])
def test_clause_tense(text, tense):
    assert clause_tense(text, text.index("there") if "there" in text else 0) == tense


def test_tense_stops_at_clause_boundaries():
    text = "The train will leave at dawn; it reached the border on Sunday."
    assert clause_tense(text, text.index("Sunday")) == "past"
    assert clause_tense(text, text.index("dawn")) == "future"


# --- parts of day and clock times ---------------------------------------------------------

def test_parts_of_day_narrow_the_day():
    t = only("The motorcade left on Tuesday morning.")
    assert t.text == "on Tuesday morning" and t.kind == "weekday"
    assert (t.start_dt, t.end_dt) == (datetime(2023, 9, 12, 6), datetime(2023, 9, 12, 12))
    night = only("They dined in Rome on Saturday night.")
    assert (night.start_dt, night.end_dt) == (datetime(2023, 9, 9, 18), datetime(2023, 9, 10))


def test_parts_of_day_against_the_anchor():
    morning, overnight, tonight = find_times(
        "The train crossed this morning. It moved north overnight. It rests tonight.", WED)
    assert morning.kind == overnight.kind == tonight.kind == "part"
    assert morning.start_dt == datetime(2023, 9, 13, 6)
    assert (overnight.start_dt, overnight.end_dt) == (datetime(2023, 9, 12, 18),
                                                      datetime(2023, 9, 13, 6))
    assert tonight.start_dt == datetime(2023, 9, 13, 18)


def test_clock_time_joins_its_weekday():
    t = only("Around 4:15am Sunday, the plane took off.")
    assert t.text == "Around 4:15am Sunday"
    assert (t.hour, t.minute, t.weekday, t.approx) == (4, 15, 6, True)
    assert t.start_dt <= datetime(2023, 9, 10, 4, 15) < t.end_dt


@pytest.mark.parametrize(("text", "hour", "minute"), [
    ("The plane landed at 2:05 p.m. local time.", 14, 5),
    ("He spoke at about 8 am.", 8, 0),
    ("Doors opened 11:45pm.", 23, 45),
    ("The vote closes at 17:30 GMT.", 17, 30),
])
def test_clock_times(text, hour, minute):
    t = only(text)
    assert (t.kind, t.hour, t.minute, t.relative) == ("time", hour, minute, True)


# --- dates, ranges and years ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The envoy arrived on Sept. 11.", date(2023, 9, 11)),
    ("The envoy arrived on September 11, 2021.", date(2021, 9, 11)),
    ("The envoy arrived on 11 September 2021.", date(2021, 9, 11)),
    ("The envoy arrived on 2 August.", date(2023, 8, 2)),
    ("Filed 2021-09-11 by our desk.", date(2021, 9, 11)),
    ("Filed 09/11/2021 by our desk.", date(2021, 9, 11)),
    ("The envoy arrived on the 10th, aides said.", date(2023, 9, 10)),
])
def test_absolute_dates(text, expected):
    t = only(text)
    assert t.kind == "date" and t.start_dt.date() == expected


def test_weekday_and_date_make_one_expression():
    t = only("The tour begins on Thursday evening 4 April when the band flies in.", None)
    assert t.text == "on Thursday evening 4 April"
    assert (t.month, t.day, t.weekday, t.part) == (4, 4, 3, "evening")


def test_date_with_em_dash_after():
    t = only("It was not until July 2—weeks late—that the crew left.")
    assert (t.month, t.day) == (7, 2)


def test_ranges():
    t = only("The fair runs from April 9 – 12 in the old town.", date(2024, 3, 1))
    assert (t.start_dt, t.end_dt) == (datetime(2024, 4, 9), datetime(2024, 4, 13))
    assert (t.end_month, t.end_day) == (4, 12)
    short = only("Talks are set for Jan. 30-31, 2025.")
    assert (short.start_dt, short.end_dt) == (datetime(2025, 1, 30), datetime(2025, 2, 1))
    crossing = only("Ships sailed Dec. 30 - Jan. 2, 2024.")
    assert (crossing.start_dt, crossing.end_dt) == (datetime(2023, 12, 30), datetime(2024, 1, 3))


def test_past_date_far_after_the_anchor_is_last_year():
    assert day_of("The envoy visited the port on Nov. 20.", date(2023, 3, 1)) == \
        date(2022, 11, 20)
    assert day_of("The envoy will visit the port on Nov. 20.", date(2023, 3, 1)) == \
        date(2023, 11, 20)


def test_years_and_months():
    found = find_times("They first met in July 2016, as a 2017 archive photo shows, "
                       "and again in early 2020.", WED)
    assert [(t.text, t.kind) for t in found] == [
        ("in July 2016", "date"), ("2017", "year"), ("in early 2020", "year")]
    assert (found[0].start_dt, found[0].end_dt) == (datetime(2016, 7, 1), datetime(2016, 8, 1))
    assert (found[1].start_dt, found[1].end_dt) == (datetime(2017, 1, 1), datetime(2018, 1, 1))
    assert found[2].approx and found[2].end_dt == datetime(2020, 5, 1)


# --- vague and document-relative ------------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end"), [
    ("The pair could meet around Saturday.", date(2023, 9, 15), date(2023, 9, 18)),
    ("The pair will meet early next week.", date(2023, 9, 18), date(2023, 9, 21)),
    ("The pair will meet later this month.", date(2023, 9, 13), date(2023, 10, 1)),
    ("The pair met earlier this month.", date(2023, 9, 1), date(2023, 9, 14)),
    ("The pair will meet next week.", date(2023, 9, 18), date(2023, 9, 25)),
    ("The pair met last week.", date(2023, 9, 4), date(2023, 9, 11)),
    ("The pair met late last year.", date(2022, 9, 1), date(2023, 1, 1)),
    ("The pair will meet in the coming days.", date(2023, 9, 13), date(2023, 9, 16)),
])
def test_vague_spans(text, start, end):
    t = only(text)
    assert t.kind == "vague"
    assert (t.start_dt.date(), t.end_dt.date()) == (start, end)


def test_vague_cues_are_approximate():
    assert only("The pair could meet around Saturday.").approx
    assert only("The pair will meet later this month.").approx
    assert only("The pair will meet soon.").approx
    assert not only("The pair will meet next week.").approx


def test_now_and_deictic_days():
    now, week = find_times("The leader is now in Kazan and currently plans a tour this week.",
                           WED)[0::2]
    assert now.kind == week.kind == "now"
    assert (week.start_dt, week.end_dt) == (datetime(2023, 9, 11), datetime(2023, 9, 18))
    y, t = find_times("She left yesterday and returns tomorrow.", WED)
    assert (y.start_dt.date(), y.offset_days) == (date(2023, 9, 12), -1)
    assert (t.start_dt.date(), t.offset_days) == (date(2023, 9, 14), 1)


# --- relative to the story ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "offset"), [
    ("The next day the crew rested.", 1),
    ("The following day the crew rested.", 1),
    ("A day later the crew rested.", 1),
    ("Two days later the crew rested.", 2),
    ("Four days later the crew rested.", 4),
    ("3 days later the crew rested.", 3),
    ("Hours after landing the crew rested.", 0),
    ("That evening the crew rested.", 0),
    ("The day before the crew rested.", -1),
])
def test_relative_cues(text, offset):
    t = only(text)
    assert t.relative and t.start_dt is None
    assert t.offset_days == offset


def test_resolve_relative_against_the_previous_time():
    first, nxt, later, evening = find_times(
        "The pilot reached Dakar on Friday. The next day she flew on; two days later she "
        "landed, and that evening she cabled home.", WED)
    nxt = resolve_relative(nxt, first)
    assert nxt.start_dt.date() == date(2023, 9, 9) and not nxt.approx
    later = resolve_relative(later, nxt)
    assert later.start_dt.date() == date(2023, 9, 11)
    evening = resolve_relative(evening, later)
    assert (evening.start_dt, evening.end_dt) == (datetime(2023, 9, 11, 18),
                                                  datetime(2023, 9, 11, 22))


def test_hours_later_counts_from_the_clock():
    start, later = find_times("At 9:40pm on Sunday the train left. Ten hours later it "
                              "pulled in.", WED)
    later = resolve_relative(later, start)
    assert later.start_dt <= datetime(2023, 9, 11, 7, 40) < later.end_dt
    assert later.approx


def test_bare_clock_time_takes_the_previous_day():
    day, clock = find_times("On Monday the team set out. At 6:30 p.m. it made camp.", WED)
    assert clock.relative
    assert resolve_relative(clock, day).start_dt == datetime(2023, 9, 11, 18, 30)


def test_previously():
    t = only("She had previously served there.")
    assert t.kind == "relative" and t.direction == -1 and t.offset_days is None


# --- without an anchor -------------------------------------------------------------------------

def test_no_anchor_keeps_calendar_fields():
    date_, weekday, relative = find_times(
        "On May 14 the yacht left; it reached port on Tuesday. The next day it sailed.")
    assert date_.start_dt is None and (date_.month, date_.day) == (5, 14)
    assert weekday.start_dt is None and weekday.weekday == 1
    moved = resolve_relative(relative, date_)
    assert (moved.month, moved.day, moved.start_dt) == (5, 15, None)
    assert resolve_relative(relative, weekday).weekday == 2


def test_no_anchor_still_resolves_full_dates():
    t = only("The treaty was signed on 3 June 1999.", None)
    assert t.start_dt == datetime(1999, 6, 3)


# --- not times ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials may travel later; the unions march on the capital.",
    "Protesters March through the square.",
    "The ferry carried 1,243 passengers and 2,000 tonnes of grain.",
    "A Boeing 757 and a 13-person crew were on the apron.",
    "The Sunday Times said 2019 votes were cast.",
    "An overnight train waited; the morning papers were late.",
    "They left as soon as they could.",
])
def test_false_positives(text):
    assert find_times(text, WED) == []


def test_about_is_approximate_only_before_a_clock_time():
    t = only("They talked about Tuesday's results.")
    assert (t.text, t.approx, t.kind) == ("Tuesday's", False, "weekday")


def test_modal_may_beside_a_real_month():
    found = find_times("Ministers may meet in May, and they may sign on May 20.", WED)
    assert [t.text for t in found] == ["in May", "on May 20"]


def test_offsets_point_into_the_text():
    text = "SEOUL, Sept. 13 -- The envoy left on Tuesday and will return early next week."
    for t in find_times(text, WED):
        assert text[t.start:t.end] == t.text


def test_bare_month_follows_the_tense():
    from datetime import date

    from routes.timex import find_times

    (past,) = find_times("She visited the capital in September.", date(2024, 6, 19))
    assert past.start_dt.year == 2023 and past.start_dt.month == 9
    (future,) = find_times("She will visit the capital in March.", date(2024, 6, 19))
    assert future.start_dt.year == 2025 and future.start_dt.month == 3
