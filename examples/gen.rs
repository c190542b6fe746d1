//! Deterministic corpus generator for benchmarks: writes N native records (JSON Lines)
//! with the shape of a national knowledge base — people with Hindi and English names
//! and real spelling variants, parties, offices with tenures, elections with
//! candidacies, summaries mixing both languages.
//!
//! ```sh
//! cargo run --release --example gen -- 100000 > corpus-100k.jsonl
//! cargo run --release --example gen -- 1000000 --seed 7 > corpus-1m.jsonl
//! ```
//!
//! The same N and seed always give the same file, and 1k, 100k and 1M have the same
//! proportions of each kind. The generator uses its own small PRNG (SplitMix64) so the
//! output does not change when a dependency's algorithm does.

use serde_json::json;
use std::io::{BufWriter, Write};

/// SplitMix64: tiny, fast, and stable forever (unlike a library's default RNG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Given names: English, Hindi, and a common variant spelling.
const GIVEN: &[(&str, &str, &str)] = &[
    ("Alok", "आलोक", "Aalok"),
    ("Akhilesh", "अखिलेश", "Akhilesh"),
    ("Ramji", "रामजी", "Ramjee"),
    ("Sanjay", "संजय", "Sanjai"),
    ("Jaya", "जया", "Jaya"),
    ("Mayawati", "मायावती", "Mayavati"),
    ("Lakshmi", "लक्ष्मी", "Laxmi"),
    ("Narendra", "नरेन्द्र", "Narender"),
    ("Rahul", "राहुल", "Rahul"),
    ("Mulayam", "मुलायम", "Mulaym"),
    ("Sunita", "सुनीता", "Sunita"),
    ("Rajesh", "राजेश", "Rajesh"),
    ("Anil", "अनिल", "Aneel"),
    ("Pooja", "पूजा", "Puja"),
    ("Deepak", "दीपक", "Dipak"),
    ("Vinod", "विनोद", "Vinod"),
    ("Kavita", "कविता", "Kavitha"),
    ("Suresh", "सुरेश", "Suresh"),
    ("Geeta", "गीता", "Gita"),
    ("Mohan", "मोहन", "Mohan"),
    ("Shivraj", "शिवराज", "Shivraj"),
    ("Priyanka", "प्रियंका", "Priyanka"),
    ("Ashok", "अशोक", "Asok"),
    ("Rekha", "रेखा", "Rekha"),
    ("Vijay", "विजय", "Vijai"),
    ("Neelam", "नीलम", "Nilam"),
    ("Yogesh", "योगेश", "Yogesh"),
    ("Manoj", "मनोज", "Manoj"),
    ("Savitri", "सावित्री", "Savitri"),
    ("Harish", "हरीश", "Hareesh"),
    ("Ramesh", "रमेश", "Ramesh"),
    ("Usha", "उषा", "Usha"),
    ("Prakash", "प्रकाश", "Parkash"),
];
/// Surnames: English, Hindi, variant.
const SURNAMES: &[(&str, &str, &str)] = &[
    ("Ranjan", "रंजन", "Ranjan"),
    ("Yadav", "यादव", "Yaadav"),
    ("Suman", "सुमन", "Suman"),
    ("Seth", "सेठ", "Sethi"),
    ("Bachchan", "बच्चन", "Bachan"),
    ("Gandhi", "गांधी", "Gandhi"),
    ("Modi", "मोदी", "Modi"),
    ("Singh", "सिंह", "Sinh"),
    ("Sharma", "शर्मा", "Sarma"),
    ("Verma", "वर्मा", "Varma"),
    ("Gupta", "गुप्ता", "Gupt"),
    ("Mishra", "मिश्रा", "Misra"),
    ("Tiwari", "तिवारी", "Tewari"),
    ("Chauhan", "चौहान", "Chouhan"),
    ("Patel", "पटेल", "Patil"),
    ("Kumar", "कुमार", "Kumaar"),
    ("Prasad", "प्रसाद", "Prashad"),
    ("Pandey", "पांडेय", "Pande"),
    ("Maurya", "मौर्य", "Mourya"),
    ("Rawat", "रावत", "Rawat"),
    ("Thakur", "ठाकुर", "Thakkar"),
    ("Chaudhary", "चौधरी", "Choudhary"),
    ("Dubey", "दुबे", "Dube"),
    ("Jain", "जैन", "Jain"),
];
const STATES: &[(&str, &str)] = &[
    ("Uttar Pradesh", "उत्तर प्रदेश"),
    ("Bihar", "बिहार"),
    ("Madhya Pradesh", "मध्य प्रदेश"),
    ("Rajasthan", "राजस्थान"),
    ("Maharashtra", "महाराष्ट्र"),
    ("Haryana", "हरियाणा"),
    ("Jharkhand", "झारखंड"),
    ("Delhi", "दिल्ली"),
    ("Uttarakhand", "उत्तराखंड"),
    ("Gujarat", "गुजरात"),
];
const PARTIES: &[(&str, &str, &str, &str)] = &[
    ("samajwadi-party", "Samajwadi Party", "समाजवादी पार्टी", "SP"),
    (
        "bharatiya-janata-party",
        "Bharatiya Janata Party",
        "भारतीय जनता पार्टी",
        "BJP",
    ),
    (
        "indian-national-congress",
        "Indian National Congress",
        "भारतीय राष्ट्रीय कांग्रेस",
        "INC",
    ),
    (
        "bahujan-samaj-party",
        "Bahujan Samaj Party",
        "बहुजन समाज पार्टी",
        "BSP",
    ),
    (
        "rashtriya-janata-dal",
        "Rashtriya Janata Dal",
        "राष्ट्रीय जनता दल",
        "RJD",
    ),
    ("aam-aadmi-party", "Aam Aadmi Party", "आम आदमी पार्टी", "AAP"),
];
const POSTS: &[(&str, &str)] = &[
    ("Chief Secretary", "मुख्य सचिव"),
    ("Chief Minister", "मुख्यमंत्री"),
    ("Minister of Finance", "वित्त मंत्री"),
    ("District Magistrate", "जिलाधिकारी"),
    ("Member of Legislative Assembly", "विधायक"),
    ("Minister of Health", "स्वास्थ्य मंत्री"),
    ("Speaker", "विधानसभा अध्यक्ष"),
];

struct Out<W: Write> {
    w: W,
    written: usize,
}

impl<W: Write> Out<W> {
    fn put(&mut self, v: serde_json::Value) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.w, &v)?;
        self.w.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut rng = Rng(seed);
    let mut out = Out {
        w: BufWriter::new(std::io::stdout().lock()),
        written: 0,
    };

    out.put(json!({"type":"source","id":"src-synthetic","title":"Synthetic benchmark corpus","language":"en"}))?;
    for (id, en, hi, abbr) in PARTIES {
        out.put(json!({"type":"organization","id":id,"name":{"en":en,"hi":hi},"aliases":[abbr],"classification":"party"}))?;
    }
    // Shares of the N records: persons 40 %, tenures 20 %, memberships 15 %,
    // candidacies 22 %, offices 1.5 %, elections 1.5 %.
    let offices = (n * 15 / 1000).max(1);
    let elections = (n * 15 / 1000).max(1);
    let persons = (n * 40 / 100).max(1);
    for i in 0..offices {
        let (post_en, post_hi) = rng.pick(POSTS);
        let (st_en, st_hi) = rng.pick(STATES);
        out.put(json!({"type":"office","id":format!("office-{i}"),
            "name":{"en":format!("{post_en} of {st_en}"),"hi":format!("{st_hi} के {post_hi}")}}))?;
    }
    for i in 0..elections {
        let (st_en, st_hi) = rng.pick(STATES);
        let year = 1952 + rng.below(73) as u32;
        out.put(json!({"type":"election","id":format!("election-{i}"),
            "name":{"en":format!("{year} {st_en} Vidhan Sabha election"),"hi":format!("{st_hi} विधानसभा चुनाव {year}")},
            "area":{"en":st_en,"hi":st_hi},"date":format!("{year}"),"seats":1 + rng.below(400),"system":"fptp"}))?;
    }
    for i in 0..persons {
        let (g_en, g_hi, g_var) = rng.pick(GIVEN);
        let (s_en, s_hi, s_var) = rng.pick(SURNAMES);
        let (st_en, st_hi) = rng.pick(STATES);
        let (_, p_en, p_hi, _) = rng.pick(PARTIES);
        let year = 1940 + rng.below(60);
        let mut person = json!({"type":"person","id":format!("person-{i}"),
            "name":{"en":format!("{g_en} {s_en}"),"hi":format!("{g_hi} {s_hi}")},
            "home_state":{"en":st_en,"hi":st_hi},
            "birth_date":format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
            "summary":{"en":format!("{g_en} {s_en} is a {p_en} politician from {st_en}."),
                       "hi":format!("{g_hi} {s_hi} {st_hi} से {p_hi} के नेता हैं।")},
            "sources":["src-synthetic"]});
        if rng.chance(30) {
            person["aliases"] = json!([format!("{g_var} {s_var}")]);
        }
        if rng.chance(5) {
            person["services"] = json!([{"service":"IAS","batch":1960 + rng.below(60),"cadre":{"en":st_en,"hi":st_hi}}]);
        }
        out.put(person)?;
    }
    let mut fact = 0usize;
    while out.written < n {
        let person = rng.below(persons);
        let roll = rng.below(57);
        fact += 1;
        if roll < 20 {
            let start = 1960 + rng.below(60);
            let mut t = json!({"type":"tenure","id":format!("tenure-{fact}"),"person":format!("person-{person}"),
                "office":format!("office-{}", rng.below(offices)),"start":format!("{start}")});
            if rng.chance(80) {
                t["end"] = json!(format!("{}", start + 1 + rng.below(6)));
            }
            out.put(t)?;
        } else if roll < 35 {
            let (p_id, ..) = rng.pick(PARTIES);
            out.put(json!({"type":"membership","id":format!("membership-{fact}"),"person":format!("person-{person}"),
                "organization":p_id}))?;
        } else {
            let (p_id, ..) = rng.pick(PARTIES);
            let won = rng.chance(30);
            out.put(json!({"type":"candidacy","id":format!("candidacy-{fact}"),"person":format!("person-{person}"),
                "election":format!("election-{}", rng.below(elections)),"party":p_id,
                "votes":rng.below(200_000),"result":if won {"won"} else {"lost"}}))?;
        }
    }
    out.w.flush()
}
