"""Write ``general.jsonl``: general news paragraphs with no arms content.

The paragraphs dilute the arms texts in the speed benchmark. Every sentence
below was written for armstrace; places, clubs, companies and people in the
slots are fictional or generic. The output is deterministic (fixed seed), so
re-running the script reproduces the committed file.

    python bench/texts/make_general.py            # writes general.jsonl beside this file
"""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 20240501
COUNT = 150
OUTPUT = Path(__file__).resolve().parent / "general.jsonl"

FILLERS = {
    "city": ["Lyon", "Porto", "Graz", "Leeds", "Ghent", "Bergen", "Tampere", "Brno", "Malaga",
             "Utrecht", "Aarhus", "Turin", "Cork", "Basel", "Gdansk", "Bilbao"],
    "region": ["the north-west", "the southern highlands", "the coastal provinces",
               "the eastern valleys", "the central plains", "the lake district",
               "the island's western coast", "the upper river basin"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "month": ["March", "April", "May", "June", "September", "October", "November"],
    "team": ["Northbridge FC", "Harbour City", "Eastvale Rovers", "Kingsmoor Athletic",
             "Riverside United", "Old Quay Wanderers", "Millbrook Town", "Stonegate Albion"],
    "person": ["Marta Lindqvist", "Tomas Ferreira", "Ines Kovac", "Daniel Okafor",
               "Lena Hartmann", "Paolo Ricci", "Sofia Nowak", "Ruben Jansen", "Ayla Demir"],
    "company": ["Nordvale Telecom", "Brightwater Foods", "Kestrel Software", "Alpenhaus Retail",
                "Meridian Logistics", "Solenne Pharma", "Corvid Systems", "Tidewell Energy"],
    "index": ["main", "blue-chip", "broad market", "mid-cap"],
}


def number_slots(rng: random.Random) -> dict[str, object]:
    """Numbers that fill the templates, drawn from ranges that read plausibly."""
    return {"n": rng.randint(3, 9), "n2": rng.randint(11, 48), "pct": rng.randint(4, 19),
            "pct2": rng.randint(55, 88), "d": rng.randint(1, 9), "temp": rng.randint(36, 41),
            "wind": rng.choice([90, 100, 110, 120]), "year": rng.choice([1921, 1947, 1959]),
            "small": rng.randint(1, 3), "rate": rng.randint(2, 4),
            "s1": rng.randint(2, 4), "s2": rng.randint(0, 1), "v1": rng.randint(23, 31),
            "v2": rng.randint(9, 18)}


# Each story: (topic, lead, body sentences that belong with that lead). A paragraph is
# the lead and some of its own body sentences, so every paragraph stays on one subject.
STORIES: list[tuple[str, str, list[str]]] = [
    ("weather", "Heavy rain swept across {region} on {weekday}, flooding roads and delaying commuter trains, the national weather service said.", [
        "Emergency crews cleared fallen trees from at least {n2} roads, according to the regional council.",
        "The rail operator said services would run to a reduced timetable until the lines had been inspected.",
        "Schools in the worst-affected districts were told they could close early.",
        "Insurers said it was too early to estimate the cost of the damage.",
        "Forecasters expect milder, drier weather to return by the middle of next week.",
        "Some villages lost electricity for several hours before engineers restored supply."]),
    ("weather", "Temperatures in {city} climbed to {temp} degrees Celsius on {weekday}, the highest reading for the month since records began in {year}.", [
        "Local authorities opened {n} cooling centres and urged older residents to stay indoors during the afternoon.",
        "Meteorologists said the heat was likely to persist until the weekend.",
        "Reservoir levels stood at {pct2} percent of capacity, below the seasonal average.",
        "Public swimming pools extended their opening hours into the evening.",
        "Doctors advised parents to keep young children out of the midday sun.",
        "Water companies asked customers not to use garden hoses until further notice."]),
    ("weather", "Forecasters issued an amber warning for strong winds across {region}, with gusts of up to {wind} kilometres an hour expected by evening.", [
        "Ferry operators cancelled most crossings scheduled for the afternoon.",
        "Residents were advised to secure garden furniture and check travel updates before setting out.",
        "Several bridges were closed to high-sided vehicles as a precaution.",
        "It is the fourth named storm of the season, the weather service said.",
        "Forecasters expect the wind to ease overnight, although heavy showers may follow."]),
    ("weather", "After {n} weeks without meaningful rainfall, farmers in {region} say the soil is too dry to sow autumn crops.", [
        "\"We have not seen conditions like this in a generation,\" said a spokesperson for the farmers' association.",
        "Reservoir levels stood at {pct2} percent of capacity, well below the seasonal average.",
        "The agriculture ministry said it would consider emergency payments if the dry spell continued.",
        "Some growers have started selling livestock early because pasture is running out.",
        "Meteorologists said there was little sign of sustained rain before the end of the month."]),
    ("weather", "Thick fog closed two runways at {city}'s main airport for several hours on {weekday} morning, and dozens of flights were diverted.", [
        "Passengers queued at information desks as airlines tried to rebook them on later services.",
        "The airport operator said visibility fell below 100 metres shortly after dawn.",
        "Road traffic on the ring road also slowed to walking pace during the morning rush.",
        "Normal operations resumed shortly after midday, a spokesperson said.",
        "Forecasters warned that similar conditions could return overnight."]),
    ("sport", "{team} beat {team_b} {s1}-{s2} on {weekday} night to move {n} points clear at the top of the table.", [
        "The home side dominated possession in the first half but struggled to create clear chances.",
        "The deadlock was broken just after the hour by a low drive from the edge of the area.",
        "\"It was a team effort from start to finish,\" the captain told reporters after the final whistle.",
        "The crowd was the largest of the season so far.",
        "The result leaves the visitors near the bottom of the table with {n2} games to play.",
        "The coach said the squad would rest before the midweek cup fixture."]),
    ("sport", "{person} won the women's 10,000 metres at the national championships in {city}, finishing in a personal best time.", [
        "She pulled away from the leading group with two laps to go and was never caught.",
        "The time puts her inside the qualifying standard for the European championships.",
        "\"I felt strong from the start and trusted my finish,\" she said afterwards.",
        "Her coach said the plan for the summer was to race less and train at altitude.",
        "The men's race was won by a 19-year-old making his senior debut."]),
    ("sport", "The {city} marathon drew a record {n2},000 runners on Sunday, organisers said, despite a late change to the route.", [
        "Roadworks near the river forced organisers to move the course away from the old harbour.",
        "Volunteers handed out water at stations every five kilometres along the course.",
        "Organisers said the event raised money for a children's hospital in the city.",
        "Local cafes reported their busiest weekend of the year.",
        "Medical staff treated a few dozen runners for dehydration, none seriously."]),
    ("sport", "{team} have appointed {person} as head coach on a three-year contract, the club announced on {weekday}.", [
        "The new coach previously led the club's under-21 side to two youth titles.",
        "The appointment follows a run of {n} defeats that cost the previous coach his job.",
        "The club's youth academy has produced four members of the current first team.",
        "Supporters' groups welcomed the choice but asked the board for more investment in the squad.",
        "The first match in charge will be an away trip to {team_b} on Saturday."]),
    ("sport", "The national cycling tour finished in {city} on {weekday} with a bunch sprint that brought the crowd to its feet.", [
        "The overall winner finished safely in the main group to keep the yellow jersey by {n2} seconds.",
        "Thousands of spectators lined the final kilometre in warm sunshine.",
        "Two riders abandoned the race after a crash on a wet descent on Thursday.",
        "Organisers said next year's route will include a summit finish for the first time."]),
    ("markets", "Shares in {company} rose {pct}.{d} percent on {weekday} after the company reported higher-than-expected quarterly profit.", [
        "The company raised its full-year revenue guidance and announced a share buyback.",
        "Analysts said demand from business customers had held up better than feared.",
        "Margins improved as transport and packaging costs eased.",
        "The chief executive said the company would keep a close watch on costs.",
        "It was the stock's largest one-day gain in more than a year."]),
    ("markets", "The central bank left its main interest rate unchanged at {rate}.{d} percent on {weekday}, saying inflation was falling more slowly than expected.", [
        "\"The outlook remains uncertain,\" the bank's governor told a press conference.",
        "Bond yields edged lower as investors priced in a rate cut later in the year.",
        "The currency strengthened slightly against the dollar after the announcement.",
        "Two members of the rate-setting committee voted for a cut, the minutes showed.",
        "The bank trimmed its growth forecast for this year to {small}.{d} percent."]),
    ("markets", "Consumer prices rose {small}.{d} percent in {month} from a year earlier, the statistics office said, slightly below economists' forecasts.", [
        "Food prices rose more slowly than in previous months, while rents continued to climb.",
        "Energy costs for households have fallen by about a fifth since the start of the year.",
        "Analysts said the figures strengthened the case for lower interest rates.",
        "Core inflation, which excludes food and energy, was unchanged.",
        "Retail groups said shoppers were still cautious about large purchases."]),
    ("markets", "The {index} stock index closed at a record high on {weekday}, led by gains in technology and retail shares.", [
        "Trading volumes were thin ahead of a public holiday.",
        "Smaller companies lagged behind, with the mid-cap index ending the day flat.",
        "Investors were encouraged by strong retail sales figures released in the morning.",
        "The index has gained {pct} percent since the start of the year.",
        "Bank shares slipped after a regulator proposed tighter capital rules."]),
    ("markets", "{company} said it would cut about {n}00 jobs as part of a plan to reduce costs by the end of next year.", [
        "Trade unions said they would seek talks with management about the job cuts.",
        "Most of the cuts will fall on administrative roles at the head office, the company said.",
        "The company has struggled with weaker demand and higher wage costs since last year.",
        "Shares rose {small}.{d} percent on the news.",
        "A spokesperson said the company would try to avoid compulsory redundancies."]),
    ("science", "Astronomers have identified a planet roughly the size of Earth orbiting a red dwarf star about {n2} light years away, according to a study published on {weekday}.", [
        "The planet circles its star every {n} days and is probably too hot for liquid water.",
        "The findings will need to be confirmed by further observations, the authors cautioned.",
        "The team used a space telescope that detects the slight dimming as a planet passes its star.",
        "Further measurements are planned for next year, when new instruments become available.",
        "\"Small rocky planets like this are the ones we most want to study,\" said the study's lead author."]),
    ("science", "Researchers at the University of {city} have bred a variety of wheat that needs about {pct} percent less water, they reported in a scientific journal.", [
        "Field trials over {n} seasons showed yields close to those of standard varieties.",
        "Independent experts called the results promising but said the trials covered few regions.",
        "The work was funded by a national research council.",
        "Seed companies have already asked about licensing the new variety, the university said.",
        "The researchers said the method could be applied to barley as well."]),
    ("science", "A team of marine biologists has recorded a deep-sea octopus species nesting near warm springs off {region}.", [
        "Cameras on a remotely operated vehicle filmed hundreds of females guarding their eggs.",
        "The researchers believe the warm water helps the eggs develop faster.",
        "The site lies at a depth of about 2,800 metres.",
        "The team has asked for the area to be protected from deep-sea mining.",
        "\"This changes how we think about the whole ecosystem,\" said one of the biologists."]),
    ("science", "Archaeologists digging near {city} have uncovered the remains of a Roman bathhouse, including a well-preserved mosaic floor.", [
        "The building was found during work on a new housing estate.",
        "Volunteers helped catalogue more than {n},000 fragments found at the site.",
        "Coins found in the rubble suggest the baths were in use in the third century.",
        "The mosaic will be lifted and displayed in the city museum next year.",
        "Excavations will continue through the summer, the regional heritage office said."]),
    ("science", "Scientists say a warm ocean current is melting an Antarctic glacier faster than their models had predicted.", [
        "Sensors placed beneath the ice shelf recorded water temperatures well above freezing.",
        "The glacier has lost about {pct} percent of its mass since the 1990s, the study estimates.",
        "The results were presented at a conference in {city} earlier this month.",
        "The authors said sea-level projections may need to be revised.",
        "The team plans to publish its full data so that other researchers can check the analysis."]),
    ("culture", "A retrospective of the painter {person} opened at the {city} National Gallery on {weekday}, bringing together more than {n2} canvases.", [
        "Several works are on loan from private collections and have never been shown in public.",
        "Critics have praised the show for the way it traces the artist's move from portraits to landscapes.",
        "Admission will be free on the first Sunday of every month.",
        "The exhibition runs until the end of {month}.",
        "The gallery expects more than 100,000 visitors."]),
    ("culture", "The {city} film festival announced its line-up on {weekday}, with {n2} features competing for the main prize.", [
        "Nearly half of the films in competition are by first-time directors.",
        "The festival director said the programme aimed to attract younger audiences.",
        "Local hotels reported that bookings for the opening weekend were nearly full.",
        "The opening film is a comedy set in a small harbour town.",
        "Outdoor screenings will be held in the main square every evening."]),
    ("culture", "A novel about three generations of a fishing family has won this year's national book award.", [
        "The prize carries an award of {n2},000 euros and a grant for translation.",
        "The author said she spent seven years researching the book in coastal archives.",
        "The jury called it a patient, generous portrait of a community in decline.",
        "Sales of the novel have tripled since it was shortlisted, the publisher said.",
        "It is the author's second novel."]),
    ("culture", "The opera house in {city} will reopen in {month} after a two-year renovation that cost {n2} million euros.", [
        "The restored ceiling frescoes will be open to visitors on guided tours.",
        "New seating and better acoustics were the main aims of the work, the director said.",
        "The first season opens with a new production of a Verdi opera.",
        "About a third of the tickets are reserved for students at a reduced price.",
        "Part of the cost was met by a public fundraising campaign."]),
    ("culture", "Tickets for the summer music festival in {city} sold out within {n} hours of going on sale.", [
        "The three-day event will feature more than 60 acts on four stages.",
        "Organisers apologised to fans who were stuck in an online queue for most of the morning.",
        "The festival will run extra buses from the city centre to the site.",
        "Resale of tickets above face value is banned, the organisers said.",
        "Local hotels reported that bookings for the festival weekend were nearly full."]),
    ("local politics", "The {city} city council voted {v1} to {v2} on {weekday} to close part of the old town centre to cars from next spring.", [
        "Opponents said the plan would hurt small shops that depend on passing trade.",
        "\"People want cleaner air and safer streets,\" a councillor said during the debate.",
        "Delivery vans will still be allowed in the early morning.",
        "The council said the costs would be covered partly by a grant from the national government.",
        "A trial closure last summer cut traffic noise sharply, according to council figures."]),
    ("local politics", "Voters in {region} will choose a new regional governor on Sunday in a race that polls show is too close to call.", [
        "Turnout in the last regional election was just under {pct2} percent.",
        "Housing costs and hospital waiting times have dominated the campaign.",
        "The two leading candidates held a final televised debate on {weekday}.",
        "Polling stations will open at 8 a.m. and close at 8 p.m.",
        "The outgoing governor is stepping down after two terms."]),
    ("local politics", "The mayor of {city} announced plans to build {n},000 affordable homes over the next five years.", [
        "The homes will be built mostly on former industrial land near the railway station.",
        "The opposition called for an independent review of the figures.",
        "The measure still needs the approval of the regional planning authority.",
        "Rents in the city have risen by about {pct} percent in two years.",
        "Campaigners welcomed the plan but said it came too late for many families."]),
    ("local politics", "Residents packed a town hall meeting in {city} on {weekday} to debate a proposed increase in parking fees.", [
        "Campaigners collected more than {n},000 signatures against the proposal.",
        "Council officials said the extra income would pay for road repairs.",
        "Several shopkeepers said customers would simply drive to out-of-town malls.",
        "A final decision is expected before the summer recess.",
        "The meeting ran for more than three hours."]),
    ("technology", "{company} unveiled a new smartphone on {weekday} with a longer battery life and a camera that works better in low light.", [
        "Analysts expect the device to sell well in Europe and Asia.",
        "The company also pledged to supply spare parts for seven years.",
        "Prices start at about 600 euros, slightly more than last year's model.",
        "Reviewers praised the screen but said the phone was heavier than its rivals.",
        "The phone goes on sale in {month}."]),
    ("technology", "The government published draft rules for artificial intelligence systems used in hiring and lending, opening a public consultation.", [
        "Privacy groups welcomed the consultation but said the rules did not go far enough.",
        "Companies would have to explain automated decisions to the people affected.",
        "The consultation will run for twelve weeks, and businesses are invited to respond.",
        "Business groups warned that heavy paperwork could slow down smaller firms.",
        "The rules could take effect early next year."]),
    ("technology", "A software fault disrupted card payments at supermarkets across the country for about {n} hours on {weekday}.", [
        "The payment provider said the problem had been fixed and no customer data had been affected.",
        "Shoppers were advised to carry cash until the service was fully restored.",
        "Long queues formed at cash machines in several city centres.",
        "The financial regulator said it would ask the company for a full report.",
        "It was the second outage this year."]),
    ("technology", "{company} said it would open a data centre near {city}, creating about {n}00 jobs.", [
        "The facility will run partly on electricity from a nearby wind farm.",
        "The company did not disclose how much it plans to invest.",
        "Local officials said waste heat from the site could warm nearby homes.",
        "Construction is expected to start next year.",
        "Environmental groups asked how much water the site would use for cooling."]),
    ("health", "Hospitals in {region} reported a sharp rise in flu admissions this week, and health officials urged vulnerable people to get vaccinated.", [
        "Officials said most cases were mild and could be treated at home.",
        "Doctors recommend that people with symptoms stay at home and avoid visiting older relatives.",
        "Some hospitals have postponed routine operations to free up beds.",
        "Vaccination rates among people over 65 are lower than last winter, the ministry said.",
        "Pharmacies are offering walk-in flu jabs without an appointment."]),
    ("health", "A clinic for children's mental health opened in {city} on {weekday}, the first of its kind in the region.", [
        "The clinic will offer appointments within two weeks of referral.",
        "Families previously had to travel to the capital for specialist care.",
        "The regional health board plans to hire {n2} more staff by the end of the year.",
        "Parents' groups said the clinic was long overdue.",
        "Teachers will be able to refer pupils directly."]),
    ("health", "Adults who walked at least {n},000 steps a day had a lower risk of heart disease, according to a study of more than {n2},000 people.", [
        "The study was observational and could not prove cause and effect, the authors noted.",
        "\"Small changes in daily habits can make a real difference,\" said one of the researchers.",
        "The benefit levelled off at around 10,000 steps, the data suggested.",
        "Participants wore step counters for at least a week at the start of the study.",
        "The results held for both men and women."]),
    ("health", "The health ministry said waiting times for hip and knee operations had fallen by {pct} percent over the past year.", [
        "Nurses' unions said staff shortages remained the main obstacle to shorter waiting lists.",
        "Extra weekend surgery sessions at regional hospitals helped clear the backlog.",
        "Patients still wait on average more than four months for a knee replacement.",
        "The minister said the aim was to bring waits below three months by next year."]),
    ("health", "Pharmacies in {region} are running short of some common antibiotics, according to a trade group.", [
        "The ministry has ordered additional stocks from manufacturers.",
        "Pharmacists said patients should not stockpile medicines.",
        "Doctors have been asked to prescribe alternatives where possible.",
        "The shortage affects mainly liquid medicines for children.",
        "Supplies are expected to return to normal within a few weeks."]),
]


def fill(template: str, rng: random.Random) -> str:
    """One template with its slots filled (two distinct clubs and cities where asked)."""
    slots = number_slots(rng)
    for name, choices in FILLERS.items():
        first, second = rng.sample(choices, 2)
        slots[name], slots[f"{name}_b"] = first, second
    return template.format(**slots)


def paragraph(lead: str, bodies: list[str], rng: random.Random) -> str:
    """The lead and three to five of its own body sentences, 60-150 words."""
    sentences = [fill(lead, rng)]
    for body in rng.sample(bodies, min(len(bodies), rng.randint(3, 5))):
        sentences.append(fill(body, rng))
        if len(" ".join(sentences).split()) >= 70:
            break
    return " ".join(sentences)


def make(count: int = COUNT, seed: int = SEED) -> list[dict[str, str]]:
    """``count`` distinct paragraphs, stories in turn, each dated in 2024."""
    rng = random.Random(seed)
    seen: set[str] = set()
    rows: list[dict[str, str]] = []
    while len(rows) < count:
        _topic, lead, bodies = STORIES[len(rows) % len(STORIES)]
        text = paragraph(lead, bodies, rng)
        words = len(text.split())
        if text in seen or not 60 <= words <= 150:
            continue
        seen.add(text)
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 365))
        rows.append({"text": text, "date": day.isoformat()})
    return rows


def main() -> None:
    with OUTPUT.open("w", encoding="utf-8") as out:
        for row in make():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {COUNT} paragraphs to {OUTPUT.name}")


if __name__ == "__main__":
    main()
