//! `duplicates` on slices of the real datasets (tests/fixtures): the cases the
//! project must get right across TCPD, ADR and the seed.

mod common;
use common::{proposes, Home};

#[test]
fn real_slices_propose_the_known_same_people_and_keep_namesakes_apart() {
    let home = Home::new();
    home.ok(&[
        "import",
        "--no-resolve",
        "tests/fixtures/tcpd-ias/ias-profile-slice.csv",
        "tests/fixtures/tcpd-cabinet/cabinet-slice.csv",
        "tests/fixtures/adr/lok-sabha-candidates.csv",
    ]);
    let v = home.json(&["duplicates", "--json", "--limit", "500"]);
    // The seed's Alok Ranjan is TCPD's UP042600 (same id, batch 1978, Uttar Pradesh).
    assert!(
        proposes(&v, "alok-ranjan", "tcpd-ias-up042600-alok-ranjan"),
        "{v}"
    );
    // Ramji Lal Suman, union minister in 1990 (TCPD), is the SP candidate of 2009 (ADR).
    assert!(
        proposes(
            &v,
            "tcpd-cabinet-ramji-lal-suman",
            "adr-lok-sabha-2009-uttar-pradesh-agra-ramji-lal-suman"
        ),
        "{v}"
    );
    // The other IAS officers called Alok Ranjan are different people.
    for other in [
        "tcpd-ias-rj112s04-alok-ranjan",
        "tcpd-ias-bh110d01-alok-ranjan-ghosh",
    ] {
        assert!(!proposes(&v, "alok-ranjan", other), "{other}: {v}");
        assert!(
            !proposes(&v, "tcpd-ias-up042600-alok-ranjan", other),
            "{other}: {v}"
        );
    }
}
