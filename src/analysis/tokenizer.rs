//! tantivy adapters: a `Tokenizer` per field that runs [`analyze`] and streams its tokens,
//! so the index and the query parser see exactly what `analyze` returns.

use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};

use super::{analyze, Field, NAME_TOKENIZER, PHONETIC_TOKENIZER, TEXT_TOKENIZER};

/// The tokenizer of one analysis chain; cheap to clone (tantivy clones it per thread).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NkTokenizer {
    field: Field,
}

impl NkTokenizer {
    pub fn new(field: Field) -> Self {
        Self { field }
    }
}

/// Tokens already computed by `analyze`, handed out one by one.
pub struct NkTokenStream {
    tokens: std::vec::IntoIter<TantivyToken>,
    current: TantivyToken,
}

impl Tokenizer for NkTokenizer {
    type TokenStream<'a> = NkTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NkTokenStream {
        let tokens: Vec<TantivyToken> = analyze(text, self.field)
            .into_iter()
            .map(|t| TantivyToken {
                offset_from: t.offset_from,
                offset_to: t.offset_to,
                position: t.position,
                text: t.text,
                position_length: 1,
            })
            .collect();
        NkTokenStream {
            tokens: tokens.into_iter(),
            current: TantivyToken::default(),
        }
    }
}

impl TokenStream for NkTokenStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &TantivyToken {
        &self.current
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        &mut self.current
    }
}

/// Registers the three tokenizers under their public names.
pub fn register(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(NAME_TOKENIZER, NkTokenizer::new(Field::Name));
    manager.register(TEXT_TOKENIZER, NkTokenizer::new(Field::Text));
    manager.register(PHONETIC_TOKENIZER, NkTokenizer::new(Field::Phonetic));
}

#[cfg(test)]
mod tests {
    use super::super::{register, Token};
    use super::*;
    use tantivy::collector::Count;
    use tantivy::query::QueryParser;
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED};
    use tantivy::{doc, Index};

    /// Two sentences of the seed article (with its misspellings प्रत्यशाी, समुन).
    const ARTICLE: &str = "यूपी की 10 सीटों पर हुए राज्यसभा के चुनाव में सपा के तीसरे प्रत्यशाी आलोक रंजन को प्रथम वरीयता 19 वोट मिले थे और बीजेपी उम्मीदवार संजय सेठ को 29 वोट मिले. इस चुनाव में सपा के दो उम्मीदवार जया बच्चन और रामजीलाल समुन की जीत हुई थी. उत्तर प्रदेश की 10 राज्यसभा सीटों पर हाल ही में हुए चुनाव में बीजेपी के 8 और समाजवादी पाप्टी के दो उम्मीदवारों की जीत हुई थी.";

    fn via_tantivy(index: &Index, name: &str, text: &str) -> Vec<Token> {
        let Some(mut analyzer) = index.tokenizers().get(name) else {
            panic!("tokenizer {name} not registered");
        };
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(Token {
                text: t.text.clone(),
                offset_from: t.offset_from,
                offset_to: t.offset_to,
                position: t.position,
            });
        }
        out
    }

    #[test]
    fn simple_tokenizer_splits_what_we_keep_whole() {
        let mut simple = tantivy::tokenizer::SimpleTokenizer::default();
        let mut ours = NkTokenizer::new(Field::Name);
        for word in ["प्रत्याशी", "ज़िला"] {
            let mut n = 0;
            simple.token_stream(word).process(&mut |_| n += 1);
            assert!(
                n > 1,
                "SimpleTokenizer kept {word} whole; the doc comment is stale"
            );
            let mut m = 0;
            ours.token_stream(word).process(&mut |_| m += 1);
            assert_eq!(m, 1);
        }
    }

    fn options(tokenizer: &str) -> TextOptions {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored()
    }

    #[test]
    fn tantivy_streams_equal_analyze() {
        let index = Index::create_in_ram(Schema::builder().build());
        register(&index);
        let article = super::super::seed_article().unwrap_or_default();
        let samples = [
            ARTICLE,
            &article,
            "रामजी लाल सुमन, Ramji Lal Suman",
            "",
            "।।",
            "ं",
        ];
        for (field, name) in [
            (Field::Name, NAME_TOKENIZER),
            (Field::Text, TEXT_TOKENIZER),
            (Field::Phonetic, PHONETIC_TOKENIZER),
        ] {
            for text in samples {
                assert_eq!(via_tantivy(&index, name, text), analyze(text, field));
            }
        }
        assert!(!analyze(ARTICLE, Field::Text).is_empty());
    }

    fn count(index: &Index, field: tantivy::schema::Field, query: &str) -> usize {
        let reader = index.reader().ok();
        let Some(searcher) = reader.map(|r| r.searcher()) else {
            panic!("no reader");
        };
        let parser = QueryParser::for_index(index, vec![field]);
        match parser.parse_query(query) {
            Ok(q) => searcher.search(&q, &Count).unwrap_or(0),
            Err(e) => panic!("query {query}: {e}"),
        }
    }

    #[test]
    fn in_ram_index_finds_stems_pairs_and_cross_script_names() -> tantivy::Result<()> {
        let mut builder = Schema::builder();
        let name = builder.add_text_field("name", options(NAME_TOKENIZER));
        let text = builder.add_text_field("text", options(TEXT_TOKENIZER));
        let phon = builder.add_text_field("phon", options(PHONETIC_TOKENIZER));
        let id = builder.add_text_field("id", STORED);
        let index = Index::create_in_ram(builder.build());
        register(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        writer.add_document(doc!(
            id => "ramji-lal-suman",
            name => "रामजी लाल सुमन रामजीलाल",
            phon => "रामजी लाल सुमन",
            text => "उत्तर प्रदेश में समाजवादी पाप्टी के दो उम्मीदवारों की जीत हुई थी.",
        ))?;
        writer.add_document(doc!(id => "alok-ranjan", name => "आलोक रंजन", phon => "आलोक रंजन"))?;
        writer.commit()?;

        assert_eq!(count(&index, text, "उम्मीदवार"), 1, "stem of उम्मीदवारों");
        assert_eq!(count(&index, text, "elections"), 0);
        assert_eq!(count(&index, name, "रामजीलाल"), 1);
        assert_eq!(count(&index, name, "Ramji"), 0, "Name is script-exact");
        assert_eq!(count(&index, phon, "Ramjilal"), 1);
        assert_eq!(count(&index, phon, "Aalok"), 1);
        assert_eq!(count(&index, phon, "Ashok"), 0);
        Ok(())
    }
}
