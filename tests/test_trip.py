"""Trip semantics on sentences written for these tests: roles, status, order, merging."""

from __future__ import annotations

import pytest

from routes.route import track

pytestmark = pytest.mark.slow


def _route(text: str, published: str | None = "2024-05-08", **kw):
    return track(text, published=published, **kw)


def _stops(route) -> list[tuple[str, str]]:
    return [(s.name, s.status) for s in route.trip.stops]


def _reason(route, surface: str) -> str | None:
    for r in route.trip.others:
        if r.mention.surface == surface:
            return r.reason
    return None


def test_past_movement_is_visited_in_text_order(gazetteer):
    route = _route("The delegation arrived in Harbin on Monday. It then travelled to "
                   "Changchun and crossed the Songhua River.", gazetteer=gazetteer)
    names = [s.name for s in route.trip.stops]
    assert names[:2] == ["Harbin", "Changchun"]
    assert all(s.status == "visited" for s in route.trip.stops)
    assert route.trip.stops[0].when["start"].startswith("2024-05-06")


def test_hedge_makes_a_stop_speculated_and_now_makes_it_current(gazetteer):
    route = _route("The convoy is now moving north of Khabarovsk. Officials said the talks "
                   "would likely take place in Blagoveshchensk on Friday.", gazetteer=gazetteer)
    statuses = {s.name: s.status for s in route.trip.stops}
    assert statuses["north of Khabarovsk"] == "current"
    assert statuses["Blagoveshchensk"] == "speculated"
    current = next(s for s in route.trip.stops if s.status == "current")
    assert current.area_kind == "sector"


def test_announced_plan_is_planned_and_comes_after_known_stops(gazetteer):
    route = _route("The prime minister will fly to Nairobi on Thursday. On Monday she "
                   "visited Kampala.", gazetteer=gazetteer)
    assert _stops(route) == [("Kampala", "visited"), ("Nairobi", "planned")]
    assert route.trip.legs[0].certainty == "uncertain"


def test_context_actor_and_past_trip_are_not_stops(gazetteer):
    route = _route("The minister arrived in Tbilisi on Tuesday. Moscow has warned against "
                   "the visit, which follows the war in Ukraine. He previously went to "
                   "Yerevan in 2019.", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Tbilisi"]
    assert _reason(route, "Moscow") == "political actor"
    assert _reason(route, "Ukraine").startswith("context")
    assert _reason(route, "Yerevan") in ("past trip", "rejected or superseded plan")


def test_rejected_rumour_is_not_a_stop(gazetteer):
    route = _route("At first it was thought the train would go to Vladivostok. Instead it "
                   "reached Ussuriysk on Tuesday.", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Ussuriysk"]
    assert "superseded" in _reason(route, "Vladivostok") or \
        "rejected" in _reason(route, "Vladivostok")


def test_repeated_mentions_merge_and_a_return_is_a_new_stop(gazetteer):
    route = _route("The pilgrims reached Mosul on Sunday. In Mosul they prayed. They will then "
                   "travel to Erbil and later return to Mosul.", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Mosul", "Erbil", "Mosul"]


def test_region_holding_a_stop_is_its_context(gazetteer):
    route = _route("The envoy landed at Blagoveshchensk in the Amur region on Monday.",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Blagoveshchensk"]
    assert route.trip.stops[0].context and "Amur" in route.trip.stops[0].context


def test_someone_elses_movement_is_left_out(gazetteer):
    route = _route("Kim arrived in Khasan on Tuesday. Reporters are flocking to Tynda, and "
                   "President Putin flew to Omsk.", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Khasan"]
    assert _reason(route, "Tynda") == "movement of someone else"
    assert _reason(route, "Omsk") == "movement of someone else"
    assert route.traveler == "Kim"


def test_impossible_leg_is_flagged(gazetteer):
    route = _route("The team arrived in Lisbon at 9 a.m. on Monday and arrived in Tokyo at "
                   "11 a.m. on Monday.", gazetteer=gazetteer)
    assert len(route.trip.stops) == 2
    assert route.trip.legs[0].implausible


def test_no_trip_gives_an_empty_route_and_a_message(gazetteer):
    empty = _route("Prices rose again this spring, the bank said.", gazetteer=gazetteer)
    assert len(empty) == 0 and empty.message.startswith("No trip found")
    still = _route("France and Germany disagree about the budget.", gazetteer=gazetteer)
    assert len(still) == 0 and "never as somewhere" in still.message


def test_geojson_contract(gazetteer):
    route = _route("The delegation arrived in Harbin on Monday and will travel to Changchun.",
                   gazetteer=gazetteer)
    data = route.to_geojson()
    roles = [f["properties"]["role"] for f in data["features"]]
    assert roles.count("stop") == 2 and roles.count("leg") == 1
    stop = data["features"][0]["properties"]
    for key in ("seq", "name", "mentions", "status", "certainty", "when", "kind",
                "gazetteer_id", "evidence"):
        assert key in stop
    assert route.stops.crs.to_epsg() == 4326 and len(route.legs) == 1
    assert set(route.explain().columns) >= {"mention", "role", "status", "time", "cues"}


def test_after_phrase_and_past_perfect_come_before_their_sentence(gazetteer):
    route = _route("The president arrived in Ottawa on Wednesday after a brief stop in "
                   "Boston.", published="2023-12-07", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Boston", "Ottawa"]
    # An "after" phrase comes first even before its sentence's origin.
    route = _route("The train left Dandong on Tuesday after crossing the Yalu River from "
                   "Sinuiju.", published="2019-03-27", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Sinŭiju", "Yalu River", "Dandong"]
    route = _route("Hikers who set out from Chamonix last week reached Zermatt on Sunday. "
                   "They had earlier crossed into Italy.", published="2024-01-15",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops][1:] == ["Italy", "Zermatt"]


def test_before_phrase_comes_after_its_sentence(gazetteer):
    # "via" alone marks a place on the way to the sentence's destination; after "before" the
    # way is the one taken next.
    route = _route("He is due in Dushanbe on Thursday, before heading home via Almaty.",
                   published="2024-05-01", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Dushanbe", "Almaty"]
    route = _route("On Monday, before flying on to Beirut, the pope will tour Ankara.",
                   published="2024-05-01", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Ankara", "Beirut"]


def test_a_year_after_the_place_dates_something_else(gazetteer):
    route = _route("The pope will travel to Turkey and Lebanon from Nov. 27 to Dec. 2. In "
                   "Turkey he will visit Ankara and Iznik before flying to Beirut, where he "
                   "will pray at the site of the 2020 port explosion.", published="2025-11-18",
                   gazetteer=gazetteer)
    assert _stops(route) == [("Ankara", "planned"), ("İznik", "planned"),
                             ("Beirut", "planned")]


def test_a_towns_own_station_is_the_town(gazetteer):
    # "Beijing's main railway station" is reached by reaching Beijing; "Calcutta's Dum Dum
    # Airport" names a place of its own, which is the stop.
    route = _route("The train left Dandong on Tuesday and reached Beijing's main railway "
                   "station in the afternoon.", published="2019-03-27", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Dandong", "Beijing"]
    route = _route("She took off from Calcutta's Dum Dum Airport on June 18.",
                   published="1937-06-20", gazetteer=gazetteer)
    assert "Calcutta" not in {s.name for s in route.trip.stops}


def test_set_off_is_a_departure_in_the_past(gazetteer):
    route = _route("The expedition set off from Kathmandu on April 2. A week later it "
                   "trekked through Namche Bazaar.", published="2024-04-20", gazetteer=gazetteer)
    assert _stops(route) == [("Kathmandu", "visited"), ("Namche Bazaar", "visited")]


def test_a_plan_told_in_reported_speech_is_planned(gazetteer):
    # In Saturday's report "was due to fly back on Sunday" is still the plan; the president
    # met is no traveller of his own.
    route = _route("Chancellor Olaf Scholz flew to Beijing on Saturday for a one-day visit. "
                   "After talks with President Xi Jinping he was due to fly back to Berlin on "
                   "Sunday evening, with a refuelling stop in Tashkent.", published="2022-11-05",
                   gazetteer=gazetteer)
    assert _stops(route) == [("Beijing", "visited"), ("Tashkent", "planned"),
                             ("Berlin", "planned")]
    route = _route("The minister was due to visit Kyiv on Monday, but the trip was called off.",
                   published="2022-11-05", gazetteer=gazetteer)
    assert not route.trip.stops


def test_a_warship_underway_and_where_it_is_now(gazetteer):
    # The month May hedges nothing; "operating" is where a ship is; a sea beside a place is
    # one position told at two scales.
    route = _route("The carrier left Norfolk, Virginia, in early May and made a port call in "
                   "Split last week. It is now operating in the eastern Mediterranean off "
                   "Cyprus.", published="2023-06-12", gazetteer=gazetteer)
    assert _stops(route) == [("Norfolk", "visited"), ("Split", "visited"),
                             ("Cyprus", "current")]


def test_a_visit_told_before_the_journey_to_it_comes_last(gazetteer):
    # An origin orders only its own clause; a visit told first and the journey to it after,
    # from elsewhere and on the same day, ends the route.
    route = _route("The president made a surprise visit to Washington on Wednesday. He "
                   "traveled by train from Kyiv to Przemysl, then flew from Rzeszow to Joint "
                   "Base Andrews.", published="2022-12-22", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == [
        "Kyiv", "Przemyśl", "Rzeszów", "Joint Base Andrews", "Washington"]
    route = _route("He flew to Paris on Monday. He then drove from Lyon to Marseille.",
                   published="2022-12-22", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Paris", "Lyon", "Marseille"]


def test_a_migrant_journey_by_bus(gazetteer):
    # "took buses" is travel; "were stranded" was then, not now; "hope" hedges only the verb
    # it governs, not the one before "and".
    route = _route("From Panama they took buses through Costa Rica and Nicaragua to Honduras, "
                   "where they were stranded for a week in Danli. They reached Guatemala City "
                   "on Tuesday and hope to be in Ciudad Juarez by the end of the month.",
                   published="2023-10-05", gazetteer=gazetteer)
    assert _stops(route)[-5:] == [
        ("Costa Rica", "visited"), ("Nicaragua", "visited"), ("Danlí", "visited"),
        ("Guatemala City", "visited"), ("Ciudad Juárez", "speculated")]


def test_a_person_met_is_no_traveller(gazetteer):
    route = _route("Biden arrived in Japan on Sunday after a visit to South Korea, where he met "
                   "President Yoon Suk-yeol in Seoul.", published="2022-05-22",
                   gazetteer=gazetteer)
    assert "Seoul" in {s.name for s in route.trip.stops}
    route = _route("Blinken arrived in Israel on Thursday, his fourth visit, and met Prime "
                   "Minister Benjamin Netanyahu in Tel Aviv.", published="2023-11-04",
                   gazetteer=gazetteer)
    assert "Tel Aviv" in {s.name for s in route.trip.stops}


def test_out_of_seen_heading_and_talks(gazetteer):
    route = _route("The team flew out of Buenos Aires on Sunday night and landed in Doha on "
                   "Monday morning.", published="2022-11-22", gazetteer=gazetteer)
    assert _stops(route) == [("Buenos Aires", "visited"), ("Doha", "visited")]
    route = _route("The train passed through Khasan early on Tuesday and was seen heading "
                   "north toward Ussuriysk by midday. Kim would hold talks with President "
                   "Vladimir Putin, possibly at the Vostochny Cosmodrome, later this week.",
                   published="2023-09-12", gazetteer=gazetteer)
    assert _stops(route) == [("Khasan", "visited"), ("Ussuriysk", "planned"),
                             ("Vostochny Cosmodrome", "speculated")]


def test_a_morning_comes_before_the_rest_of_its_day(gazetteer):
    route = _route("Kim arrived in Vladivostok on Wednesday. He crossed the border at Khasan "
                   "early in the morning after travelling overnight from Pyongyang.",
                   published="2019-04-24", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Pyongyang", "Khasan", "Vladivostok"]


def test_a_where_clause_after_a_plan_tells_of_something_else(gazetteer):
    route = _route("The envoy landed in Riyadh on Monday. He is expected to end the tour in "
                   "Cairo, where he met Egypt's foreign minister in June.",
                   published="2024-05-01", gazetteer=gazetteer)
    assert _stops(route) == [("Riyadh", "visited"), ("Cairo", "speculated")]


def test_a_town_left_unplaced_abroad_says_why(gazetteer):
    route = _route("Wagner fighters seized sites in Rostov-on-Don on Saturday and drove north "
                   "toward Moscow.", published="2023-06-25", gazetteer=gazetteer)
    assert _reason(route, "Wagner") == "unplaced: Wagner (BR) is far from the story's places"


def test_an_island_after_on_holds_its_town(gazetteer):
    # "Koepang on Timor Island": the island is the town's container, not a stop of its own.
    route = _route("The flight left Darwin on Monday and landed at Koepang on Timor Island.",
                   published="1937-06-28", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Darwin", "Kupang"]
    assert _reason(route, "Timor Island").startswith("region or country that holds")


def test_a_traveller_reaches_the_city_a_state_is_named_after(gazetteer):
    route = _route("Modi arrived in New York on Wednesday, then flew to Washington.",
                   published="2023-06-22", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["New York City", "Washington"]


def test_presence_and_due_in(gazetteer):
    route = _route("The prime minister is in Nairobi today after two days in Kampala. She "
                   "is due in Addis Ababa on Saturday.", published="2024-09-20",
                   gazetteer=gazetteer)
    assert _stops(route) == [("Kampala", "visited"), ("Nairobi", "current"),
                             ("Addis Ababa", "planned")]


def test_sources_and_other_movers_are_not_stops(gazetteer):
    route = _route("Officials in Manila said the typhoon was moving toward Taiwan. The "
                   "president visited Legazpi on Thursday.", published="2024-05-10",
                   gazetteer=gazetteer)
    assert [s.status for s in route.trip.stops] == ["visited"] and len(route) == 1
    assert _reason(route, "Manila").startswith("context")
    assert _reason(route, "Taiwan") == "movement of someone else"


def test_river_sailed_up_is_a_waypoint(gazetteer):
    route = _route("After leaving Cairo, the expedition sailed up the Nile to Luxor.",
                   published=None, gazetteer=gazetteer)
    assert [s.role for s in route.trip.stops] == ["origin", "waypoint", "destination"]


def test_a_sea_crossed_between_two_stops_is_drawn_on_the_way(gazetteer):
    route = _route("The aviator left Calcutta on June 18 and flew over the Bay of Bengal to "
                   "Rangoon.", published=None, gazetteer=gazetteer)
    calcutta, bay, rangoon = route.trip.stops
    assert bay.kind == "sea" and bay.role == "waypoint"
    assert min(calcutta.lat, rangoon.lat) <= bay.lat <= max(calcutta.lat, rangoon.lat)
    assert min(calcutta.lon, rangoon.lon) <= bay.lon <= max(calcutta.lon, rangoon.lon)


def test_fronted_place_takes_the_verb_after_it(gazetteer):
    route = _route("On Sunday the Pope will fly to Erbil. From Mosul he will continue to "
                   "Qaraqosh, a town whose church was burned in 2014.", published="2021-03-04",
                   gazetteer=gazetteer)
    assert all(s.status == "planned" for s in route.trip.stops)


def test_past_progressive_on_the_report_day_is_the_current_position(gazetteer):
    route = _route("The carrier left Severomorsk on Oct. 15 and was sailing off the coast of "
                   "Portugal on Wednesday.", published="2016-10-26", gazetteer=gazetteer)
    assert _stops(route) == [("Severomorsk", "visited"), ("Portugal", "current")]


def test_idioms_and_refusals_are_not_travel(gazetteer):
    route = _route("The ship left Severomorsk on Oct. 15. Spain came under pressure to refuse "
                   "a stop in Ceuta, and the talks would go ahead in Geneva.",
                   published="2016-10-26", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Severomorsk"]


def test_headline_news_comes_last_and_takes_its_country_time(gazetteer):
    route = _route("Envoy arrives in Vientiane\n\nThe envoy arrived in Laos early Wednesday. She "
                   "flew in from Hanoi, where she had stopped on Tuesday.",
                   published="2024-06-19", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Hanoi", "Vientiane"]
    assert route.trip.stops[1].when["start"].startswith("2024-06-19")


def test_a_region_told_as_a_later_plan_is_a_stop_of_its_own(gazetteer):
    route = _route("The boat was intercepted off Lampedusa on Monday. The passengers are "
                   "expected to be transferred to Sicily in the coming days.",
                   published="2024-07-02", gazetteer=gazetteer)
    assert [s.status for s in route.trip.stops] == ["visited", "speculated"]


def test_an_island_named_as_a_stops_container_is_context(gazetteer):
    # "Bandoeng, Java": the landing is at Bandoeng; the island says where Bandoeng is.
    route = _route("The pilot left Singapore on Monday and landed at Bandoeng, Java, on "
                   "Tuesday.", published="2024-06-19", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Singapore", "Bandung"]
    assert _reason(route, "Java") is not None


def test_unknown_venue_near_a_place_and_objects_are_no_traveller(gazetteer):
    route = _route("The hostage was driven from Gaza through the Kerem Shalom crossing and "
                   "flown to Sheba Medical Center near Tel Aviv.", published="2024-02-27",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Gaza", "near Tel Aviv"]
    assert route.traveler is None


def test_stopover_timetable_bound_for_and_back_in(gazetteer):
    route = _route("The minister left Tokyo on Friday for Lima, with a stopover in Los Angeles.",
                   published="2024-11-12", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Tokyo", "Los Angeles", "Lima"]
    route = _route("The tour began in Jakarta on Tuesday. From there he flies to Port Moresby, "
                   "then to Dili, returning to Rome on Sept. 13.", published="2024-08-30",
                   gazetteer=gazetteer)
    assert _stops(route)[1:3] == [("Port Moresby", "planned"), ("Dili", "planned")]
    assert route.trip.stops[1].when is None  # Sept. 13 belongs to the return, not the flight
    route = _route("The freighter, bound for Rotterdam, was seen off the coast of Yemen on "
                   "Tuesday.", published="2024-03-08", gazetteer=gazetteer)
    assert _stops(route) == [("Yemen", "visited"), ("Rotterdam", "planned")]
    route = _route("He left Tokyo on Sunday evening and is expected back in Kyiv on Monday.",
                   published="2023-05-22", gazetteer=gazetteer)
    assert _stops(route) == [("Tokyo", "visited"), ("Kyiv", "speculated")]


def test_earlier_trips_in_the_same_year_are_not_this_trip(gazetteer):
    route = _route("The foreign minister arrived in Cairo on Monday. Earlier this year she "
                   "visited Beirut, and last year she toured Riyadh.", published="2024-10-07",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Cairo"]
    assert _reason(route, "Beirut") == "past trip"
    assert _reason(route, "Riyadh") == "past trip"


def test_background_sentence_with_an_old_year_is_a_past_trip(gazetteer):
    route = _route("The president arrived in Moscow on Monday. He last visited Russia in 2019, "
                   "when the two leaders met in St Petersburg.", published="2023-03-21",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Moscow"]
    assert _reason(route, "St Petersburg") == "past trip"


def test_event_place_given_by_direction_and_one_current_position(gazetteer):
    route = _route("The migrants were rescued south of Lampedusa on Sunday. The charity had "
                   "asked to disembark in Sicily instead.", published="2024-02-05",
                   gazetteer=gazetteer)
    assert [s.status for s in route.trip.stops] == ["visited", "speculated"]
    assert route.trip.stops[0].name == "south of Lampedusa"
    route = _route("The ship is at anchor south of the Panama Canal, close to the island of "
                   "Taboga.", published=None, gazetteer=gazetteer)
    assert [s.status for s in route.trip.stops] == ["current"]


def test_here_under_a_dateline_and_a_journey_told_in_the_past(gazetteer):
    route = _route("NAIROBI, Jan 10 -- The envoy arrived here on Wednesday from Addis Ababa. "
                   "She is scheduled to travel to Kigali next week.", published="2024-01-10",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Addis Ababa", "Nairobi", "Kigali"]
    route = _route("The family fled Khartoum in April last year, travelling by bus to Port "
                   "Sudan and then by boat to Jeddah.", published="2024-05-14",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Khartoum", "Port Sudan", "Jeddah"]


def test_a_diverted_flight_reaches_its_destination_last(gazetteer):
    route = _route("A flight from London to Singapore was diverted to Baku on Tuesday. The "
                   "aircraft later continued to Singapore.", published="2023-08-02",
                   gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["London", "Baku", "Singapore"]


def test_an_exact_tie_is_ambiguous_too(gazetteer, tmp_path):
    """Two readings with the very same score (confidence 0.0) are a coin toss, not a name the
    gazetteer lacks."""
    from routes.gazetteer import Gazetteer

    table = tmp_path / "twins.tsv"
    table.write_text(
        "name\talternatenames\tfeature_class\tfeature_code\tcountry\tadmin1\tlat\tlon\n"
        "Zorbaville\t\tP\tPPL\tNZ\t\t-41.0\t174.0\n"
        "Zorbaville\t\tP\tPPL\tCA\t\t50.0\t-100.0\n", encoding="utf-8")
    twins = Gazetteer(gazetteer.path, extra=[table])
    route = _route("The minister flew to Zorbaville on Monday.", gazetteer=twins)
    assert _reason(route, "Zorbaville") in ("ambiguous: Zorbaville (NZ) or Zorbaville (CA)",
                                            "ambiguous: Zorbaville (CA) or Zorbaville (NZ)")
    assert not route.trip.stops


def test_a_name_whose_two_readings_tie_far_apart_is_shown_as_ambiguous(gazetteer):
    route = _route("The minister flew to Cambridge on Monday.", gazetteer=gazetteer)
    reason = _reason(route, "Cambridge")  # England's or Ontario's: the text does not say
    assert reason.startswith("ambiguous: Cambridge (") and " or Cambridge (" in reason
    assert not route.trip.stops
    route = _route("The minister flew to Cambridge on Monday. On Tuesday she reached Oxford, "
                   "England.", gazetteer=gazetteer)
    assert [s.name for s in route.trip.stops] == ["Cambridge", "Oxford"]
