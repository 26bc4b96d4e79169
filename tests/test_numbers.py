"""Checks N201-N206: each fires on the error it names and stays silent on the sound version."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, codes, lint_text


def findings(text: str, code: str):
    return [f for f in lint_text(text, select=[code]).findings if f.code == code]


POSITIVE = {
    "N201": [
        "The county will spend £142m on services. Of this amount, £92m goes to schools, £38m to roads and "
        "£18m to parks.",
        "The ministry set aside 5.4 billion tenge. Of this sum, 2.2 billion tenge went on clinics, 1.9 billion "
        "on ambulances and 1.6 billion on training.",
        "The rowers took 9 medals at the regatta, four gold, three silver and three bronze.",
        "The €700m package will be split between rail, which gets €300m, and buses, which get €350m.",
        "Nkosi led with 214,300 votes, ahead of Dlamini with 150,100 and Botha with 62,400.\n\n"
        "Together the three candidates shared 436,800 valid votes.",
        "The alliance takes 44 of the 110 seats, the Liberals 33, the Agrarians 21 and the Pirates 15. "
        "The two seats kept for the islands went to independents.",
        "Four states pledged €6.1bn: Spain €1.9bn, Portugal €1.5bn, Greece €1.2bn and Malta €0.9bn.",
        "Of the 260 delegates, 150 were farmers and 130 were traders.",
        "The budget of $7.3bn is split into $3.1bn for schools, $2.4bn for hospitals and $1.3bn for roads.",
        "Sales abroad rose to $2.6bn and sales at home to $1.1bn, giving total sales of $4.2bn.",
        "The bank's 9,000 staff work in three cities: 4,500 in Porto, 3,100 in Braga and 900 in Faro.",
        "Nkosi won 214,300 votes, Dlamini 150,100 and Botha 62,400. In all, 411,800 votes were cast.",
        "The Danes won 9 medals: four gold, three silver and three bronze.",
        "Wind and sun gave 52% of supply: onshore wind 21%, offshore wind 19% and solar 15%.",
        "Norway will grant 4.1 billion kroner. The money arrives in three tranches: 1.2 billion kroner in "
        "2026, 1.4 billion in 2027 and 1.3 billion in 2028.",
        "The €9.4m repair bill is being paid by the state (€5.1m), the city (€2.6m) and the port (€1.2m).",
        "The authority approved a $640m water plan on Monday.\n\nThe first stage, $250m, builds a reservoir. "
        "A further $180m goes on pipes.\n\nThe remaining $260m pays for treatment works.",
        "Growers picked 3.9 million tonnes of fruit this year.\n\nApples made up 1.8m tonnes, pears 1.1 million "
        "tonnes and plums 600,000 tonnes, with other fruit at 150,000 tonnes.",
    ],
    "N202": [
        "The Centre took 46% of the vote, the Farmers 35% and the Social Democrats 25%.",
        "Ports will take 41% of the total, rail 29% and roads 24%. Airports will get 11%, while 7% goes to "
        "research.",
        "Of the members polled, 52% backed the merger, 33% opposed it and 21% had no view.",
        "Of the homes sold last year, 58% went to first-time buyers, 31% to movers and 19% to landlords. "
        "The capital accounted for 40% of all sales.",
    ],
    "N203": [
        "The city launched a $300 million housing fund on Tuesday.\n\n"
        "Builders welcomed the $350 million fund but asked for detail.",
        "The upgrade will lift the smelter's capacity to 180,000 tonnes a year.\n\n"
        "At its planned capacity of 150,000 tonnes a year, the smelter will rank third.",
        "The blaze destroyed 2,300 homes in the hills, officials said.\n\n"
        "Replacing the 2,700 homes lost to the blaze will take a decade.",
        "The rally drew a record entry of 31,200 starters.\n\nOrganisers said 29,900 riders started the route.",
        "Poland will have a budget of €3.2bn for the agency next year, ministers agreed.\n\n"
        "Engineers said the €3.6bn budget favoured satellites.",
        "Turnout was 57.4%, the commission said.\n\nThe turnout of 54.7% was the lowest since 1992.",
        "A wind of 97 mph was recorded at Hollin Ridge on Friday night.\n\n"
        "\"Hollin Ridge's 79 mph wind is a record for the station,\" a forecaster said.",
        "A grant of 40 million Swedish kronor will pay for the new lab.\n\n"
        "Bids for the 45 million krona grant close in May.",
        "Thieves took the card details of 3.4 million shoppers, the retailer said.\n\n"
        "The 4.3 million affected shoppers will get a year of free monitoring.",
    ],
    "N204": [
        "Ridership rose from 30,000 to 45,000 a day, a 20% increase.",
        "Exports reached $8.4bn last year, up 12% from $6.2bn the year before.",
        "Joblessness fell to 5.6% in June from 6.4% in March, a drop of 0.5 percentage points.",
        "France doubled its grant to €300m from €180m.",
        "The group earned $63bn, or 40% of the $120bn total.",
        "The region will spend €900m over five years.\n\nAbout €150m, or a third of that sum, is for bridges.",
        "Output saw a fourfold increase, from 15 to 38 tonnes.",
        "Support rose to 47% from 41%, an increase of 8 percentage points.",
        "A levy of 20% applies to $4bn of fuel sales, so drivers pay about $0.5bn a year in tax.",
        "Profits fell by a half to £90m from £240m.",
        "Spain's trade of $54bn is three times Greece's $24bn.",
        "The new stadium, at $240m, costs twice as much as the old $70m ground.",
        "The deficit shrank to 2.9% of GDP from 4.2%, a cut of 1.6 points.",
        "Bread prices have tripled since 2018, to $2.40 a loaf from $1.20.",
        "Arrests rose from 8,100 to 9,300, a rise of 1,400.",
        "The share of pupils below the line rose from 18% to 24%, an increase of 6%.",
        "Thefts rose 8% to 7,400 from 6,100 last year.",
        "The club scored 48 goals last season and 60 this one, a third more.",
        "The Bellmoor site earned $140m.\n\nThe Bellmoor site brought in $90m, or about half of total turnover; "
        "turnover climbed to $470m a year earlier.",
    ],
    "N205": [
        "Funding went to the six valleys: Arn, Bel, Cor, Dun and Esk.",
        "The talks closed three more chapters: farm quotas, fishing rights and state aid, energy, and customs checks.",
        "The budget includes five missions: a Venus orbiter, a comet lander, and a solar probe.",
        "The four finalists — Ada, Bo and Cy — will meet on Friday.",
        "Leaders of the five states (Kenya, Uganda, Rwanda and Burundi) met.",
        "The four finalists, Ada, Bo and Cy, will meet on Friday.",
        "The three firms, Acme, Brill, Crane and Dell, merged.",
        "The three biggest unions — Unite, GMB and Unison, as well as the RMT — backed the plan.",
        "The coach named four new players for the match.\n\nThe newcomers are Holm, Dahl and Vang.",
        "The trio of lenders — Alpha, Beta, Gamma and Delta — signed on Monday.",
        "The plan rests on four aims: a new port, a tax on imports of coal by 2030, and a review of the "
        "debts of the rail company, Linea Norte.",
    ],
    "N206": [
        "The largest grant, €3m, went to Arn, while Bel received €5m.",
        "Chile, the largest partner at $31bn, was ahead of Peru at $44bn.",
        "The largest of the three, the 520 MW Ostbank plant, starts in May. The Westfeld plant, at 610 MW, "
        "and the 300 MW Nordhaven plant follow.",
        "Mills milled 2.4 million tonnes in 2024.\n\nThe total surpassed the previous peak of 2.5 million tonnes.",
        "The smallest of the four awards, $2m, went to Lund, while Umea received $1.5m, Orebro $3m and Kiruna $4m.",
        "Exports of $4bn exceeded imports of $5bn last year.",
        "Austria, the largest donor, pledged €200m. Belgium gave €250m.",
        "Denmark was the biggest donor, giving $5m, while Finland gave $7m.",
        "Osei won in 2:09:12 on Sunday. Mensah came second, 19 seconds slower, in 2:08:59.",
        "Transport was the biggest contributor, adding 0.9 percentage points, ahead of rents at 1.2 points.",
        "The busiest line, with 9,000 riders a day, is Line 4; Line 2 carries 12,000 riders a day.",
        "Okafor's 91 was the highest score of the day; Osei made 95.",
        "The east, at $410 a month, was cheaper than the west at $380.",
    ],
}

NEGATIVE = {
    "N201": [
        "The county will spend £142m on services. Of this amount, £92m goes to schools, £38m to roads and "
        "£12m to parks.",
        "Of the 400 staff, 160 work in Ghent, 140 in Liege and the rest in Namur.",
        "The plan costs $500m, of which the state will give about $200m and the bank $180m.",
        "Trade with the bloc was $9 billion, while that of Japan and Korea came to more than $40 billion "
        "and over $30 billion, respectively.",
        "The state approved three plants worth a combined 1,430 MW. The largest, the 610 MW Westfeld plant, "
        "has a battery of 500 MW. The 520 MW Ostbank plant and the 300 MW Nordhaven plant follow.",
        "Half or more of those asked in 11 of 12 regions agreed, and majorities in 10 regions disagreed.",
        "Of the 260 delegates, 150 were farmers.",
        "Nkosi won 214,300 votes, Dlamini 150,100 and Botha 62,400. In all, 451,800 votes were cast.",
        "The Danes won 10 medals: four gold, three silver and three bronze.",
        "Ports will take 41% of the total, rail 29% and roads 24%.",
        "Of the $20bn, $8bn went to roads and $6bn to rail, with the rest not yet allocated.",
        "The four largest banks hold $5.1tn: Alpha $2.4tn, Beta $1.6tn and Gamma $1.1tn.\n\n"
        "Exports rose 4% to $3.3bn, while imports fell 2% to $2.9bn.",
        "The city has 1.9 million people, and 600,000 live in the old town, 300,000 by the river.",
        "The £9.4m repair bill is being paid by the state (£5.1m), the city (£2.9m) and the port (£1.4m).",
        "The party won the biggest share of the vote, 23.4%, and will need two partners, the Left (14.1%) and "
        "the Greens (13.8%).",
        "The budget was $900m.\n\nThe first stage, $400m, builds a dam. Another $150m goes on roads, with the "
        "remaining $350m set aside for housing.",
        "Profits reached $310m. Of the $240m that shareholders will get, about $80m comes as a buyback.",
    ],
    "N202": [
        "Lisbon handles more than 30% of all trade in the region, and payments in local money already exceed 80%.",
        "The Centre took 46% of the vote, the Farmers 35% and the Social Democrats 19%.",
        "Turnout was 63.2%, up from 60.1%, and 14% of ballots were cast by post.",
        "More than 70% say the scheme failed: 33% say it made things worse, 29% see no change and 9% are unsure.",
        "Some 81% said councils waste money, while 88% said they never listen, and 64% called them remote.",
        "Smaller parties below the 5% threshold shared 6%, while the winners took 49%, 30% and 15%.",
        "Of the homes sold last year, 58% went to first-time buyers, 31% to movers and 11% to landlords. "
        "The capital accounted for 40% of all sales.",
    ],
    "N203": [
        "The port handled 9.8 million boxes in 2024.\n\nThe 10.3 million boxes handled in 2021 set a record.",
        "Asarco earned 1.40 dlrs a share in 1986.\n\nNewmont sees 1987 earnings at 1.25 dlrs a share.",
        "The city launched a $300 million housing fund.\n\nBuilders welcomed the $300 million fund.",
        "The club has 4,000 members.\n\nLast year the club had 3,700 members.",
        "The index fell 132.40 points to 28104.50.\n\nOn Monday the index fell 129.95 points to 27974.55.",
        "The firm had a tax credit of $2.1 million. In the year-earlier quarter, the tax credit was $4.0 million."
        "\n\nFor the nine months, the firm had a tax credit of $6.5 million.",
        "The rally drew a record entry of 31,200 riders.\n\nOrganisers said 29,900 cyclists finished the route.",
        "The firm's revenue was $3.5bn in 2023.\n\nIn 2024 the firm's revenue was $3.9bn.",
        "Poland will have a budget of €3.2bn next year.\n\nLast year the agency had a budget of €2.8bn.",
        "Turnout was 57.4% this year.\n\nIn 2019, turnout was 54.7%.",
        "Farmers planted about 3.1 million acres of rye this year.\n\nOf the 2.6 million acres planted with "
        "barley, most is in the north.",
        "The group's profits fell 30% to 2.2bn euros.\n\nIts truck arm turned a loss into a 1.9bn euros profit.",
        "The average rent fell to £1,210 in May.\n\nIn the capital, where the average rent is £1,640, rents rose.",
    ],
    "N204": [
        "Revenue grew 12% to $5.6bn from $5bn.",
        "Exports fell 12% to $880m from $1bn.",
        "Sales rose from $10m in 2020 to $15m in 2024, a 50% increase.",
        "The firm cut 400 jobs, 10% of its workforce of 4,000.",
        "The state levies a 20% tax on fuel. Fuel sales of $10bn a year bring in $2bn in tax.",
        "Sales fell by a third to £200m from £300m.",
        "Spain's trade of $54bn is three times Greece's $18bn.",
        "The new stadium, at $240m, costs four times as much as the old $60m ground.",
        "The new stadium, at $240m, is three times more than the old $60m ground.",
        "The deficit shrank to 2.9% of GDP from 4.2%, a cut of 1.3 points.",
        "The visitors won by 9 points, 81 to 72, after trailing by 4 points at half-time.",
        "Profits doubled to £40m from £20m.",
        "Joblessness fell to 5.6% from 6.4%, a drop of 0.8 percentage points.",
        "The review suggests doubling the sum parties may spend, while cutting limits from £30m to £25m.",
        "The region will spend €900m over five years.\n\nAbout €225m, or a quarter of that sum, is for bridges.",
        "Arrests rose from 8,100 to 9,300, a rise of 1,200.",
        "Patients' wait fell from an average of 8.1 weeks to 6.0, a cut of 2.1 weeks; elsewhere it fell from 7.7 "
        "to 7.1.",
        "The club scored 48 goals last season and 60 this one, a quarter more.",
        "Sales of 500 cars in May and 650 in June were 20% higher than a year earlier.",
    ],
    "N205": [
        "Leaders of the five states met: Kenya, Uganda, Rwanda, Burundi and Tanzania.",
        "Two more depots are being discussed — in Split and Zadar.",
        "The five states, Chile, Peru, Bolivia, Antigua and Barbuda and Ecuador, signed.",
        "The bank is one of three lenders that must agree -- the others being the fund and the state.",
        "The ministry named four partners, including Acme and Brill.",
        "The club has 12 members. The founders are Ada and Bo.",
        "Talks with three large fund groups -- Alder Capital, Birch Partners Inc. and Cedar Asset "
        "Management Inc. -- confirm the trend.",
        "The two depots (Split and Zadar) opened.",
        "The two sides, Chile and Peru, agreed.",
        "The three men, who were held on Monday, and two women were charged.",
        "The alliance takes 44 of the 110 seats, the Liberals 33, the Agrarians 21 and the Pirates 12.",
        "The Danes won 10 medals: four gold, three silver and three bronze.",
        "The coach named four new players. The newcomers include Holm, Dahl and Vang.",
        "There are likenesses between the two rivals: Both love crowds, hate detail and often misspeak.",
        "The season has two new works: a joint commission with the city choir, a 30-minute suite for harp "
        "and strings by Ana Ruiz, and a short fanfare by the house composer, Li Wei.",
        "Three ministers -- that is what the party wanted all along, its leader said.",
    ],
    "N206": [
        "The largest grant, €6m, went to Arn, while Bel received €5m.",
        "Chile, the largest partner at $44bn, was ahead of Peru at $31bn.",
        "Peru, the second-largest supplier at $20bn, trails Chile at $44bn.",
        "The largest holder, with 12%, is the state; the second largest has 9%.",
        "The floods killed at least 90 people, and the number hurt topped 1,800.",
        "Denmark was the biggest donor, giving $9m, while Finland gave $7m.",
        "Osei won in 2:09:12 on Sunday. Mensah came second, 19 seconds slower, in 2:09:31.",
        "The largest of the four, the 610 MW Westfeld plant, has a battery that can deliver 500 MW. "
        "The 520 MW Ostbank and the 300 MW Nordhaven plants follow.",
        "Transport was the biggest contributor, adding 1.4 percentage points, ahead of rents at 1.2 points.",
        "The town is one of the busiest ports, handling 4,000 ships, while Arn handles 6,000.",
        "The east, at $380 a month, was cheaper than the west at $410.",
        "Interest on the loan, at 4%, was lower than the 6% charged by rivals.",
    ],
}


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in POSITIVE.items() for t in texts])
def test_fires(code: str, text: str) -> None:
    assert findings(text, code), f"{code} should fire on: {text}"


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in NEGATIVE.items() for t in texts])
def test_silent(code: str, text: str) -> None:
    assert not findings(text, code), [f.message for f in findings(text, code)]


def test_total_message_shows_the_arithmetic_and_points_at_every_part() -> None:
    [finding] = findings("The county will spend £142m on services. Of this amount, £92m goes to schools, £38m to "
                         "roads and £18m to parks.", "N201")
    assert "92 + 38 + 18 = 148, not the stated 142 (£ million)" in finding.message
    assert len(finding.related) == 3


def test_count_message_names_the_items() -> None:
    [finding] = findings("Funding went to the six valleys: Arn, Bel, Cor, Dun and Esk.", "N205")
    assert '"six" announced, but 5 listed' in finding.message and len(finding.related) == 5


def test_clean_fixture_is_silent() -> None:
    text = (FIXTURES / "numbers" / "clean-budget.md").read_text(encoding="utf-8")
    assert [c for c in codes(lint_text(text, name="clean-budget.md", select=["N"]))] == []


def test_error_fixture_finds_each_planted_error() -> None:
    text = (FIXTURES / "numbers" / "errors-budget.md").read_text(encoding="utf-8")
    found = sorted(codes(lint_text(text, name="errors-budget.md", select=["N"])))
    assert found == ["N201", "N202", "N203", "N204", "N205", "N206"]


def test_seed_article_has_no_number_finding(shared) -> None:
    path = shared / "seed" / "izvestia-c5-summit.txt"
    if not path.exists():
        pytest.skip("no seed article")
    result = lint_text(path.read_text(encoding="utf-8"), name="seed.txt", select=["N"])
    assert codes(result) == []


def test_election_fixtures() -> None:
    clean = (FIXTURES / "numbers" / "clean-election.txt").read_text(encoding="utf-8")
    assert codes(lint_text(clean, name="clean-election.txt", select=["N"])) == []
    errors = (FIXTURES / "numbers" / "errors-election.txt").read_text(encoding="utf-8")
    found = codes(lint_text(errors, name="errors-election.txt", select=["N"]))
    assert sorted(found) == ["N201", "N201", "N202", "N204", "N204", "N204", "N205", "N206"]
