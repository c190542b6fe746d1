//! How a record is kept in the `records` tree: a small header, then its JSON, plain
//! or compressed with a zstd dictionary trained on the store's own records.
//!
//! Layout: `[kind][encoding][generation]` (the kind as [`Kind::code`], fixed for good) then, for [`ENCODING_JSON`], the JSON; for
//! [`ENCODING_ZSTD`], `[dictionary id][JSON length]` and the compressed JSON (numbers
//! as LEB128). The kind up front lets a scan of one kind skip the others undecoded.
//!
//! Why a dictionary: records are a few hundred bytes of JSON that repeat field names,
//! party and state names; zstd alone gains little on so little text, but with a
//! 110 KB dictionary trained on a sample of them it stores them in a fifth of the
//! space (4.8× on the benchmark corpus) for about a microsecond each way. Every
//! import of at least [`TRAIN_MIN`] records trains its own (datasets differ too much
//! to share one); smaller imports use the newest. A dictionary's bytes are kept in the
//! `dictionaries` tree for good, since every record compressed with it needs it.
//! zstd is the one tantivy already links, so it costs no extra build.

use crate::error::{Error, Result};
use crate::model::{Kind, Record};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;
use zstd::zstd_safe;

/// The body is the record's JSON.
pub const ENCODING_JSON: u8 = 0;
/// The body is the record's JSON compressed with a stored dictionary.
pub const ENCODING_ZSTD: u8 = 1;

/// Records an import must write before a dictionary is trained from them.
pub const TRAIN_MIN: usize = 2_000;
/// Records sampled (evenly through the import) to train a dictionary.
const TRAIN_SAMPLES: usize = 20_000;
const DICTIONARY_BYTES: usize = 110 * 1024;
/// zstd level 3 compresses the corpus 4.8×; level 6 gains 2 % for three times the time.
const LEVEL: i32 = 3;

/// What a stored value's header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    pub generation: u64,
    pub encoding: u8,
    /// For [`ENCODING_ZSTD`]: the dictionary and the JSON's length.
    pub dictionary: u32,
    pub raw_len: usize,
    /// Where the body starts.
    pub body: usize,
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A LEB128 number at `at`: (value, position after it).
fn read_varint(bytes: &[u8], at: usize) -> Option<(u64, usize)> {
    let mut n = 0u64;
    for (i, &byte) in bytes.iter().enumerate().skip(at).take(10) {
        n |= u64::from(byte & 0x7f) << (7 * (i - at));
        if byte & 0x80 == 0 {
            return Some((n, i + 1));
        }
    }
    None
}

/// A stored value holding `body` as plain JSON. Public for tests that build a
/// store by hand.
#[doc(hidden)]
pub fn encode_value(kind: Kind, generation: u64, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 12);
    out.push(kind.code());
    out.push(ENCODING_JSON);
    push_varint(&mut out, generation);
    out.extend_from_slice(body);
    out
}

pub fn header(id: &str, bytes: &[u8]) -> Result<Header> {
    let kind = bytes
        .first()
        .and_then(|&k| Kind::from_code(k))
        .ok_or_else(|| corrupt(id, "the stored value names no kind"))?;
    let encoding = bytes.get(1).copied();
    let cut = || corrupt(id, "the stored value's header is cut short");
    let (generation, at) = read_varint(bytes, 2).ok_or_else(cut)?;
    match encoding {
        Some(ENCODING_JSON) => Ok(Header {
            kind,
            generation,
            encoding: ENCODING_JSON,
            dictionary: 0,
            raw_len: bytes.len() - at,
            body: at,
        }),
        Some(ENCODING_ZSTD) => {
            let (dictionary, at) = read_varint(bytes, at).ok_or_else(cut)?;
            let (raw_len, at) = read_varint(bytes, at).ok_or_else(cut)?;
            Ok(Header {
                kind,
                generation,
                encoding: ENCODING_ZSTD,
                dictionary: u32::try_from(dictionary).map_err(|_| cut())?,
                raw_len: usize::try_from(raw_len)
                    .ok()
                    .filter(|&n| n <= 64 << 20)
                    .ok_or_else(|| corrupt(id, "the stored value claims an absurd length"))?,
                body: at,
            })
        }
        _ => Err(corrupt(id, "the stored value is in an unknown encoding")),
    }
}

fn corrupt(id: &str, message: &str) -> Error {
    Error::Corrupt {
        id: id.to_string(),
        message: message.to_string(),
    }
}

/// A trained dictionary, ready for decompression on any thread.
pub struct Dictionary {
    pub id: u32,
    pub bytes: Vec<u8>,
    ddict: zstd_safe::DDict<'static>,
}

impl Dictionary {
    pub fn new(id: u32, bytes: Vec<u8>) -> Dictionary {
        let ddict = zstd_safe::DDict::create(&bytes);
        Dictionary { id, bytes, ddict }
    }
}

thread_local! {
    /// One decompression context per thread: creating one costs more than using it.
    static DCTX: std::cell::RefCell<zstd_safe::DCtx<'static>> =
        std::cell::RefCell::new(zstd_safe::DCtx::create());
}

/// The store's dictionaries, by id.
#[derive(Default)]
pub struct Codecs {
    dictionaries: HashMap<u32, Arc<Dictionary>>,
}

impl Codecs {
    pub fn add(&mut self, d: Dictionary) {
        self.dictionaries.insert(d.id, Arc::new(d));
    }

    /// The newest dictionary, which new records are compressed with.
    pub fn newest(&self) -> Option<Arc<Dictionary>> {
        self.dictionaries.values().max_by_key(|d| d.id).cloned()
    }

    /// The JSON of a stored value.
    pub fn body<'a>(&self, id: &str, bytes: &'a [u8], h: &Header) -> Result<Cow<'a, [u8]>> {
        if h.encoding == ENCODING_JSON {
            return Ok(Cow::Borrowed(&bytes[h.body..]));
        }
        let d = self.dictionaries.get(&h.dictionary).ok_or_else(|| {
            corrupt(
                id,
                &format!(
                    "compressed with dictionary {}, which the store lacks",
                    h.dictionary
                ),
            )
        })?;
        let mut out: Vec<u8> = Vec::with_capacity(h.raw_len);
        let n = DCTX
            .with(|c| {
                c.borrow_mut()
                    .decompress_using_ddict(&mut out, &bytes[h.body..], &d.ddict)
            })
            .map_err(|code| {
                corrupt(
                    id,
                    &format!(
                        "cannot be decompressed: {}",
                        zstd_safe::get_error_name(code)
                    ),
                )
            })?;
        if n != h.raw_len {
            return Err(corrupt(id, "decompressed to the wrong length"));
        }
        Ok(Cow::Owned(out))
    }

    /// The record of a stored value whose header `h` has been read.
    pub fn decode(&self, id: &str, bytes: &[u8], h: &Header) -> Result<Record> {
        let body = self.body(id, bytes, h)?;
        let record: Record = serde_json::from_slice(&body).map_err(|e| Error::Corrupt {
            id: id.to_string(),
            message: e.to_string(),
        })?;
        if record.kind() != h.kind {
            return Err(Error::Corrupt {
                id: id.to_string(),
                message: format!(
                    "stored as {} but holds {}",
                    h.kind.with_article(),
                    record.kind().with_article()
                ),
            });
        }
        Ok(record)
    }
}

/// Trains a dictionary from an even sample of `records`.
pub fn train(id: u32, records: &[&Record]) -> Option<Dictionary> {
    let step = (records.len() / TRAIN_SAMPLES).max(1);
    let samples: Vec<Vec<u8>> = records
        .iter()
        .step_by(step)
        .map(|r| serde_json::to_vec(r).expect("records are plain data and always serialize"))
        .collect();
    // zstd wants about ten times the dictionary's size in samples.
    let total: usize = samples.iter().map(Vec::len).sum();
    let size = (total / 10).clamp(4 * 1024, DICTIONARY_BYTES);
    // Training fails on too little or too uniform text: then records stay plain JSON.
    let bytes = zstd::dict::from_samples(&samples, size).ok()?;
    Some(Dictionary::new(id, bytes))
}

/// Encodes the records of one import, compressed when the store has a dictionary.
pub struct Encoder {
    zstd: Option<(u32, zstd::bulk::Compressor<'static>)>,
}

impl Encoder {
    pub fn new(dictionary: Option<&Dictionary>) -> Encoder {
        Encoder {
            zstd: dictionary.and_then(|d| {
                use zstd_safe::CParameter::{ChecksumFlag, ContentSizeFlag, DictIdFlag};
                let mut c = zstd::bulk::Compressor::with_dictionary(LEVEL, &d.bytes).ok()?;
                // A checksum, so a damaged value is an error rather than another record;
                // the length and the dictionary are in our header already.
                for p in [
                    ChecksumFlag(true),
                    ContentSizeFlag(false),
                    DictIdFlag(false),
                ] {
                    c.set_parameter(p).ok()?;
                }
                Some((d.id, c))
            }),
        }
    }

    pub fn plain() -> Encoder {
        Encoder { zstd: None }
    }

    pub fn encode(&mut self, record: &Record, generation: u64) -> Vec<u8> {
        let json = serde_json::to_vec(record).expect("records are plain data and always serialize");
        if let Some((id, c)) = &mut self.zstd {
            if let Ok(z) = c.compress(&json) {
                let mut out = Vec::with_capacity(z.len() + 16);
                out.push(record.kind().code());
                out.push(ENCODING_ZSTD);
                push_varint(&mut out, generation);
                push_varint(&mut out, u64::from(*id));
                push_varint(&mut out, json.len() as u64);
                out.extend_from_slice(&z);
                return out;
            }
        }
        encode_value(record.kind(), generation, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(i: usize) -> Record {
        let v = serde_json::json!({
            "type": "person", "id": format!("person-{i}"),
            "name": {"en": format!("Alok Ranjan {i}"), "hi": format!("आलोक रंजन {i}")},
            "summary": {"hi": "उत्तर प्रदेश के पूर्व मुख्य सचिव", "en": "former chief secretary of Uttar Pradesh"},
        });
        Record::from_value(v).unwrap()
    }

    fn decode(codecs: &Codecs, id: &str, v: &[u8]) -> Result<Record> {
        codecs.decode(id, v, &header(id, v)?)
    }

    #[test]
    fn headers_round_trip_and_broken_ones_are_errors() {
        for generation in [0, 1, 127, 128, 300, u64::MAX / 3, u64::MAX] {
            let v = encode_value(Kind::Tenure, generation, b"{}");
            let h = header("x", &v).unwrap();
            assert_eq!(
                (h.kind, h.generation, &v[h.body..]),
                (Kind::Tenure, generation, &b"{}"[..])
            );
        }
        for bad in [
            &b""[..],
            &[9, 0, 1],
            &[4, 9, 1],
            &[4, 0],
            &[4, 0, 0x80],
            &[4, 1, 1, 1],
        ] {
            assert!(header("x", bad).is_err(), "{bad:?}");
        }
        // A header that says person over a tenure's body is refused, not misread.
        let body = br#"{"type":"tenure","id":"t","person":"a","office":"o"}"#;
        let codecs = Codecs::default();
        assert!(decode(&codecs, "t", &encode_value(Kind::Person, 1, body)).is_err());
        assert!(decode(&codecs, "t", &encode_value(Kind::Tenure, 1, body)).is_ok());
    }

    /// A store written before seats existed named its eight kinds by these bytes
    /// (the order of the enum then); they must still read as the same kinds.
    #[test]
    fn kind_bytes_of_stores_before_seats_still_decode() {
        let before = [
            (0, Kind::Source),
            (1, Kind::Organization),
            (2, Kind::Office),
            (3, Kind::Election),
            (4, Kind::Person),
            (5, Kind::Tenure),
            (6, Kind::Membership),
            (7, Kind::Candidacy),
        ];
        for (byte, kind) in before {
            assert_eq!(header("x", &[byte, 0, 1]).unwrap().kind, kind, "{byte}");
            assert_eq!(kind.code(), byte);
        }
        assert_eq!(Kind::Seat.code(), 8);
        let mut old = vec![7, ENCODING_JSON, 5];
        old.extend_from_slice(
            br#"{"type":"candidacy","id":"c","person":"p","election":"lok-sabha-2019","votes":413394}"#,
        );
        match decode(&Codecs::default(), "c", &old).unwrap() {
            Record::Candidacy(c) => assert_eq!((c.votes, c.seat), (Some(413_394), None)),
            other => panic!("decoded as {}", other.kind()),
        }
    }

    #[test]
    fn compressed_records_round_trip_smaller_and_need_their_dictionary() {
        let records: Vec<Record> = (0..3_000).map(person).collect();
        let refs: Vec<&Record> = records.iter().collect();
        let d = train(1, &refs).expect("3,000 records train a dictionary");
        let mut enc = Encoder::new(Some(&d));
        let (mut plain, mut packed) = (0, 0);
        let mut codecs = Codecs::default();
        let values: Vec<Vec<u8>> = records.iter().map(|r| enc.encode(r, 7)).collect();
        assert!(
            decode(&codecs, "person-1", &values[1]).is_err(),
            "no dictionary, no record"
        );
        codecs.add(d);
        for (r, v) in records.iter().zip(&values) {
            assert_eq!(header(r.id(), v).unwrap().encoding, ENCODING_ZSTD);
            assert_eq!(&decode(&codecs, r.id(), v).unwrap(), r);
            plain += serde_json::to_vec(r).unwrap().len();
            packed += v.len();
        }
        assert!(packed * 3 < plain, "{packed} bytes for {plain} of JSON");
        // A damaged compressed body is an error, never a wrong record.
        let mut bad = values[5].clone();
        let last = bad.len() - 3;
        bad[last] ^= 0xff;
        assert!(
            decode(&codecs, "person-5", &bad).is_err_and(|e| e.to_string().contains("person-5"))
        );
    }
}
