//! The offices people ask about, in English and Hindi: the union ministries and
//! portfolios (every portfolio name of TCPD's Indian Council of Ministers, with the
//! name its ministry has in Hindi: Home Affairs = गृह, so the Cabinet Minister of Home
//! Affairs is गृह मंत्री), the ranks of a minister, and the posts of government and
//! the legislatures (prime minister, chief minister, governor, speaker, MP = सांसद,
//! MLA = विधायक, MLC, chief secretary, district magistrate…).
//!
//! [`hindi`] names an office in Hindi from its English name when every part of it is
//! in the tables (`Cabinet Minister, Home Affairs` → `गृह मंत्री`; `Chief Minister of
//! Bihar` → `बिहार के मुख्यमंत्री`); the `tcpd-cabinet` importer writes it, and an
//! office record without a Hindi name (or with the half-English one older imports
//! wrote) is shown with it (`model::Office::names`). [`minister_aliases`] are the
//! other names a minister's post answers to (`Home Minister`, `गृहमंत्री`).

use super::key;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A union portfolio: TCPD's English spelling, the Hindi name of its ministry
/// without the word मंत्रालय, other English spellings, and how people name its
/// cabinet minister besides `<hi> मंत्री` and `Minister of <en>`.
#[derive(Debug)]
pub struct Portfolio {
    pub en: &'static str,
    pub hi: &'static str,
    pub spellings: &'static [&'static str],
    pub aliases: &'static [&'static str],
}

const fn p(
    en: &'static str,
    hi: &'static str,
    spellings: &'static [&'static str],
    aliases: &'static [&'static str],
) -> Portfolio {
    Portfolio {
        en,
        hi,
        spellings,
        aliases,
    }
}

/// Every portfolio of `TCPD_Indian_Cabinet_1990_2021.csv`, and a few more people ask
/// about. Spellings differing only in case or punctuation need no entry (`key`).
#[rustfmt::skip]
pub const PORTFOLIOS: &[Portfolio] = &[
    p("Home Affairs", "गृह", &["Home"], &["Home Minister", "Union Home Minister", "गृहमंत्री", "केंद्रीय गृह मंत्री"]),
    p("Finance", "वित्त", &[], &["Finance Minister", "Union Finance Minister", "वित्तमंत्री", "केंद्रीय वित्त मंत्री"]),
    p("Defence", "रक्षा", &["Defense"], &["Defence Minister", "Defense Minister", "रक्षामंत्री", "केंद्रीय रक्षा मंत्री"]),
    p("External Affairs", "विदेश", &["Foreign Affairs"], &["Foreign Minister", "External Affairs Minister", "विदेशमंत्री", "केंद्रीय विदेश मंत्री"]),
    p("Railways", "रेल", &["Railway"], &["Railway Minister", "Railways Minister", "रेलमंत्री", "केंद्रीय रेल मंत्री"]),
    p("Agriculture", "कृषि", &[], &["Agriculture Minister", "कृषिमंत्री"]),
    p("Agriculture and Farmers Welfare", "कृषि और किसान कल्याण", &[], &[]),
    p("Agro and Rural Energies", "कृषि और ग्रामीण ऊर्जा", &[], &[]),
    p("Agro and Rural Industries", "कृषि और ग्रामीण उद्योग", &[], &[]),
    p("AYUSH", "आयुष", &["AAYUSH"], &["AYUSH Minister"]),
    p("Atomic Energy", "परमाणु ऊर्जा", &[], &[]),
    p("Chemicals and Fertilizers", "रसायन और उर्वरक", &["Chemicals and Fertilisers"], &[]),
    p("Civil Aviation", "नागर विमानन", &[], &["Aviation Minister", "Civil Aviation Minister"]),
    p("Civil Aviation and Tourism", "नागर विमानन और पर्यटन", &[], &[]),
    p("Civil Supplies and Public Distribution", "नागरिक आपूर्ति और सार्वजनिक वितरण", &[], &[]),
    p("Civil Supplies, Consumer Affairs, and Public Distribution", "नागरिक आपूर्ति, उपभोक्ता मामले और सार्वजनिक वितरण", &[], &[]),
    p("Coal", "कोयला", &[], &["Coal Minister"]),
    p("Coal and Mines", "कोयला और खान", &[], &[]),
    p("Commerce", "वाणिज्य", &[], &["Commerce Minister"]),
    p("Commerce and Industry", "वाणिज्य और उद्योग", &[], &[]),
    p("Communications", "संचार", &[], &["Communications Minister", "Telecom Minister"]),
    p("Communications and Information Technology", "संचार और सूचना प्रौद्योगिकी", &[], &[]),
    p("Company Affairs", "कंपनी कार्य", &[], &[]),
    p("Consumer Affairs and Public Distribution", "उपभोक्ता मामले और सार्वजनिक वितरण", &[], &[]),
    p("Consumer Affairs, Food and Public Distribution", "उपभोक्ता मामले, खाद्य और सार्वजनिक वितरण", &[], &["Food Minister"]),
    p("Cooperation", "सहकारिता", &[], &[]),
    p("Corporate Affairs", "कॉरपोरेट कार्य", &[], &[]),
    p("Culture", "संस्कृति", &[], &["Culture Minister"]),
    p("Culture, Youth Affairs and Sports", "संस्कृति, युवा कार्यक्रम और खेल", &[], &[]),
    p("Department of Atomic Energy", "परमाणु ऊर्जा विभाग", &[], &[]),
    p("Department of Space", "अंतरिक्ष विभाग", &[], &[]),
    p("Development of North Eastern Region", "पूर्वोत्तर क्षेत्र विकास", &["DoNER"], &[]),
    p("Disinvestment", "विनिवेश", &[], &[]),
    p("Drinking Water and Sanitation", "पेयजल और स्वच्छता", &[], &[]),
    p("Earth Sciences", "पृथ्वी विज्ञान", &[], &[]),
    p("Earth Sciences (ocean development)", "पृथ्वी विज्ञान (महासागर विकास)", &[], &[]),
    p("Education", "शिक्षा", &[], &["Education Minister", "शिक्षामंत्री"]),
    p("Electronics", "इलेक्ट्रॉनिकी", &[], &[]),
    p("Electronics and Information Technology", "इलेक्ट्रॉनिकी और सूचना प्रौद्योगिकी", &[], &["IT Minister"]),
    p("Electronics and Ocean Development", "इलेक्ट्रॉनिकी और महासागर विकास", &[], &[]),
    p("Energy", "ऊर्जा", &[], &["Energy Minister"]),
    p("Environment and Forests", "पर्यावरण और वन", &[], &["Environment Minister"]),
    p("Environment, Forest and Climate Change", "पर्यावरण, वन और जलवायु परिवर्तन", &["Environment, Forests and Climate Change"], &[]),
    p("Finance and Company Affairs", "वित्त और कंपनी कार्य", &[], &[]),
    p("Fisheries, Animal Husbandry and Dairying", "मत्स्यपालन, पशुपालन और डेयरी", &[], &[]),
    p("Food", "खाद्य", &[], &[]),
    p("Food Processing Industries", "खाद्य प्रसंस्करण उद्योग", &[], &[]),
    p("Food Processing Industries, Agriculture", "खाद्य प्रसंस्करण उद्योग, कृषि", &[], &[]),
    p("Food and Civil Supplies", "खाद्य और नागरिक आपूर्ति", &[], &[]),
    p("Food and Consumer Affairs", "खाद्य और उपभोक्ता मामले", &[], &[]),
    p("Health and Family Welfare", "स्वास्थ्य और परिवार कल्याण", &["Health"], &["Health Minister", "स्वास्थ्य मंत्री", "स्वास्थ्यमंत्री"]),
    p("Heavy Industries", "भारी उद्योग", &[], &[]),
    p("Heavy Industries and Public Enterprises", "भारी उद्योग और लोक उद्यम", &[], &[]),
    p("Housing and Urban Affairs", "आवासन और शहरी कार्य", &[], &[]),
    p("Housing and Urban Poverty Alleviation", "आवास और शहरी गरीबी उपशमन", &[], &[]),
    p("Human Resource Development", "मानव संसाधन विकास", &["HRD"], &["HRD Minister", "एचआरडी मंत्री"]),
    p("Industrial Policy and Promotion", "औद्योगिक नीति और संवर्धन", &[], &[]),
    p("Industry", "उद्योग", &[], &["Industry Minister"]),
    p("Information Technology", "सूचना प्रौद्योगिकी", &[], &[]),
    p("Information and Broadcasting", "सूचना और प्रसारण", &["I&B"], &["I&B Minister", "Information Minister"]),
    p("Jal Shakti", "जल शक्ति", &[], &["Jal Shakti Minister"]),
    p("Jammu and Kashmir Affairs", "जम्मू और कश्मीर मामले", &[], &[]),
    p("Labour", "श्रम", &["Labor"], &["Labour Minister"]),
    p("Labour and Employment", "श्रम और रोजगार", &[], &[]),
    p("Law and Justice", "विधि और न्याय", &["Law"], &["Law Minister", "कानून मंत्री", "क़ानून मंत्री"]),
    p("Law, Justice, and Company Affairs", "विधि, न्याय और कंपनी कार्य", &[], &[]),
    p("Micro, Small and Medium Enterprises", "सूक्ष्म, लघु और मध्यम उद्यम", &["MSME"], &[]),
    p("Mines", "खान", &[], &["Mines Minister"]),
    p("Mines and Minerals", "खान और खनिज", &[], &[]),
    p("Minority Affairs", "अल्पसंख्यक कार्य", &[], &[]),
    p("New and Renewable Energy", "नवीन और नवीकरणीय ऊर्जा", &[], &[]),
    p("Non-Conventional Energy Sources", "अपारंपरिक ऊर्जा स्रोत", &[], &[]),
    p("Non-Resident Indian Affairs", "अप्रवासी भारतीय मामले", &[], &[]),
    p("Ocean Development", "महासागर विकास", &[], &[]),
    p("Overseas Indian Affairs", "प्रवासी भारतीय मामले", &[], &[]),
    // Its ministers are "in" the office: प्रधानमंत्री कार्यालय में राज्य मंत्री.
    p("Prime Minister's Office", "प्रधानमंत्री कार्यालय में", &["PMO"], &[]),
    p("Panchayati Raj", "पंचायती राज", &[], &[]),
    p("Parliamentary Affairs", "संसदीय कार्य", &[], &["Parliamentary Affairs Minister"]),
    // TCPD's file spells "Reforms" "ReforMoS" (a replace of "Ms" by "MoS").
    p("Personnel and Training, Pensions, Administrative Reforms and Public Grievances", "कार्मिक, प्रशिक्षण, पेंशन, प्रशासनिक सुधार और लोक शिकायत", &["Personnel and Training, Pensions, Administrative ReforMoS and Public Grievances"], &[]),
    p("Personnel, Personal Grievances, and Pensions", "कार्मिक, लोक शिकायत और पेंशन", &[], &[]),
    p("Personnel, Public Grievances and Pensions", "कार्मिक, लोक शिकायत और पेंशन", &[], &[]),
    p("Petroleum", "पेट्रोलियम", &[], &["Petroleum Minister"]),
    p("Petroleum and Chemicals", "पेट्रोलियम और रसायन", &[], &[]),
    p("Petroleum and Natural Gas", "पेट्रोलियम और प्राकृतिक गैस", &[], &[]),
    p("Planning", "योजना", &[], &[]),
    p("Planning and Programme Implementation", "योजना और कार्यक्रम कार्यान्वयन", &[], &[]),
    p("Ports, Shipping and Waterways", "पत्तन, पोत परिवहन और जलमार्ग", &[], &[]),
    p("Power", "विद्युत", &[], &["Power Minister", "बिजली मंत्री"]),
    p("Power and Non-Conventional Energy Sources", "विद्युत और अपारंपरिक ऊर्जा स्रोत", &[], &[]),
    p("Programme Implementation", "कार्यक्रम कार्यान्वयन", &[], &[]),
    p("Road Transport and Highways", "सड़क परिवहन और राजमार्ग", &[], &["Transport Minister", "Highways Minister"]),
    p("Rural Areas and Employment", "ग्रामीण क्षेत्र और रोजगार", &[], &[]),
    p("Rural Development", "ग्रामीण विकास", &[], &["Rural Development Minister"]),
    p("Science and Technology", "विज्ञान और प्रौद्योगिकी", &[], &[]),
    p("Shipping", "पोत परिवहन", &[], &[]),
    p("Skill Development and Entrepreneurship", "कौशल विकास और उद्यमशीलता", &[], &[]),
    p("Small-Scale Industry", "लघु उद्योग", &["Small Scale Industries"], &[]),
    p("Small-scale industries and Agro and Rural Industries", "लघु उद्योग और कृषि एवं ग्रामीण उद्योग", &[], &[]),
    p("Social Justice and Empowerment", "सामाजिक न्याय और अधिकारिता", &[], &[]),
    p("Space", "अंतरिक्ष", &[], &[]),
    p("Statistics and Programme Implementation", "सांख्यिकी और कार्यक्रम कार्यान्वयन", &[], &[]),
    p("Steel", "इस्पात", &[], &["Steel Minister"]),
    p("Steel and Mines", "इस्पात और खान", &[], &[]),
    p("Surface Transport", "भूतल परिवहन", &[], &[]),
    p("Textiles", "वस्त्र", &[], &["Textiles Minister"]),
    p("Tourism", "पर्यटन", &[], &["Tourism Minister"]),
    p("Tourism and Culture", "पर्यटन और संस्कृति", &[], &[]),
    p("Tribal Affairs", "जनजातीय कार्य", &[], &[]),
    p("Urban Affairs and Development", "शहरी कार्य और विकास", &[], &[]),
    p("Urban Affairs and Employment", "शहरी कार्य और रोजगार", &[], &[]),
    p("Urban Development", "शहरी विकास", &[], &["Urban Development Minister"]),
    p("Urban Development and Poverty Alleviation", "शहरी विकास और गरीबी उपशमन", &[], &[]),
    p("Urban Employment and Poverty Alleviation", "शहरी रोजगार और गरीबी उपशमन", &[], &[]),
    p("Water Resources", "जल संसाधन", &[], &["Water Resources Minister"]),
    p("Water Resources, River Development and Ganga Rejuvenation", "जल संसाधन, नदी विकास और गंगा संरक्षण", &[], &[]),
    p("Welfare", "कल्याण", &[], &[]),
    p("Women and Child Development", "महिला और बाल विकास", &[], &["Women and Child Development Minister"]),
    p("Youth Affairs and Sports", "युवा कार्यक्रम और खेल", &[], &["Sports Minister", "खेल मंत्री", "खेलमंत्री"]),
];

/// The portfolio a name gives, in English (any spelling the table knows, any case)
/// or Hindi (`गृह`).
pub fn portfolio(text: &str) -> Option<&'static Portfolio> {
    static BY_KEY: OnceLock<HashMap<String, &'static Portfolio>> = OnceLock::new();
    BY_KEY
        .get_or_init(|| {
            let mut m = HashMap::new();
            for p in PORTFOLIOS {
                for name in [p.en, p.hi].iter().chain(p.spellings) {
                    m.entry(key(name)).or_insert(p);
                }
            }
            m
        })
        .get(&key(text))
        .copied()
}

/// The rank of a union minister below the prime minister.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinisterRank {
    Cabinet,
    StateIndependent,
    State,
    Deputy,
}

impl MinisterRank {
    const ALL: [MinisterRank; 4] = [
        // The longer "Minister of State (Independent Charge)" before "Minister of State".
        MinisterRank::Cabinet,
        MinisterRank::StateIndependent,
        MinisterRank::State,
        MinisterRank::Deputy,
    ];

    /// The rank as an office name begins with it: `Cabinet Minister`.
    pub fn en(self) -> &'static str {
        match self {
            MinisterRank::Cabinet => "Cabinet Minister",
            MinisterRank::StateIndependent => "Minister of State (Independent Charge)",
            MinisterRank::State => "Minister of State",
            MinisterRank::Deputy => "Deputy Minister",
        }
    }

    pub fn hi(self) -> &'static str {
        match self {
            MinisterRank::Cabinet => "कैबिनेट मंत्री",
            MinisterRank::StateIndependent => "राज्य मंत्री (स्वतंत्र प्रभार)",
            MinisterRank::State => "राज्य मंत्री",
            MinisterRank::Deputy => "उप मंत्री",
        }
    }
}

/// A minister's post in Hindi as newspapers name it: the ministry, then the rank —
/// `गृह मंत्री` (the cabinet minister of Home Affairs), `गृह राज्य मंत्री`, `आयुष राज्य
/// मंत्री (स्वतंत्र प्रभार)`, `रेल उप मंत्री`. `None` for a portfolio not in the table.
pub fn minister_hi(rank: MinisterRank, portfolio_en: &str) -> Option<String> {
    let p = portfolio(portfolio_en)?;
    Some(match rank {
        MinisterRank::Cabinet => format!("{} मंत्री", p.hi),
        MinisterRank::StateIndependent => format!("{} राज्य मंत्री (स्वतंत्र प्रभार)", p.hi),
        MinisterRank::State => format!("{} राज्य मंत्री", p.hi),
        MinisterRank::Deputy => format!("{} उप मंत्री", p.hi),
    })
}

/// The other names a minister's post answers to, beyond `Minister of <portfolio>`
/// (which the importer gives every cabinet post): the rank and the ministry in Hindi
/// (`कैबिनेट मंत्री, गृह मंत्रालय`), and for a cabinet post `<portfolio> Minister` and
/// the table's own (`Home Minister`, `गृहमंत्री`). Empty for a portfolio not in the table.
pub fn minister_aliases(rank: MinisterRank, portfolio_en: &str) -> Vec<String> {
    let Some(p) = portfolio(portfolio_en) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !p.hi.ends_with(" में") {
        out.push(format!("{}, {} मंत्रालय", rank.hi(), p.hi));
    }
    match rank {
        MinisterRank::Cabinet => {
            out.push(format!("{} Minister", p.en));
            out.extend(p.aliases.iter().map(|a| a.to_string()));
        }
        MinisterRank::StateIndependent | MinisterRank::State => {
            out.push(format!("MoS {}", p.en));
        }
        MinisterRank::Deputy => {}
    }
    out.dedup();
    out
}

/// A post of government, a legislature or the civil service: its English and Hindi
/// names and other names (abbreviations, other spellings).
#[derive(Debug)]
pub struct Post {
    pub en: &'static str,
    pub hi: &'static str,
    pub aliases: &'static [&'static str],
}

const fn post_(en: &'static str, hi: &'static str, aliases: &'static [&'static str]) -> Post {
    Post { en, hi, aliases }
}

/// The posts people ask about, longest English name first where one begins another.
#[rustfmt::skip]
pub const POSTS: &[Post] = &[
    post_("Prime Minister", "प्रधानमंत्री", &["PM", "पीएम"]),
    post_("Deputy Prime Minister", "उप प्रधानमंत्री", &["Deputy PM"]),
    post_("Chief Minister", "मुख्यमंत्री", &["CM", "सीएम"]),
    post_("Deputy Chief Minister", "उपमुख्यमंत्री", &["Deputy CM"]),
    post_("President", "राष्ट्रपति", &[]),
    post_("Vice President", "उपराष्ट्रपति", &["Vice-President"]),
    post_("Governor", "राज्यपाल", &[]),
    post_("Lieutenant Governor", "उपराज्यपाल", &["Lt Governor", "LG"]),
    post_("Speaker", "अध्यक्ष", &["स्पीकर"]),
    post_("Deputy Speaker", "उपाध्यक्ष", &["डिप्टी स्पीकर"]),
    post_("Chairman", "सभापति", &[]),
    post_("Leader of the Opposition", "नेता प्रतिपक्ष", &["Leader of Opposition", "LoP", "विपक्ष के नेता"]),
    post_("Member of Parliament", "सांसद", &["MP", "संसद सदस्य"]),
    post_("Member of Lok Sabha", "लोकसभा सदस्य", &["Member of the Lok Sabha", "Lok Sabha MP", "लोकसभा सांसद"]),
    post_("Member of Rajya Sabha", "राज्यसभा सदस्य", &["Member of the Rajya Sabha", "Rajya Sabha MP", "राज्यसभा सांसद"]),
    post_("Member of the Legislative Assembly", "विधायक", &["MLA", "Member of Legislative Assembly", "विधानसभा सदस्य"]),
    post_("Member of the Legislative Council", "विधान परिषद सदस्य", &["MLC", "Member of Legislative Council", "एमएलसी"]),
    post_("Chief Secretary", "मुख्य सचिव", &[]),
    post_("Additional Chief Secretary", "अपर मुख्य सचिव", &[]),
    post_("Principal Secretary", "प्रमुख सचिव", &[]),
    post_("Cabinet Secretary", "कैबिनेट सचिव", &[]),
    post_("Secretary", "सचिव", &[]),
    post_("District Magistrate", "जिलाधिकारी", &["DM", "Collector", "District Collector", "जिला मजिस्ट्रेट", "ज़िलाधिकारी"]),
    post_("Divisional Commissioner", "मंडलायुक्त", &["Commissioner"]),
    post_("Director General of Police", "पुलिस महानिदेशक", &["DGP", "डीजीपी"]),
    post_("Chief Election Commissioner", "मुख्य निर्वाचन आयुक्त", &["CEC", "मुख्य चुनाव आयुक्त"]),
];

/// The post a name gives, in English, Hindi or an abbreviation (`MLA`, `विधायक`).
pub fn post(text: &str) -> Option<&'static Post> {
    static BY_KEY: OnceLock<HashMap<String, &'static Post>> = OnceLock::new();
    BY_KEY
        .get_or_init(|| {
            let mut m = HashMap::new();
            for p in POSTS {
                for name in [p.en, p.hi].iter().chain(p.aliases) {
                    m.entry(key(name)).or_insert(p);
                }
            }
            m
        })
        .get(&key(text))
        .copied()
}

/// A place an office belongs to, in Hindi: a state in any spelling, India, a house.
fn place_hi(text: &str) -> Option<&'static str> {
    let t = text.trim();
    let t = t.strip_prefix("the ").unwrap_or(t);
    match key(t).as_str() {
        "india" => return Some("भारत"),
        "loksabha" => return Some("लोकसभा"),
        "rajyasabha" => return Some("राज्यसभा"),
        _ => {}
    }
    super::states::find(t).map(|s| s.hi)
}

/// The Hindi name of an office named `en` in English, when the tables know every
/// part of it:
/// - a union minister's post as TCPD's importer names it (`Cabinet Minister, Home
///   Affairs` → `गृह मंत्री`; `Minister of State without portfolio` → `राज्य मंत्री
///   (बिना विभाग)`) or as people do (`Minister of Finance` → `वित्त मंत्री`);
/// - a post (`Member of Parliament` → `सांसद`), or a post of a place (`Chief
///   Minister of Bihar` → `बिहार के मुख्यमंत्री`, `Speaker of the Lok Sabha` →
///   `लोकसभा के अध्यक्ष`, `Governor, Kerala` → `केरल के राज्यपाल`).
///
/// `None` otherwise: the office keeps the names its record has.
pub fn hindi(en: &str) -> Option<String> {
    let name = en.trim();
    for rank in MinisterRank::ALL {
        if let Some(rest) = name.strip_prefix(rank.en()) {
            if let Some(portfolio) = rest.strip_prefix(", ") {
                return minister_hi(rank, portfolio);
            }
            if key(rest) == "withoutportfolio" {
                return Some(format!("{} (बिना विभाग)", rank.hi()));
            }
        }
    }
    if let Some(p) = post(name) {
        return Some(p.hi.to_string());
    }
    for sep in [" of ", ", "] {
        if let Some((head, place)) = name.split_once(sep) {
            if let (Some(p), Some(place)) = (post(head), place_hi(place)) {
                return Some(format!("{place} के {}", p.hi));
            }
        }
    }
    let portfolio_name = name
        .strip_prefix("Minister of ")
        .or_else(|| name.strip_prefix("Minister for "))
        .or_else(|| name.strip_prefix("Union Minister of "))?;
    minister_hi(MinisterRank::Cabinet, portfolio_name)
}

/// Whether a Hindi name is only half Hindi (`कैबिनेट मंत्री, Home Affairs`, as
/// imports before the table wrote): it holds Latin letters.
pub fn half_english(hi: &str) -> bool {
    hi.chars().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every portfolio name in TCPD's Indian Council of Ministers file (1990–2021),
    /// as the file spells it.
    #[rustfmt::skip]
    const TCPD_PORTFOLIOS: &[&str] = &[
        "AAYUSH", "AYUSH", "Agriculture", "Agriculture and Farmers Welfare",
        "Agro and Rural Energies", "Agro and Rural Industries", "Atomic Energy",
        "Chemicals and Fertilizers", "Civil Aviation", "Civil Aviation and Tourism",
        "Civil Supplies and Public Distribution",
        "Civil Supplies, Consumer Affairs, and Public Distribution", "Coal", "Coal and Mines",
        "Coal and mines", "Commerce", "Commerce and Industry", "Communications",
        "Communications and Information Technology", "Company Affairs",
        "Consumer Affairs and Public Distribution",
        "Consumer Affairs, Food and Public Distribution", "Cooperation", "Corporate Affairs",
        "Culture", "Culture, Youth Affairs and Sports", "Defence",
        "Department of Atomic Energy", "Department of Space",
        "Development of North Eastern Region", "Disinvestment",
        "Drinking Water and Sanitation", "Earth Sciences", "Earth Sciences (ocean development)",
        "Education", "Electronics", "Electronics and Information Technology",
        "Electronics and Ocean Development", "Energy", "Environment and Forests",
        "Environment, Forest and Climate Change", "Environment, Forests and Climate Change",
        "External Affairs", "Finance", "Finance and Company Affairs",
        "Fisheries, Animal Husbandry and Dairying", "Food", "Food Processing Industries",
        "Food Processing Industries, Agriculture", "Food and Civil Supplies",
        "Food and Consumer Affairs", "Health and Family Welfare", "Heavy Industries",
        "Heavy Industries and Public Enterprises", "Home Affairs", "Housing and Urban Affairs",
        "Housing and Urban Poverty Alleviation", "Human Resource Development",
        "Industrial Policy and Promotion", "Industry", "Information Technology",
        "Information and Broadcasting", "Jal Shakti", "Jammu and Kashmir Affairs", "Labour",
        "Labour and Employment", "Law and Justice", "Law, Justice, and Company Affairs",
        "Micro, Small and Medium Enterprises", "Mines", "Mines and Minerals",
        "Minority Affairs", "New and Renewable Energy", "Non-Conventional Energy Sources",
        "Non-Resident Indian Affairs", "Ocean Development", "Overseas Indian Affairs", "PMO",
        "Panchayati Raj", "Parliamentary Affairs",
        "Personnel and Training, Pensions, Administrative ReforMoS and Public Grievances",
        "Personnel, Personal Grievances, and Pensions",
        "Personnel, Public Grievances and Pensions", "Petroleum", "Petroleum and Chemicals",
        "Petroleum and Natural Gas", "Planning", "Planning and Programme Implementation",
        "Ports, Shipping and Waterways", "Power", "Power and Non-Conventional Energy Sources",
        "Prime Minister's Office", "Programme Implementation", "Railways",
        "Road Transport and Highways", "Rural Areas and Employment", "Rural Development",
        "Science and Technology", "Shipping", "Skill Development and Entrepreneurship",
        "Small-Scale Industry", "Small-scale industries and Agro and Rural Industries",
        "Social Justice and Empowerment", "Space", "Statistics and Programme Implementation",
        "Steel", "Steel and Mines", "Surface Transport", "Textiles", "Tourism",
        "Tourism and Culture", "Tribal Affairs", "Urban Affairs and Development",
        "Urban Affairs and Employment", "Urban Development",
        "Urban Development and Poverty Alleviation", "Urban Employment and Poverty Alleviation",
        "Water Resources", "Water Resources, River Development and Ganga Rejuvenation",
        "Welfare", "Women and Child Development", "Youth Affairs and Sports",
        "personnel, Public Grievances and Pensions",
    ];

    #[test]
    fn every_tcpd_portfolio_has_a_hindi_name() {
        for name in TCPD_PORTFOLIOS {
            let p = portfolio(name).unwrap_or_else(|| panic!("`{name}` is not in the table"));
            assert!(!half_english(p.hi), "{name}: {}", p.hi);
        }
        assert_eq!(portfolio("home affairs").map(|p| p.hi), Some("गृह"));
        assert_eq!(portfolio("गृह").map(|p| p.en), Some("Home Affairs"));
        assert_eq!(portfolio("AAYUSH").map(|p| p.en), Some("AYUSH"));
        assert_eq!(
            portfolio("Coal and mines").map(|p| p.hi),
            Some("कोयला और खान")
        );
        assert!(portfolio("Magic").is_none());
    }

    #[test]
    fn every_key_names_one_portfolio_or_post() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for p in PORTFOLIOS {
            for n in [p.en].iter().chain(p.spellings) {
                if let Some(other) = seen.insert(key(n), p.en) {
                    assert_eq!(other, p.en, "`{n}` names two portfolios");
                }
            }
        }
        let mut posts: HashMap<String, &str> = HashMap::new();
        for p in POSTS {
            for n in [p.en, p.hi].iter().chain(p.aliases) {
                if let Some(other) = posts.insert(key(n), p.en) {
                    assert_eq!(other, p.en, "`{n}` names two posts");
                }
            }
        }
    }

    #[test]
    fn a_ministers_post_reads_as_hindi_newspapers_name_it() {
        assert_eq!(
            hindi("Cabinet Minister, Home Affairs").as_deref(),
            Some("गृह मंत्री")
        );
        assert_eq!(
            hindi("Minister of State, Home Affairs").as_deref(),
            Some("गृह राज्य मंत्री")
        );
        assert_eq!(
            hindi("Minister of State (Independent Charge), AAYUSH").as_deref(),
            Some("आयुष राज्य मंत्री (स्वतंत्र प्रभार)")
        );
        assert_eq!(
            hindi("Deputy Minister, Railways").as_deref(),
            Some("रेल उप मंत्री")
        );
        assert_eq!(hindi("Minister of Finance").as_deref(), Some("वित्त मंत्री"));
        assert_eq!(
            hindi("Cabinet Minister without portfolio").as_deref(),
            Some("कैबिनेट मंत्री (बिना विभाग)")
        );
        assert_eq!(
            hindi("Cabinet Minister, Human Resource Development").as_deref(),
            Some("मानव संसाधन विकास मंत्री")
        );
        assert_eq!(hindi("Cabinet Minister, Magic"), None);
        let aliases = minister_aliases(MinisterRank::Cabinet, "Home Affairs");
        assert!(
            aliases.contains(&"Home Minister".to_string()),
            "{aliases:?}"
        );
        assert!(aliases.contains(&"कैबिनेट मंत्री, गृह मंत्रालय".to_string()));
        assert!(minister_aliases(MinisterRank::State, "Home Affairs")
            .iter()
            .all(|a| a != "Home Minister"));
    }

    #[test]
    fn posts_and_posts_of_a_place() {
        assert_eq!(post("MLA").map(|p| p.hi), Some("विधायक"));
        assert_eq!(
            post("विधायक").map(|p| p.en),
            Some("Member of the Legislative Assembly")
        );
        assert_eq!(post("mp").map(|p| p.hi), Some("सांसद"));
        assert_eq!(post("MLC").map(|p| p.hi), Some("विधान परिषद सदस्य"));
        assert_eq!(hindi("Member of Parliament").as_deref(), Some("सांसद"));
        assert_eq!(
            hindi("Chief Minister of Bihar").as_deref(),
            Some("बिहार के मुख्यमंत्री")
        );
        assert_eq!(
            hindi("Chief Secretary of Uttar Pradesh").as_deref(),
            Some("उत्तर प्रदेश के मुख्य सचिव")
        );
        assert_eq!(
            hindi("Speaker of the Lok Sabha").as_deref(),
            Some("लोकसभा के अध्यक्ष")
        );
        assert_eq!(hindi("Governor, Kerala").as_deref(), Some("केरल के राज्यपाल"));
        assert_eq!(
            hindi("Prime Minister of India").as_deref(),
            Some("भारत के प्रधानमंत्री")
        );
        assert_eq!(hindi("Chief Minister of Atlantis"), None);
        assert_eq!(hindi("National President, Samajwadi Party"), None);
        assert!(half_english("कैबिनेट मंत्री, Home Affairs"));
        assert!(!half_english("गृह मंत्री"));
    }
}
