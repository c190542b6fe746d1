#!/usr/bin/env python3
"""Writes data/seed.jsonl, the curated seed dataset, from the facts below.

The article text is read from ../shared/seed/ when present and embedded in the
source record, so the report itself is searchable. Run from the repository root:
    python3 data/make_seed.py
"""
import json, pathlib

ART = "src-article-rajya-sabha-2024-up"
UP = {"en": "Uttar Pradesh", "hi": "उत्तर प्रदेश"}
root = pathlib.Path(__file__).resolve().parent.parent
article = root.parent / "shared/seed/article-rajya-sabha-2024-up.hi.txt"
text = article.read_text(encoding="utf-8").strip() if article.exists() else None
old = root / "data/seed.jsonl"
if text is None and old.exists():
    for line in old.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("id") == ART:
            text = r.get("text")

records = [
    {"type": "source", "id": ART,
     "title": "UP News: राज्यसभा चुनाव में मिली हार पर आलोक रंजन ने तोड़ी चुप्पी, अखिलेश यादव का जताया आभार",
     "date": "2024", "as_of": "2024", "language": "hi", "text": text},
    {"type": "organization", "id": "samajwadi-party",
     "name": {"en": "Samajwadi Party", "hi": "समाजवादी पार्टी"},
     "aliases": ["SP", "सपा", "Samajvadi Party"], "classification": "party",
     "summary": {"en": "A political party based in Uttar Pradesh; Akhilesh Yadav is its national president.",
                 "hi": "उत्तर प्रदेश में आधारित राजनीतिक दल; अखिलेश यादव इसके राष्ट्रीय अध्यक्ष हैं।"},
     "sources": [ART]},
    {"type": "organization", "id": "bharatiya-janata-party",
     "name": {"en": "Bharatiya Janata Party", "hi": "भारतीय जनता पार्टी"},
     "aliases": ["BJP", "भाजपा", "बीजेपी"], "classification": "party",
     "summary": {"en": "A national political party; it won 8 of the 10 Rajya Sabha seats of Uttar Pradesh in 2024.",
                 "hi": "राष्ट्रीय राजनीतिक दल; 2024 में उत्तर प्रदेश की 10 में से 8 राज्यसभा सीटें जीतीं।"},
     "sources": [ART]},
    {"type": "organization", "id": "rajya-sabha",
     "name": {"en": "Rajya Sabha", "hi": "राज्यसभा"},
     "aliases": ["Council of States", "राज्य सभा"], "classification": "legislature",
     "summary": {"en": "The upper house of the Parliament of India, elected by the members of the state legislative assemblies.",
                 "hi": "भारत की संसद का उच्च सदन, जिसके सदस्य राज्यों की विधानसभाओं के सदस्य चुनते हैं।"}},
    {"type": "organization", "id": "government-of-uttar-pradesh",
     "name": {"en": "Government of Uttar Pradesh", "hi": "उत्तर प्रदेश सरकार"},
     "aliases": ["UP government", "यूपी सरकार"], "classification": "government", "state": UP},
    {"type": "organization", "id": "indian-administrative-service",
     "name": {"en": "Indian Administrative Service", "hi": "भारतीय प्रशासनिक सेवा"},
     "aliases": ["IAS", "आईएएस"], "classification": "service"},
    {"type": "office", "id": "chief-secretary-uttar-pradesh",
     "name": {"en": "Chief Secretary of Uttar Pradesh", "hi": "उत्तर प्रदेश के मुख्य सचिव"},
     "aliases": ["UP chief secretary", "मुख्य सचिव"], "organization": "government-of-uttar-pradesh",
     "summary": {"en": "The senior-most civil servant of the state government.",
                 "hi": "राज्य सरकार के सबसे वरिष्ठ प्रशासनिक अधिकारी।"}},
    {"type": "office", "id": "chief-advisor-to-chief-minister-uttar-pradesh",
     "name": {"en": "Chief Advisor to the Chief Minister of Uttar Pradesh",
              "hi": "उत्तर प्रदेश के मुख्यमंत्री के मुख्य सलाहकार"},
     "aliases": ["chief adviser to the CM", "चीफ एडवाइजर"], "organization": "government-of-uttar-pradesh"},
    {"type": "office", "id": "chief-minister-uttar-pradesh",
     "name": {"en": "Chief Minister of Uttar Pradesh", "hi": "उत्तर प्रदेश के मुख्यमंत्री"},
     "aliases": ["UP CM", "मुख्यमंत्री"], "organization": "government-of-uttar-pradesh"},
    {"type": "office", "id": "national-president-samajwadi-party",
     "name": {"en": "National President, Samajwadi Party", "hi": "समाजवादी पार्टी के राष्ट्रीय अध्यक्ष"},
     "aliases": ["SP chief", "सपा अध्यक्ष"], "organization": "samajwadi-party"},
    {"type": "office", "id": "member-rajya-sabha",
     "name": {"en": "Member of Rajya Sabha", "hi": "राज्यसभा सदस्य"},
     "aliases": ["Rajya Sabha MP", "राज्यसभा सांसद"], "organization": "rajya-sabha"},
    {"type": "election", "id": "rajya-sabha-2024-uttar-pradesh",
     "name": {"en": "2024 Rajya Sabha election in Uttar Pradesh", "hi": "उत्तर प्रदेश राज्यसभा चुनाव 2024"},
     "aliases": ["Rajya Sabha Elections 2024 UP", "राज्य सभा चुनाव 2024 उत्तर प्रदेश"],
     "body": "rajya-sabha", "area": UP, "date": "2024-02-27", "seats": 10, "indirect": True, "system": "stv",
     "summary": {"en": "The members of the Uttar Pradesh Legislative Assembly elected 10 members of the Rajya Sabha. "
                       "The BJP won 8 seats and the Samajwadi Party 2. Cross-voting by SP MLAs cost the SP its third "
                       "candidate, Alok Ranjan, who got 19 first-preference votes against 29 for the BJP's eighth "
                       "candidate, Sanjay Seth.",
                 "hi": "उत्तर प्रदेश विधानसभा के सदस्यों ने राज्यसभा की 10 सीटों के लिए मतदान किया। भाजपा ने 8 और "
                       "समाजवादी पार्टी ने 2 सीटें जीतीं। सपा विधायकों की क्रॉस वोटिंग के कारण सपा के तीसरे उम्मीदवार "
                       "आलोक रंजन को प्रथम वरीयता के 19 वोट मिले और वे हार गए, जबकि भाजपा के आठवें उम्मीदवार संजय सेठ "
                       "29 वोट पाकर जीते।"},
     "sources": [ART]},
    {"type": "person", "id": "alok-ranjan",
     "name": {"en": "Alok Ranjan", "hi": "आलोक रंजन"}, "gender": "male",
     "home_district": {"en": "Unnao", "hi": "उन्नाव"}, "home_state": UP,
     "services": [{"service": "IAS", "batch": 1978, "cadre": UP}],
     "summary": {"en": "1978-batch IAS officer from Unnao district; chief secretary of Uttar Pradesh for two years, "
                       "then chief advisor to chief minister Akhilesh Yadav in the Samajwadi Party government. "
                       "The SP's third candidate in the 2024 Rajya Sabha election in Uttar Pradesh, he lost with "
                       "19 first-preference votes after cross-voting by SP MLAs.",
                 "hi": "उन्नाव जिले के 1978 बैच के आईएएस अधिकारी; दो साल तक उत्तर प्रदेश के मुख्य सचिव रहे, फिर सपा "
                       "सरकार में मुख्यमंत्री अखिलेश यादव के चीफ एडवाइजर बनाए गए। 2024 के राज्यसभा चुनाव में सपा के "
                       "तीसरे उम्मीदवार थे और सपा विधायकों की क्रॉस वोटिंग के बाद प्रथम वरीयता के 19 वोट पाकर हार गए।"},
     "identifiers": {"tcpd_ias": "UP042600"}, "sources": [ART]},
    {"type": "person", "id": "sanjay-seth",
     "name": {"en": "Sanjay Seth", "hi": "संजय सेठ"}, "gender": "male", "home_state": UP,
     "summary": {"en": "The BJP's eighth candidate in the 2024 Rajya Sabha election in Uttar Pradesh; won with 29 first-preference votes.",
                 "hi": "2024 के उत्तर प्रदेश राज्यसभा चुनाव में भाजपा के आठवें उम्मीदवार; प्रथम वरीयता के 29 वोट पाकर जीते।"},
     "sources": [ART]},
    {"type": "person", "id": "jaya-bachchan",
     "name": {"en": "Jaya Bachchan", "hi": "जया बच्चन"}, "gender": "female",
     "summary": {"en": "Samajwadi Party candidate who won a Rajya Sabha seat from Uttar Pradesh in 2024.",
                 "hi": "समाजवादी पार्टी की उम्मीदवार, जिन्होंने 2024 में उत्तर प्रदेश से राज्यसभा सीट जीती।"},
     "sources": [ART]},
    {"type": "person", "id": "ramji-lal-suman",
     "name": {"en": "Ramji Lal Suman", "hi": "रामजीलाल सुमन"}, "gender": "male",
     "aliases": ["Ramjilal Suman", "रामजी लाल सुमन"],
     "summary": {"en": "Samajwadi Party candidate who won a Rajya Sabha seat from Uttar Pradesh in 2024.",
                 "hi": "समाजवादी पार्टी के उम्मीदवार, जिन्होंने 2024 में उत्तर प्रदेश से राज्यसभा सीट जीती।"},
     "identifiers": {"tcpd_pid": "GEUP11692"}, "sources": [ART]},
    {"type": "person", "id": "akhilesh-yadav",
     "name": {"en": "Akhilesh Yadav", "hi": "अखिलेश यादव"}, "gender": "male", "home_state": UP,
     "summary": {"en": "National president of the Samajwadi Party; chief minister of Uttar Pradesh from 2012 to 2017.",
                 "hi": "समाजवादी पार्टी के राष्ट्रीय अध्यक्ष; 2012 से 2017 तक उत्तर प्रदेश के मुख्यमंत्री रहे।"},
     "sources": [ART]},
    {"type": "tenure", "person": "alok-ranjan", "office": "chief-secretary-uttar-pradesh",
     "start": "2014-06", "end": "2016-06",
     "note": {"en": "Two years, as the report says; the public record gives June 2014 as the start.",
              "hi": "दो साल तक, जैसा रिपोर्ट में है।"}, "sources": [ART]},
    {"type": "tenure", "person": "alok-ranjan", "office": "chief-advisor-to-chief-minister-uttar-pradesh",
     "start": "2016-07", "end": "2017-03",
     "note": {"en": "Chief advisor to Akhilesh Yadav in the SP government, until it left office in March 2017."},
     "sources": [ART]},
    {"type": "tenure", "person": "akhilesh-yadav", "office": "chief-minister-uttar-pradesh",
     "start": "2012-03-15", "end": "2017-03-19"},
    {"type": "tenure", "person": "akhilesh-yadav", "office": "national-president-samajwadi-party",
     "start": "2017-01-01", "sources": [ART]},
    {"type": "tenure", "person": "jaya-bachchan", "office": "member-rajya-sabha", "start": "2024-04",
     "note": {"en": "Term from the 2024 election."}, "sources": [ART]},
    {"type": "tenure", "person": "ramji-lal-suman", "office": "member-rajya-sabha", "start": "2024-04",
     "note": {"en": "Term from the 2024 election."}, "sources": [ART]},
    {"type": "tenure", "person": "sanjay-seth", "office": "member-rajya-sabha", "start": "2024-04",
     "note": {"en": "Term from the 2024 election."}, "sources": [ART]},
    {"type": "membership", "person": "alok-ranjan", "organization": "samajwadi-party", "sources": [ART]},
    {"type": "membership", "person": "akhilesh-yadav", "organization": "samajwadi-party",
     "role": {"en": "National President", "hi": "राष्ट्रीय अध्यक्ष"}, "start": "2017-01-01", "sources": [ART]},
    {"type": "membership", "person": "jaya-bachchan", "organization": "samajwadi-party", "sources": [ART]},
    {"type": "membership", "person": "ramji-lal-suman", "organization": "samajwadi-party", "sources": [ART]},
    {"type": "membership", "person": "sanjay-seth", "organization": "bharatiya-janata-party", "sources": [ART]},
    {"type": "candidacy", "person": "alok-ranjan", "election": "rajya-sabha-2024-uttar-pradesh",
     "party": "samajwadi-party", "constituency": UP, "votes": 19, "result": "lost",
     "note": {"en": "The SP's third candidate; lost after cross-voting by SP MLAs.",
              "hi": "सपा के तीसरे उम्मीदवार; सपा विधायकों की क्रॉस वोटिंग के कारण हारे।"}, "sources": [ART]},
    {"type": "candidacy", "person": "sanjay-seth", "election": "rajya-sabha-2024-uttar-pradesh",
     "party": "bharatiya-janata-party", "constituency": UP, "votes": 29, "result": "won",
     "note": {"en": "The BJP's eighth candidate.", "hi": "भाजपा के आठवें उम्मीदवार।"}, "sources": [ART]},
    {"type": "candidacy", "person": "jaya-bachchan", "election": "rajya-sabha-2024-uttar-pradesh",
     "party": "samajwadi-party", "constituency": UP, "result": "won", "sources": [ART]},
    {"type": "candidacy", "person": "ramji-lal-suman", "election": "rajya-sabha-2024-uttar-pradesh",
     "party": "samajwadi-party", "constituency": UP, "result": "won", "sources": [ART]},
]
with open(root / "data/seed.jsonl", "w", encoding="utf-8") as f:
    for r in records:
        r = {k: v for k, v in r.items() if v is not None}
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"wrote {len(records)} records")
