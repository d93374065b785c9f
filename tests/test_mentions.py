"""Mention finding and resolution on our own snippets (real index)."""

from __future__ import annotations

import pytest

from routes.geoparse import places
from routes.model import Place
from routes.resolve import _home_region
from tests import cases


@pytest.fixture(scope="module")
def parse(gazetteer):
    def run(text):
        return {m.mention.surface: m for m in places(text, gazetteer=gazetteer)}
    return run


def test_no_places(parse):
    assert parse(cases.NO_PLACES) == {}


def test_the_index_is_asked_only_about_spans_that_can_be_names(gazetteer, monkeypatch):
    asked: set[str] = set()
    lookup_many = gazetteer.lookup_many

    def spy(names, **options):
        asked.update(names)
        return lookup_many(names, **options)

    monkeypatch.setattr(gazetteer, "lookup_many", spy)
    found = {r.mention.surface for r in places(
        "Police Chief Ronald Qwertz of the Vladivostok Fire Department met reporters at "
        "Sochi International Airport and flew on to Martha's Vineyard.", gazetteer=gazetteer)}
    assert {"Sochi International Airport", "Martha's Vineyard", "Vladivostok"} <= found
    assert {"Sochi International Airport", "Martha's Vineyard", "Vladivostok"} <= asked
    # No run of words that no name begins with is asked about, nor any longer span from it.
    assert not [q for q in asked if q.startswith(("Police Chief", "Chief Ronald", "Qwertz"))]


def test_a_lower_case_word_or_a_type_word_alone_names_no_place(parse):
    # "region" after an unknown name is no place of its own (the Philippines' "Region").
    found = parse("The Southeast region was flooded, and officials of the Asia-Pacific region "
                  "met in the Sughd region.")
    assert "region" not in found and found["Sughd region"].place.country == "TJ"
    # Nor is a capitalised feature-type word alone: "the Gulf" is no Gulf County.
    found = parse("Oil reached the Gulf on Monday. Region officials said the Bay was closed.")
    assert not {"Gulf", "Region", "Bay"} & set(found)


def test_weather_patterns_a_company_and_the_centre_are_no_places(parse):
    found = parse("El Niño and then La Niña hurt farmers for two years, Google said.")
    assert not {"El Niño", "Niño", "La Niña", "Niña", "Google"} & set(found)
    # "The Centre" is a government; Centre County keeps its type word.
    found = parse("The Centre sent aid to Centre County, Pennsylvania.")
    assert "Centre" not in found and found["Centre County"].place.admin1 == "PA"


def test_a_dictionary_word_names_a_town_only_by_the_towns_own_name(parse):
    found = parse("Members of the Dining club met in Acapulco, then sailed from Marseilles "
                  "across the Atlantic to Rio.")
    assert "Dining" not in found  # Jining, China, by a romanisation in its alternate names
    assert found["Acapulco"].place.country == "MX"  # Acapulco de Juárez: a shortening
    assert found["Marseilles"].place.country == "FR"
    assert found["Atlantic"].place.kind == "sea" and found["Rio"].place.country == "BR"


def test_a_weekday_before_a_name_is_a_date_not_a_given_name(gazetteer):
    found = [r for r in places("Around 7 p.m. Sunday Alexandria Police went to a house in "
                               "Alexandria, Louisiana.", gazetteer=gazetteer)
             if r.mention.surface == "Alexandria"]
    assert [r.mention.kind for r in found] == ["embedded", "place"]
    assert found[1].place.admin1 == "LA"


def test_a_name_before_a_street_word_is_part_of_an_address(parse):
    found = parse("They live at 2517 Memphis St. in Alexandria, Louisiana.")
    assert found["Memphis"].mention.kind == "embedded"


def test_a_place_before_a_title_is_no_person(gazetteer):
    # Neither "said Monroe" (the speaker is the mayor) nor "Monroe Mayor" (no surname).
    found = [r.mention.surface for r in places(
        "Roads through Monroe and Trenton were closed, said Monroe Mayor Ann Lee.",
        gazetteer=gazetteer)]
    assert found.count("Monroe") == 2 and "Ann" not in found


def test_a_place_before_an_organisation_word_is_no_speaker(gazetteer):
    # "said Laconia police Capt. ...": the captain speaks, for the town's police.
    found = [r.mention.surface for r in places(
        "The body was found near a lake in Laconia, said Laconia police Capt. Ann Hurd. "
        "Flyers were posted around Laconia.", gazetteer=gazetteer)]
    assert found.count("Laconia") == 3


def test_a_common_word_after_a_town_makes_no_person_of_the_town(gazetteer):
    # "Ozark Dodge" is a car dealer in Ozark and "DeKalb Police" the town's police: neither
    # town is the given name of someone called Dodge or Police.
    found = [r.mention.surface for r in places(
        "A man was found shot at Ozark Dodge on Monday, and Ozark police closed the lot. "
        "DeKalb Police said a DeKalb man was arrested.", gazetteer=gazetteer)]
    assert found.count("Ozark") == 2 and found.count("DeKalb") == 2
    assert "Dodge" not in found and "Police" not in found


def test_regions_news_names_are_in_the_gazetteer(gazetteer):
    # Regions, ranges and deserts that GeoNames' city and subdivision lists lack: without them
    # "Siberia" was a village in Mexico, and "the Himalayas" and "South Ossetian" nothing.
    found = {r.mention.surface: r for r in places(
        "Aid convoys crossed Darfur, geologists mapped Siberia and the Himalayas, and South "
        "Ossetian officials met in Tskhinvali.", gazetteer=gazetteer)}
    assert found["Darfur"].place.country == "SD"
    assert found["Siberia"].place.country == "RU"
    assert found["Himalayas"].place.kind == "mountain"
    assert found["South Ossetian"].mention.kind == "adjectival"
    assert found["South Ossetian"].place.name == "South Ossetia"


def test_an_island_contains_the_place_before_it(gazetteer):
    found = places("The plane was overhauled at Bandoeng, Java, before the flight east.",
                   gazetteer=gazetteer).mentions
    town, island = found[0], found[1]
    assert (town.mention.surface, island.mention.surface) == ("Bandoeng", "Java")
    assert town.mention.container == 1 and town.place.name == "Bandung"


def test_a_given_name_alone_names_a_place_only_by_its_own_name(gazetteer):
    # "Will" finds Will County only by its stem, "Kate" a town only among its other names;
    # "Augusta" is a town's own name.
    found = [r.mention.surface for r in places(
        "Will and Kate drove from Augusta to Savannah on Sunday.", gazetteer=gazetteer)]
    assert "Will" not in found and "Kate" not in found
    assert "Augusta" in found and "Savannah" in found


def test_numbers_and_car_makers_are_no_places(gazetteer):
    found = [r.mention.surface for r in places(
        "Ten years ago a Toyota van left Osaka for Nagoya.", gazetteer=gazetteer)]
    assert found == ["Osaka", "Nagoya"]


def test_a_street_abbreviation_alone_is_no_place(gazetteer):
    # Sète and Huy list "St" and "Hwy" among their names; in an address they are the street's.
    found = {r.mention.surface: r for r in places(
        "The crew put out a fire at 12 Walnut St. in Dayton, then drove west on Hwy 35 "
        "toward Richmond.", gazetteer=gazetteer)}
    assert not {"St", "St.", "Hwy"} & set(found)
    assert found["Dayton"].place.country == "US"


def test_an_accent_makes_no_name_of_a_word(gazetteer):
    # The word lists are unaccented: "José" is a given name and "Noël" a word, as without.
    found = [r.mention.surface for r in places(
        "Noël came early for José and Raúl, who drove home to Dayton.", gazetteer=gazetteer)]
    assert found == ["Dayton"]


def test_an_acronym_or_a_speech_verb_makes_no_person_of_a_town(gazetteer):
    # "Nenagh MDC" is the town's council; "who was from Dewsbury said" a speaker from there.
    found = [r.mention.surface for r in places(
        "A Nenagh councillor spoke to the Nenagh MDC on Monday. Barry, who was from "
        "Dewsbury said the cinema in Dewsbury had closed.", gazetteer=gazetteer)]
    assert found.count("Nenagh") == 2 and found.count("Dewsbury") == 2


def test_a_big_airports_short_name_is_the_airport(gazetteer):
    found = {r.mention.surface: r.place for r in places(
        "Flights between Heathrow and Schiphol were cancelled.", gazetteer=gazetteer)}
    assert found["Heathrow"].kind == "airport" and found["Heathrow"].country == "GB"
    assert found["Schiphol"].kind == "airport" and found["Schiphol"].country == "NL"


def test_a_postal_code_is_a_state_only_after_a_city(gazetteer):
    found = {r.mention.surface: r.place for r in places(
        "Fans flew from NYC to Nashville, TN, where the PA system and the ID checks failed.",
        gazetteer=gazetteer)}
    assert found["TN"].name == "Tennessee" and found["NYC"].name == "New York City"
    assert "PA" not in found and "ID" not in found


def test_a_country_in_a_persons_title_stays_a_country(gazetteer):
    # "Georgia" is a given name too, but after "Prime Minister of" it is the country, and
    # it must not make every later "Georgia" of the story a person.
    found = [r.mention.surface for r in places(
        "Prime Minister of Georgia Irakli Kobakhidze flew to Baku. The delegation will "
        "return to Georgia on Friday.", gazetteer=gazetteer)]
    assert found.count("Georgia") == 2 and "Baku" in found


def test_arab_is_the_arab_world_and_metro_no_place(gazetteer):
    found = {r.mention.surface: r for r in places(
        "Arab leaders met in Cairo while Metro police in Nashville closed a road.",
        gazetteer=gazetteer)}
    assert found["Arab"].mention.kind == "adjectival"
    assert found["Arab"].place.name == "Arab world"
    assert "Metro" not in found and "Nashville" in found


def test_a_seat_of_government_that_speaks_is_no_place(gazetteer):
    found = [r.mention.surface for r in places(
        "White House officials confirmed that the president would fly to Paris. Protesters "
        "gathered outside the White House.", gazetteer=gazetteer)]
    assert found == ["Paris", "White House", "outside the White House"]


def test_a_hyphenated_pair_of_countries_names_both(gazetteer):
    found = {r.mention.surface: r for r in places(
        "The Egyptian-US talks and the Russia-Ukraine war were on the agenda in "
        "Winston-Salem.", gazetteer=gazetteer)}
    assert found["Egyptian"].mention.kind == "adjectival" and found["US"].place.country == "US"
    assert found["Russia"].place.kind == "country" and found["Ukraine"].place.kind == "country"
    assert found["Winston-Salem"].place.country == "US" and "Winston" not in found


def test_people_are_not_places(parse):
    found = parse(cases.PEOPLE)
    assert "Vladimir" not in found and "Kim" not in found and "Miller" not in found
    assert found["U.S."].place.country == "US"


def test_embedded_places_are_marked(parse):
    found = parse(cases.EMBEDDED)
    assert found["Paris"].mention.kind == "embedded"
    assert found["Ohio"].mention.kind == "embedded"
    assert found["Dayton"].mention.kind == "place"
    assert found["Dayton"].place.admin1 == "OH"  # Ohio in the text picks Dayton, Ohio


def test_descriptor_and_type_heads(parse):
    found = parse(cases.DESCRIPTOR)
    assert found["Khasan"].place.country == "RU"
    assert found["Russian"].mention.kind == "adjectival"
    assert found["Amur region"].place.kind == "region"
    heads = parse(cases.HEADS)
    assert heads["Razdolnaya River"].place.kind == "river"
    assert heads["Primorsky Krai"].place.feature_code == "ADM1"


def test_container_decides(parse):
    found = parse(cases.CONTAINER)
    assert found["Alexandria"].place.admin1 == "LA"


def test_relative_mentions(parse):
    found = parse(cases.RELATIVE)
    relative = found["40 km north of Kharkiv"]
    assert relative.mention.kind == "relative"
    assert relative.lat > found["Kharkiv"].lat


def test_dateline(parse):
    found = parse(cases.DATELINE)
    assert found["TOKYO"].mention.kind == "dateline"
    assert found["Osaka"].place.country == "JP"


def test_any_text_parses_and_offsets_hold(gazetteer):
    """Random word salad in many scripts never crashes, and every span points into the text."""
    import random

    rng = random.Random(11)
    words = ["Paris", "Texas", "North", "of", "Kim", "Jong-un", "St.", "W.Va.", "U.S.", "the",
             "River", "Krai", "between", "and", "near", "40 km", "said", "Mr.", "--", "SEOUL,",
             "(Yonhap)", "\n\n", "view larger image", "Far", "East", "A.", ",", "'s", "Đồng",
             "Łódź", "Уссурийск", "中文", "\t", "ALL CAPS", "I've"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 50)))
        for m in places(text, gazetteer=gazetteer):
            assert text[m.mention.start:m.mention.end] == m.mention.surface


def test_groups_of_countries_are_places(parse):
    found = parse("Envoys from the Middle East met West African ministers; Latin American "
                  "and African delegations flew in from Southeast Asia.")
    assert found["Middle East"].place.feature_code == "RGN"
    assert 20 < found["Middle East"].place.lat < 35 and 35 < found["Middle East"].place.lon < 55
    assert found["West African"].place.name == "Western Africa"
    assert found["Latin American"].place.name == "Latin America"
    assert found["African"].place.kind == "continent"  # a continent's adjective resolves too
    assert found["Southeast Asia"].place.kind == "region"


def test_a_brand_before_a_country_is_no_person(parse):
    found = parse("Star India paid for the rights. Matches in India start in April.")
    assert found["India"].place.country == "IN"


def test_an_ocean_is_not_pulled_into_a_local_story(parse):
    found = parse("The storm hit Houston, Texas, and Lake Charles, Louisiana, then moved back "
                  "over the Atlantic toward Miami, Florida.")
    assert found["Atlantic"].place.kind == "sea"
    assert found["Houston"].place.admin1 == "TX"


def test_a_curated_landmark_outranks_a_town_of_its_name(parse):
    found = parse("Reporters gathered at the White House on Monday.")
    assert found["White House"].place.kind == "landmark"
    assert abs(found["White House"].place.lat - 38.9) < 0.1


def test_a_dateline_is_a_city(parse):
    found = parse("NEW YORK (AP) — Officers closed two streets on Tuesday.")
    place = found["NEW YORK"].place
    assert place.kind == "city" and abs(place.lat - 40.7) < 0.3


def test_a_list_names_places_of_one_kind(parse):
    found = parse("Cases were reported in Texas, Oklahoma and Georgia last week.")
    assert found["Georgia"].place.country == "US"  # the state, as its list says
    assert found["Texas"].place.feature_code == "ADM1"  # "Texas, Oklahoma" is no container
    assert found["Texas"].mention.container is None
    assert found["Oklahoma"].mention.peers


def test_a_comma_still_gives_a_container(parse):
    found = parse("Officials in Punjab, India, and in Cook County, Illinois, agreed.")
    assert found["Punjab"].place.country == "IN"
    assert found["Cook County"].place.admin1 == "IL"


def test_a_country_speaks_for_its_big_cities_more_than_its_villages(parse):
    # "U.S." is in nearly every American story: it should not carry a foreign capital to a
    # village of the same name in Ohio.
    found = parse("A U.S. senator said in Washington on Monday that the talks in London "
                  "would resume.")
    assert found["London"].place.country == "GB"
    assert found["Washington"].place.admin1 == "DC"


def test_a_place_read_by_two_names_is_one_piece_of_evidence(parse):
    # "Dublin City" finds Dublin, Ireland, by one of its alternate names. That reading must
    # not count again as support for Ireland in the story's plain "Dublin".
    found = parse("The Dublin City Council met on Monday. Dublin officials said the new road "
                  "to Columbus and Franklin County will open in May.")
    assert found["Dublin"].place.admin1 == "OH"


def test_people_are_known_by_age_initial_and_middle_name(parse):
    found = parse("The twins, Hailey, 6, and Caleb, 4, flew to Denver with Kijuan D. McDonald "
                  "and Terry Lee Jolly. McDonald and Jolly came home on Monday.")
    assert set(found) == {"Denver"}
    # A number after a comma is an age only when it stands alone: "1,000" is a count.
    assert "County Wexford" in parse("Near Oulart, County Wexford, 1,000 men gathered.")


def test_a_name_with_an_initial_is_a_person_even_when_it_names_a_place(gazetteer):
    text = "Austin R. Nichols opened the plant. Austin is a city in Minnesota."
    found = [(r.mention.start, r.mention.surface) for r in places(text, gazetteer=gazetteer)]
    assert (0, "Austin") not in found  # the man
    assert (text.index("Austin is"), "Austin") in found  # the town he named
    assert [r.mention.surface for r in places("Patrick J. Sullivan visited Springfield.",
                                              gazetteer=gazetteer)] == ["Springfield"]


def test_local_titles_and_administrations_name_people(parse):
    found = parse("The Obama administration and Superintendent Paul Calvert met in Omaha.")
    assert set(found) == {"Omaha"}


def test_a_title_names_people_only_within_its_sentence_and_up_to_an_ordinary_word(parse):
    assert set(parse("Residents chose Lucy Hart as mayor. Danville then got a new library.")) \
        == {"Danville"}  # "mayor." ends a sentence: Danville is no one's name
    assert list(parse("Voters met Gov. Ted Danville on Monday. Danville then grew.")) == []
    headline = "Police Officer At Danville Rally Hugs Protester. Danville police said it was calm."
    assert "Danville" in parse(headline)  # "At" is no name
    assert "Japan" in parse("Contestants cheered for Miss Japan in Tokyo. Japan hosted the final.")


def test_a_lawmakers_party_and_state_name_the_state(parse):
    found = parse("Rep. Ann Lee, D-W. Va., and Rep. Bo Cruz, R-Elbow Lake, spoke with "
                  "Sen. Di Hart, D-N.Y.")
    assert found["W. Va."].place.name == "West Virginia"
    assert found["N.Y."].place.name == "New York"
    assert found["Elbow Lake"].place.admin1 == "MN"
    assert parse("Rep. Ann Cole, D-Pa., stayed away.")["Pa."].place.admin1 == "PA"


def test_a_faith_is_no_place(parse):
    found = parse("The Pope met Christian and Muslim leaders in Baghdad, then visited Christian "
                  "County, Kentucky.")
    assert "Christian" not in found and "Muslim" not in found
    assert found["Christian County"].place.admin1 == "KY"


def test_a_stray_town_inside_a_longer_name_is_left_unplaced(parse):
    found = parse("She studied at the Carnegie Library on Monday.")
    carnegie = found["Carnegie"]
    assert carnegie.mention.kind == "embedded"
    assert carnegie.lat is None and carnegie.place is None and carnegie.confidence == 0.0
    assert carnegie.alternatives[0].name == "Carnegie"  # the reading is still offered


def test_an_embedded_town_in_its_own_story_is_placed(parse):
    found = parse("Shakopee Police said the road near Jordan, Minnesota, was closed.")
    assert found["Shakopee"].place.admin1 == "MN"
    assert parse("Officials of the Paris Police met on Friday.")["Paris"].place.country == "FR"


def test_a_coin_toss_between_two_readings_is_left_unplaced(gazetteer):
    from routes.model import Mention
    from routes.resolve import resolve

    def town(gid, lat, lon, score):
        return Place(gid, "Lakeview", lat, lon, "P", "PPL", "town", "US", "XX", 5000,
                     score=score)

    east, west = town("t:1", 40.0, -75.0, 12.0), town("t:2", 40.0, -120.0, 12.05)
    found = resolve([Mention(0, 8, "Lakeview", "Lakeview")], {"Lakeview": [west, east]},
                    gazetteer)[0]
    assert found.place is None and found.lat is None  # no pin on a guess
    assert {p.id for p in found.alternatives} == {"t:1", "t:2"} and found.confidence < 0.05
    clear = resolve([Mention(0, 8, "Lakeview", "Lakeview")],
                    {"Lakeview": [town("t:2", 40.0, -120.0, 14.0), east]}, gazetteer)[0]
    assert clear.place.id == "t:2" and clear.lat == 40.0


def test_a_towns_council_is_the_towns(parse):
    # The index knows "Dublin City" as the Irish county; the council is the Ohio town's.
    found = parse("Dublin officials met Columbus and Franklin County leaders on Monday, and the "
                  "Dublin City Council voted on the new road.")
    assert found["Dublin"].place.admin1 == "OH"
    assert found["Dublin City"].place.id == found["Dublin"].place.id
    # The bare name is a country, not a town: the city stays the city.
    found = parse("The Mexico City Health Secretary said on Monday that Mexico had vaccine.")
    assert found["Mexico City"].place.name == "Mexico City"
    # A state's patrol is the state's, whatever the story's "Washington" is.
    found = parse("Washington State Patrol troopers closed the road on Monday, and the "
                  "president in Washington praised them.")
    assert found["Washington State"].place.admin1 == "WA"


def test_a_storys_sure_places_bring_its_ambiguous_names_home(parse):
    found = parse("Mary Ellen Hart died on Monday at her home in Lebanon. She was born in "
                  "Myerstown and taught school in Lebanon for forty years.")
    assert found["Lebanon"].place.admin1 == "PA"
    assert found["Myerstown"].place.admin1 == "PA"


def test_a_named_countrys_capital_keeps_its_lead():
    def town(name: str, admin1: str, code: str = "PPL") -> Place:
        return Place(f"t:{name}:{admin1}", name, 0.0, 0.0, "P", code, "town", "US", admin1,
                     1000)

    capital, namesake = town("Washington", "DC", "PPLC"), town("Washington", "IA")
    groups = [[capital, namesake], [town("Ottumwa", "IA")], [town("Pella", "IA")]]
    scores = [[10.0, 9.5], [10.0], [10.0]]
    assert _home_region(groups, scores)[0][1] > 10.0  # an Iowa story's Washington is in Iowa
    country = Place("c:US", "United States", 0.0, 0.0, "A", "PCLI", "country", "US", "", 1)
    # ... unless the story names the United States: then it is the capital of the dateline.
    assert _home_region([*groups, [country]], [*scores, [12.0]])[0] == [10.0, 9.5]


def test_a_variant_spelling_is_a_place_where_a_trip_goes(gazetteer):
    # "Nassirya" spells Nasiriyah only loosely: after "fly to" it is the city, as a trip's
    # next stop; alone, or where a source is cited ("according to"), such a guess is no place.
    found = {r.mention.surface: r for r in places(
        "The pope will fly to Nassirya on Saturday.", gazetteer=gazetteer)}
    assert found["Nassirya"].place.name == "Nasiriyah"
    assert found["Nassirya"].place.country == "IQ"
    assert not places("Nassirya was quiet on Saturday.", gazetteer=gazetteer).mentions
    assert not places("The king had a city built there, according to Arrian.",
                      gazetteer=gazetteer).mentions


def test_a_storm_is_named_like_a_person(gazetteer):
    # Otis (Indiana) and Daniel (Utah) are towns; after "Hurricane" and "Storm" the words are
    # storms, here and wherever else the story names them.
    found = [r.mention.surface for r in places(
        "Residents of Acapulco fled as Hurricane Otis neared. Otis weakened after landfall in "
        "Guerrero. In Libya, Storm Daniel destroyed much of Derna.", gazetteer=gazetteer)]
    assert found == ["Acapulco", "Guerrero", "Libya", "Derna"]


def test_a_name_before_de_or_del_is_part_of_a_longer_one(gazetteer):
    # The index has no "Sierra Madre del Sur"; its first words are a town in California.
    found = [r.mention.surface for r in places(
        "The storm moved inland from Acapulco over the Sierra Madre del Sur toward "
        "Chilpancingo.", gazetteer=gazetteer)]
    assert found == ["Acapulco", "Chilpancingo"]
    # "of" is left out: "the Gold Coast of Australia" is the Gold Coast.
    found = {r.mention.surface: r for r in places(
        "She grew up on the Gold Coast of Australia.", gazetteer=gazetteer)}
    assert found["Gold Coast"].place.country == "AU"


def test_a_town_before_a_natural_feature_word_is_only_its_namesake(gazetteer):
    # The index lacks King George Island: "King George" (a town in Virginia) is only the
    # island's namesake, embedded in its name, and far from the story it gets no pin.
    found = {r.mention.surface: r for r in places(
        "The ship passed King George Island and docked at Ushuaia.", gazetteer=gazetteer)}
    assert found["King George"].mention.kind == "embedded"
    assert found["King George"].place is None
    assert found["King George"].alternatives[0].country == "US"
    assert found["Ushuaia"].place.country == "AR"
    # An airport is its town's: "Dum Dum Airport" is a stop at Dum Dum.
    found = {r.mention.surface: r for r in places(
        "She took off from the Dum Dum Airport on June 18.", gazetteer=gazetteer)}
    assert found["Dum Dum"].mention.kind == "place"
    assert found["Dum Dum"].place.country == "IN"


def test_a_small_town_abroad_and_far_from_the_story_gets_no_pin(gazetteer):
    # Wagner (Brazil) is no place of a story whose places all lie in Russia.
    found = {r.mention.surface: r for r in places(
        "Wagner fighters seized sites in Rostov-on-Don and drove north toward Moscow.",
        gazetteer=gazetteer)}
    assert found["Wagner"].place is None
    assert found["Wagner"].alternatives[0].country == "BR"
    # A town in the story's country, or near its places across a border, keeps its pin.
    found = {r.mention.surface: r for r in places(
        "The envoy flew from Riyadh to Tel Aviv and drove on to Ramallah.", gazetteer=gazetteer)}
    assert found["Ramallah"].place.country == "PS"
