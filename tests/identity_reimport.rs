//! A `merge` survives re-importing either side's dataset: the link lives in the
//! store's identity tree, not in the imported records (issue 10, item 2).

mod common;
use common::{counts, import_report, Home};
use std::path::Path;

const TCPD: &str = "tests/fixtures/tcpd-ias/ias-profile-slice.csv";
const TCPD_ALOK: &str = "tcpd-ias-up042600-alok-ranjan";

#[test]
fn reimporting_a_merged_record_keeps_the_link_on_both_sides() {
    let home = Home::new();
    import_report(&home, &[Path::new(TCPD)]);
    home.ok(&["merge", "alok-ranjan", TCPD_ALOK]);
    assert_eq!(home.linked("alok-ranjan"), [TCPD_ALOK]);
    assert_eq!(home.linked(TCPD_ALOK), ["alok-ranjan"]);

    let again = import_report(&home, &[Path::new(TCPD)]);
    // The TCPD-IAS record is as the file gives it: re-importing changes nothing.
    assert!(counts(&again, "updated").is_empty(), "{again}");
    assert_eq!(home.linked(TCPD_ALOK), ["alok-ranjan"]);
    assert_eq!(home.linked("alok-ranjan"), [TCPD_ALOK]);
    // The seed's facts still show on the TCPD side (its Rajya Sabha candidacy).
    let v = home.json(&["show", TCPD_ALOK, "--json"]);
    assert_eq!(v["candidacies"][0]["candidacy"]["votes"], 19, "{v}");
}
