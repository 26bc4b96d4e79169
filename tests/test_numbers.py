"""Checks N201-N206: each fires on the error it names and stays silent on the sound version."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, codes, lint_text


def findings(text: str, code: str):
    return [f for f in lint_text(text, select=[code]).findings if f.code == code]


POSITIVE = {
    "N201": [
        "The council will spend £142m on services. Of this amount, £92m goes to schools, £38m to roads and "
        "£18m to parks.",
        "This year, 3.2 billion soms were allocated. Of this amount, 1.4 billion soms were spent on the plant, "
        "1.1 billion on pipes and 0.9 billion on boilers.",
        "The team won 14 medals at the games, five gold, four silver and three bronze.",
        "The €500m fund will be split between health, which gets €200m, and education, which gets €250m.",
        "Lopez led with 136,300 votes, ahead of Ruiz with 98,760 and Vega with 45,210.\n\n"
        "Together the three candidates shared 286,450 valid votes.",
        "The party takes 35 of the 90 seats, the Greens 27, the Liberals 16 and the Centre 12. "
        "The two seats reserved for minorities went to independents.",
        "Three countries pledged €4.2bn: Germany €1.5bn, France €1.2bn and Italy €0.9bn.",
        "Of the 120 passengers, 80 were Britons and 50 were French.",
        "The budget of $5.6bn is split into $2.1bn for defence, $1.8bn for health and $1.2bn for education.",
        "Imports rose to $3.1bn and exports to $1.2bn, giving total trade of $4.8bn.",
        "The company's 4,000 employees work in three countries: 2,500 in Germany, 1,200 in France and 500 in Spain.",
        "Lopez won 136,300 votes, Ruiz 98,760 and Vega 45,210. In all, 276,450 votes were cast.",
        "The Netherlands won 14 medals: five gold, four silver and three bronze.",
        "Renewables supplied 45% of power: wind 20%, solar 15% and hydro 12%.",
        "Sweden will provide 2.3 billion kronor. The money will be paid in three instalments: 700 million "
        "kronor in 2026, 800 million in 2027 and 900 million in 2028.",
    ],
    "N202": [
        "The Centre took 44% of the vote, the Farmers 38% and the Social Democrats 26%.",
        "Rail will take 38% of the total, roads 27% and ports 22%. Airports will receive 16%, while 9% is "
        "set aside for research.",
        "Of the respondents, 45% backed the plan, 38% opposed it and 22% were undecided.",
    ],
    "N203": [
        "The council set up a $400 million fund for start-ups on Monday.\n\n"
        "Business groups welcomed the $450 million fund but asked for detail.",
        "The expansion will raise its capacity to 210,000 tonnes a year.\n\n"
        "Once it reaches its planned capacity of 240,000 tonnes a year, the mine will be the largest.",
        "The fire destroyed 1,200 homes in the valley, officials said.\n\n"
        "Rebuilding the 1,400 homes destroyed by the fire will take years.",
        "The race drew a record field of 24,500 starters.\n\nOrganisers said 23,100 runners started the race.",
        "Italy will have a budget of €2.1bn next year, parliament decided.\n\n"
        "Scientists said the €2.4bn budget favoured launchers.",
        "Turnout was 61.3%, the electoral commission said.\n\nThe turnout of 63.1% was the highest since 1990.",
    ],
    "N204": [
        "Ridership rose from 40,000 to 50,000 a day, a 50% increase.",
        "Trade reached $6.2bn last year, up 18% from $4.9bn in 2023.",
        "Inflation fell to 2.4% in November from 3.1% in October, a drop of 0.5 percentage points.",
        "Germany doubled its contribution to €200m from €120m.",
        "The company earned $45bn, or 30% of the $100bn total.",
        "The city will spend €480m over three years.\n\nRoughly €120m, a third of the total, will go to repairs.",
        "Output saw a threefold increase, from 20 to 45 tonnes.",
        "Turnout rose to 64% from 58%, an increase of 8 percentage points.",
        "Import duties of 10% apply to $5bn of goods, so importers pay about $0.8bn a year in duty.",
        "Sales fell by a third to £150m from £300m.",
        "China's trade of $66bn is three times Russia's $45bn.",
        "The new venue, at $180m, costs twice as much as the old $45m arena.",
        "The deficit narrowed to 3.1% of GDP from 4.5%, a reduction of 1.8 points.",
        "Prices of milk have tripled since 2019, to $3.20 a litre from $1.60.",
    ],
    "N205": [
        "Funding went to the six valleys: Arn, Bel, Cor, Dun and Esk.",
        "The talks closed three more chapters: customs procedures, sanitary and phytosanitary rules, digital "
        "trade, and small and medium-sized enterprises.",
        "The budget includes five missions: a Mars probe, a lunar rover, and an asteroid sampler.",
        "The four finalists — Ana, Ben and Carla — will meet on Friday.",
        "Leaders of the five countries (Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan) met.",
        "The four finalists, Ana, Ben and Carla, will meet on Friday.",
        "The three companies, Acme, Brill, Crane and Dell, merged.",
        "The three biggest unions — Unite, GMB and Unison, as well as the RMT — backed the plan.",
        "The coach named four new players for the match.\n\nThe newcomers are Holm, Dahl and Vang.",
    ],
    "N206": [
        "The largest grant, €3m, went to Arn, while Bel received €5m.",
        "China, the largest partner at $45bn, was ahead of Russia at $66bn.",
        "The biggest of the three, the 360 MW Longreach project, opens first. The Barcaldine farm, at 410 MW, "
        "and the 280 MW Emerald project follow.",
        "Farms exported 12.9 million bags in 2024.\n\nThe total surpassed the previous peak of 13.1 million bags.",
        "The smallest of the four grants, $2m, went to Lund, while Umea received $1.5m, Orebro $3m and Kiruna $4m.",
        "Exports of $4bn exceeded imports of $5bn last year.",
        "Germany, the largest donor, pledged €200m. France gave €250m.",
        "Norway was the biggest donor, giving $5m, while Sweden gave $7m.",
        "Kiptoo won in 2:03:41 on Sunday. Gebre finished second, 27 seconds slower, in 2:03:14.",
    ],
}

NEGATIVE = {
    "N201": [
        "The council will spend £142m on services. Of this amount, £92m goes to schools, £38m to roads and "
        "£12m to parks.",
        "Of the 300 staff, 120 work in Paris, 100 in Lyon and the rest in Lille.",
        "The plan costs $300m, of which the state will contribute about $100m and the bank $115m.",
        "Trade with the region was $7 billion, while that of China and Russia amounted to more than $66 billion "
        "and over $45 billion, respectively.",
        "The state approved three farms worth a combined 1,050 MW. The biggest, the 360 MW Longreach project, "
        "has a battery able to deliver 400 MW. The 410 MW Barcaldine farm and the 280 MW Emerald farm follow.",
        "Half or more of respondents in 15 of 16 nations agreed, and majorities in 14 countries disagreed.",
        "Of the 120 passengers, 80 were Britons.",
        "Lopez won 136,300 votes, Ruiz 98,760 and Vega 45,210. In all, 296,450 votes were cast.",
        "The Netherlands won 12 medals: five gold, four silver and three bronze.",
        "Launchers will take 38% of the total, Earth observation 27% and space science 22%.",
        "Of the $10bn, $4bn went to roads and $3bn to rail, with the rest unallocated.",
        "The three biggest banks hold $4.2tn: JPMorgan $2.1tn, Bank of America $1.4tn and Citi $0.7tn.\n\n"
        "Exports rose 5% to $2.1bn, while imports fell 3% to $1.9bn.",
        "The population is 1.2 million, and 350,000 people live in the capital, 200,000 in the port.",
    ],
    "N202": [
        "Moscow provides more than 30% of all foreign trade in the region, and settlements in national "
        "currencies already exceed 80%.",
        "The Centre took 44% of the vote, the Farmers 38% and the Social Democrats 18%.",
        "Turnout was 61.3%, up from 58.7%, and 12% of ballots were cast by post.",
        "More than 60% say the plan failed: 28% say it made things worse, 25% see no change and 8% are unsure.",
        "Some 87% said politicians break promises, while 92% said they never answer, and 73% called them "
        "dishonest.",
        "Smaller parties below the 4% threshold shared 5%, while the winners took 52%, 31% and 12%.",
    ],
    "N203": [
        "The port handled 13.8 million containers in 2024.\n\nThe 14.3 million containers handled in 2021 "
        "set a record.",
        "Asarco earned 1.40 dlrs a share in 1986.\n\nNewmont sees 1987 earnings at 1.25 dlrs a share.",
        "The council set up a $400 million fund for start-ups.\n\nBusiness groups welcomed the $400 million fund.",
        "The club has 3,000 members.\n\nLast year the club had 2,800 members.",
        "The Nikkei index fell 151.20 points to 35527.29.\n\nOn Monday the Nikkei index fell 148.85 points to "
        "35378.44.",
        "The company had a tax credit of $1.4 million. In the year-earlier quarter, the tax credit was $3.3 million."
        "\n\nFor the nine months, the company had a tax credit of $4.4 million.",
        "The race drew a record field of 24,500 starters.\n\nOrganisers said 23,100 runners finished the race.",
        "The firm's revenue was $2.5bn in 2023.\n\nIn 2024 the firm's revenue was $2.9bn.",
        "Italy will have a budget of €2.1bn next year.\n\nLast year the agency had a budget of €1.8bn.",
        "Turnout was 61.3% this year.\n\nIn 2019, turnout was 58.7%.",
    ],
    "N204": [
        "Revenue grew 12% to $5.6bn from $5bn.",
        "Exports fell 12% to $880m from $1bn.",
        "Sales rose from $10m in 2020 to $15m in 2024, a 50% increase.",
        "The company cut 300 jobs, 10% of its workforce of 3,000.",
        "The state levies a 20% tax on fuel. Fuel sales of $10bn a year bring in $2bn in tax.",
        "Sales fell by a third to £200m from £300m.",
        "China's trade of $66bn is three times Russia's $22bn.",
        "The new venue, at $180m, costs four times as much as the old $45m arena.",
        "The new venue, at $180m, is three times more than the old $45m arena.",
        "The deficit narrowed to 3.1% of GDP from 4.5%, a reduction of 1.4 points.",
        "The hosts won by 12 points, 86 to 74, after trailing by 3 points at half-time.",
        "Profits doubled to £30m from £15m.",
        "Inflation fell to 2.4% from 3.1%, a drop of 0.7 percentage points.",
        "The report suggests doubling the money candidates may spend, while cutting limits from £20m to £15m.",
        "The city will spend €480m over three years.\n\nRoughly €120m, a quarter of the total, will go to repairs.",
    ],
    "N205": [
        "Leaders of the five countries met: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.",
        "Two more parks are being discussed — in Bukhara and Navoi.",
        "The five countries, Argentina, Brazil, Chile, Trinidad and Tobago and Uruguay, signed.",
        "The bank is one of three lenders that must agree -- the others being the fund and the state.",
        "The ministry named four partners, including Acme and Brill.",
        "The club has 12 members. The founders are Ana and Ben.",
        "Interviews with three major fund groups -- Fidelity Investments, Vanguard Group Inc. and T. Rowe Price "
        "Associates Inc. -- confirm the trend.",
        "Parliament ratified the entry of the three former Warsaw Pact nations.\n\nThe nations are expected to "
        "join in April, as part of marking the anniversary.",
        "The two parks (Chirchik and Jizzakh) opened.",
        "The two sides, Russia and Ukraine, agreed.",
        "The five countries, Argentina, Brazil, Chile, Trinidad and Tobago and Uruguay, signed.",
        "The three men, who were arrested on Monday, and two women were charged.",
        "The party takes 35 of the 90 seats, the Social Democrats 27, Green Forward 16 and the Centre 12.",
        "The Netherlands won 14 medals: five gold, four silver and five bronze.",
        "The coach named four new players. The newcomers include Holm, Dahl and Vang.",
        "There are similarities between the two men: Both have big personalities, decry details and often "
        "misspeak.",
    ],
    "N206": [
        "The largest grant, €6m, went to Arn, while Bel received €5m.",
        "China, the largest partner at $66bn, was ahead of Russia at $45bn.",
        "Russia, the second-largest supplier at $20bn, trails China at $45bn.",
        "The largest shareholder, with 12%, is the state; the second largest has 9%.",
        "The blasts killed at least 110 people, and the number injured topped 2,200.",
        "Norway was the biggest donor, giving $9m, while Sweden gave $7m.",
        "Kiptoo won in 2:03:41 on Sunday. Gebre finished second, 27 seconds slower, in 2:04:08.",
        "The biggest of the three, the 410 MW Barcaldine farm, has a battery that can deliver 400 MW. "
        "The 360 MW Longreach and the 280 MW Emerald projects follow.",
    ],
}


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in POSITIVE.items() for t in texts])
def test_fires(code: str, text: str) -> None:
    assert findings(text, code), f"{code} should fire on: {text}"


@pytest.mark.parametrize("code, text", [(c, t) for c, texts in NEGATIVE.items() for t in texts])
def test_silent(code: str, text: str) -> None:
    assert not findings(text, code), [f.message for f in findings(text, code)]


def test_total_message_shows_the_arithmetic_and_points_at_every_part() -> None:
    [finding] = findings("The council will spend £142m on services. Of this amount, £92m goes to schools, £38m to "
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
