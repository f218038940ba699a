"""The prose the generator writes from: headlines, filler, and claim sentence templates.

Filler and topic sentences carry no claims: no digits, no ordinals, no spans of
years, no dates, no titled names. Claim templates are `str.format` strings; a
sentence's first letter is capitalised after formatting.
"""

from __future__ import annotations

# --- headlines and topic sentences (countries named, nothing claimed) -------

HEADLINES = {
    "korea": [
        "U.S. and South Korea pledge stronger deterrence",
        "Seoul and Washington deepen defense ties",
        "Allies weigh response to North Korean threats",
        "South Korean and American defense chiefs hold talks",
        "U.S., South Korea review joint exercises",
    ],
    "japan": [
        "Japan and U.S. agree to deepen security cooperation",
        "Tokyo and Washington look to upgrade defense ties",
        "U.S. and Japan vow to stand together in the Indo-Pacific",
        "Japanese and American officials discuss command reform",
    ],
    "nato": [
        "NATO allies weigh higher defense spending",
        "NATO leaders discuss the eastern flank",
        "Allies debate long-term support for Ukraine",
        "NATO members seek faster ammunition production",
    ],
    "anzus": [
        "Australia, New Zealand and U.S. discuss Pacific security",
        "Pacific partners pledge closer cooperation",
        "Canberra, Wellington and Washington review regional ties",
    ],
    "philippines": [
        "Philippines and U.S. step up maritime cooperation",
        "Manila and Washington discuss the South China Sea",
        "U.S. and Philippine officials plan joint patrols",
    ],
}

TOPIC_SENTENCES = {
    "korea": [
        "Officials from the United States and South Korea met to discuss deterrence against North Korea.",
        "Washington and Seoul have pledged to strengthen their defense cooperation as threats from Pyongyang grow.",
        "South Korea and the United States are reviewing how to coordinate their response to missile launches.",
        "Seoul and Washington discussed extended deterrence and the scale of joint drills.",
    ],
    "japan": [
        "Japan and the United States are working to deepen security cooperation in the Indo-Pacific.",
        "Tokyo and Washington discussed command arrangements and defense industrial cooperation.",
        "The United States and Japan pledged to stand together in the face of regional pressure.",
        "Officials in Tokyo said cooperation with Washington covers space, cyber and missile defense.",
    ],
    "nato": [
        "NATO allies discussed defense spending and support for Ukraine.",
        "Leaders from across NATO gathered to discuss deterrence on the eastern flank.",
        "Defense officials from NATO countries met in Brussels to discuss ammunition production.",
        "NATO members agreed to review their plans for air and missile defense.",
    ],
    "anzus": [
        "Australia, New Zealand and the United States discussed security in the Pacific.",
        "Canberra, Wellington and Washington pledged closer cooperation on maritime security.",
        "Officials from Australia, New Zealand and the United States reviewed disaster relief plans for the Pacific.",
    ],
    "philippines": [
        "The Philippines and the United States pledged to deepen their security cooperation in the South China Sea.",
        "Manila and Washington discussed joint patrols and disaster relief.",
        "Officials from the Philippines and the United States met to discuss maritime security.",
    ],
}

# --- filler: an optional opener and a neutral clause ------------------------

FILLER_OPENERS = [
    "Analysts said",
    "Observers noted that",
    "According to people familiar with the matter,",
    "Local reporters said",
    "Officials added that",
    "Critics argued that",
    "Economists said",
    "A spokesperson said",
    "Residents said",
    "Commentators pointed out that",
]

FILLER_CLAUSES = [
    # diplomacy
    "diplomats spent much of the afternoon refining the wording of a joint statement",
    "the talks covered regional security, supply chains and cooperation on cyber threats",
    "negotiators described the atmosphere in the room as frank but constructive",
    "a joint statement released after the talks called for restraint and dialogue",
    "the visiting delegation also met lawmakers and business leaders during the trip",
    "both delegations agreed to keep channels of communication open at every level",
    "the foreign ministry said consultations would continue through working-level channels",
    "the envoys exchanged views on maritime security and freedom of navigation",
    "a government spokesperson declined to comment on the details of the discussions",
    # economy
    "markets reacted calmly, with regional stock indexes closing slightly higher",
    "the central bank left its benchmark interest rate unchanged, citing easing price pressures",
    "exporters have complained that a strong currency is squeezing their margins",
    "household spending is likely to recover slowly as borrowing costs ease",
    "shipping companies reported steady demand on the major trade routes",
    "manufacturers said orders for semiconductors and batteries remained robust",
    "the finance ministry is preparing extra spending to support small businesses",
    "retail sales were flat as consumers remained cautious about rising living costs",
    "energy prices have fallen from their peaks, giving some relief to importers",
    # weather
    "heavy rain is forecast for the coastal regions, and residents have been urged to stay alert",
    "a heat advisory remained in effect across much of the capital region",
    "forecasters warned that strong winds could disrupt ferry services along the coast",
    "farmers said a long dry spell had delayed planting in the southern provinces",
    "the weather agency said the rainy season could end sooner than usual",
    "snow blanketed mountain areas overnight, closing a number of highways",
    "air quality improved after a spell of fine dust that had kept many people indoors",
    "emergency crews were on standby in case the rivers burst their banks",
    # sport
    "the national football team secured a narrow win in a qualifier played before a packed stadium",
    "the baseball season drew record crowds, according to league organizers",
    "a young swimmer broke a national record at the championships",
    "fans lined the streets to welcome home the victorious cycling team",
    "the marathon attracted runners from across the region despite the humid conditions",
    "the league announced new rules aimed at shortening the length of games",
    "tickets for the tennis tournament sold out within hours",
    "the basketball final went to overtime before the home side prevailed",
    # culture
    "a retrospective of modern painting opened at the national museum to strong reviews",
    "the film festival closed with an award for a debut feature about family life",
    "publishers reported growing interest in translated fiction",
    "a new concert hall is nearing completion on the riverfront",
    "the city's night market has become a popular stop for tourists",
    "a traditional music ensemble performed to a sold-out audience",
    "historians gathered to discuss the preservation of wartime archives",
    "a popular television drama has sparked debate about long working hours",
    # technology
    "researchers unveiled a prototype battery that charges faster and lasts longer",
    "the telecommunications regulator opened a consultation on spectrum auctions",
    "startups in the sector have attracted strong interest from foreign investors",
    "a data breach at an online retailer has prompted calls for stricter privacy rules",
    "the space agency said its latest satellite was performing as planned",
    "universities are expanding courses in artificial intelligence and robotics",
    "engineers are testing driverless buses on a short route in the city center",
    "the government launched a program to train workers in digital skills",
    # society
    "hospitals reported fewer seasonal flu cases than forecast",
    "the health ministry urged older residents to get vaccinated before winter",
    "volunteers distributed food and blankets to people in need",
    "local authorities are expanding childcare services to support working parents",
    "a survey found that most young people are worried about housing costs",
    "public transport use has continued to recover since the pandemic",
    "the education ministry is reviewing the national curriculum",
    "a new bridge has cut travel times between the port and the industrial zone",
    "commuters faced delays after a signal failure on a busy rail line",
    # security, without claims
    "officials stressed that deterrence and diplomacy must go hand in hand",
    "defense analysts said closer coordination would make joint drills more effective",
    "the coast guard stepped up patrols near disputed waters",
    "military planners are studying how to respond to drones and cyberattacks",
    "the talks also touched on export controls for sensitive technologies",
    "officials agreed to deepen intelligence sharing on missile launches",
    "lawmakers called for greater transparency in defense spending",
    "the drills involved naval vessels, aircraft and ground units",
    "experts cautioned that the security environment remains volatile",
    "the defense ministry said readiness would remain high \u2014 a message aimed at deterring provocations",
    # more of the same, so that long articles need not repeat a sentence
    "the opposition accused the government of moving too slowly on pension reform",
    "a court ruling on labor rules is being closely watched by employers",
    "the port authority said container traffic had picked up after a quiet spell",
    "tourism operators are hoping for a busy holiday season as flight routes reopen",
    "construction of a high-speed rail link is running behind schedule",
    "the stock exchange introduced measures to discourage short-term speculation",
    "a drought has lowered water levels in reservoirs that supply the capital",
    "wildfire crews contained a blaze that had threatened villages in the hills",
    "forecasters said a typhoon was likely to weaken before reaching land",
    "an unseasonal cold snap damaged fruit orchards in the north",
    "the women's volleyball team advanced to the final after a hard-fought match",
    "a local club won the cup after a dramatic penalty shootout",
    "organizers said the city would bid to host a major athletics championship",
    "a celebrated novelist returned with a book about life in a fishing village",
    "the national theater announced a season of new plays by young writers",
    "museum attendance has risen as schools resume field trips",
    "the regulator fined a mobile carrier over misleading advertising",
    "a chipmaker announced plans to build a research center near the capital",
    "cybersecurity firms reported a rise in phishing attacks on small companies",
    "electric vehicle sales continued to climb as charging networks expanded",
    "nurses staged a brief protest over staffing levels at public hospitals",
    "the city council approved a plan to plant trees along major roads",
    "rents in the capital have risen faster than wages, a housing group said",
    "the government pledged to cut red tape for companies hiring young workers",
    "airlines added flights on regional routes to meet rising demand",
    "police said traffic accidents had fallen after speed cameras were installed",
    "environmental groups urged faster progress on cutting coal use",
    "the navy held a ceremony to commission a new patrol vessel",
    "officials said humanitarian aid would continue to flow to affected areas",
    "think tank researchers called for a clearer strategy on economic security",
    "a parliamentary committee questioned officials over procurement delays",
    "the talks ended with an agreement to hold further consultations",
]

# --- claim templates ---------------------------------------------------------
# Fields: name (names the alliance), adj ("U.S.-Japan " or "" for the bare
# form), signers, treaty, treaty_bare, nth ("70th"), n, decades ("seven"),
# r (a round age), year, when, q ("some 28,500"), host, title, person, remark.

ANNIVERSARY_EXACT = [
    "This year marks the {nth} anniversary of {name}.",
    "{name} celebrates its {nth} anniversary this year.",
    "This year marks {n} years since {signers} signed {treaty}.",
    "Officials are marking the {nth} anniversary of {name} this year.",
    "Events this year mark the {nth} anniversary of {name}.",
]

ANNIVERSARY_DECADES = [
    "Officials praised the {decades}-decade-long {adj}alliance.",
    "{name}, formed {decades} decades ago, remains a pillar of regional security.",
    "{name} has underpinned stability in the region for {decades} decades.",
]

ANNIVERSARY_ROUND_AGE = [
    "Both sides pledged to modernize the {r}-year-old {adj}alliance.",
    "Analysts said the {r}-year-old {adj}alliance faces new tests.",
]

# NATO's anniversary summit, written only in its anniversary year.
NATO_SUMMIT_PAST = ["Leaders met in Washington for NATO's {nth} anniversary summit."]
NATO_SUMMIT_FUTURE = ["Leaders will meet in Washington for NATO's {nth} anniversary summit."]

TREATY_YEAR = [
    "{signers} signed {treaty} in {year}.",
    "{treaty}, signed in {year}, remains the legal foundation of {name}.",
    "{name} was founded in {year} when {treaty} was signed.",
    "{name} dates back to {year}, when {treaty} was signed.",
    "Under the {year} {treaty_bare}, {signers} pledged to come to each other's defense.",
]

MEETING_PAST = {
    "scm": [
        "{when}, the two defense chiefs met for the {nth} Security Consultative Meeting.",
        "The {nth} Security Consultative Meeting (SCM) was held {when}.",
        "The defense chiefs of the two countries held the {nth} SCM {when}.",
    ],
    "g7": [
        "{when}, leaders gathered for the {nth} G7 summit.",
        "The {nth} Group of Seven summit opened {when}.",
        "The {nth} G7 summit was held {when}.",
    ],
    "asean-summit": [
        "The {nth} ASEAN Summit opened {when}.",
        "{when}, regional leaders attended the {nth} ASEAN Summit.",
    ],
}

MEETING_FUTURE = {
    "scm": [
        "The {nth} Security Consultative Meeting will be held {when}.",
        "{when}, the two defense chiefs will meet for the {nth} SCM.",
    ],
    "g7": [
        "The {nth} G7 summit will be held {when}.",
        "{when}, leaders will gather for the {nth} G7 summit.",
    ],
    "asean-summit": [
        "The {nth} ASEAN Summit will open {when}.",
        "{when}, regional leaders will attend the {nth} ASEAN Summit.",
    ],
}

TROOP_COUNT = [
    "The United States keeps {q} troops stationed in {host}.",
    "There are {q} U.S. troops stationed in {host}.",
    "{host} hosts {q} U.S. military personnel.",
    "Washington has {q} American troops in {host}.",
    "The presence of {q} U.S. service members in {host} is central to deterrence.",
]

# `when` is "" or " on Tuesday"; templates without {when} are used only when it is "".
OFFICE_HOLDER = [
    "{title} {person} said{when} that {remark}.",
    "Speaking to reporters{when}, {title} {person} stressed that {remark}.",
    "{title} {person} held talks with visiting officials{when}.",
]
OFFICE_HOLDER_UNDATED = [
    "{title} {person} is expected to attend the talks.",
    "The talks were welcomed by {title} {person}.",
]
OFFICE_REMARKS = [
    "deterrence against regional threats remains a priority",
    "cooperation among partners has never been closer",
    "both sides would deepen information sharing",
    "the partnership must adapt to new challenges",
    "allies would continue to coordinate closely",
]

# Approximation words for troop counts, by how the written number relates to the true one.
APPROX_SAME = ["some", "about", "around", "roughly", "approximately", "", "more than"]
APPROX_BELOW = ["more than", "over", "about", "some"]
APPROX_ABOVE = ["nearly", "almost", "about", "around"]
APPROX_FALSE = ["some", "about", "around", ""]

DECADE_WORDS = {6: "six", 7: "seven", 8: "eight"}
