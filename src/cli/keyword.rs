//! One clap value parser for every keyword enum of the library ([`Keyword`]).
//!
//! The flags take the library's enums directly (`Format`, `Renderer`, `Direction`, `Rating`,
//! ...): the allowed values, their help in `--help`, the completions, the man page and the
//! error for a bad value all come from the enum's spellings and doc comments, so a flag cannot
//! drift from the set it parses, and there is no CLI copy of an enum to convert by hand.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{Arg, Command};

use crate::model::Keyword;

/// The parser of the keywords of `K`: `value_parser = keyword::<Rating>()`.
pub fn keyword<K: Keyword>() -> KeywordParser<K> {
    KeywordParser { only: None }
}

/// Parses one keyword of `K`, optionally only those a predicate allows. See [`keyword`].
#[derive(Clone, Copy)]
pub struct KeywordParser<K> {
    only: Option<fn(K) -> bool>,
}

impl<K: Keyword> KeywordParser<K> {
    /// Accepts (and lists) only the keywords for which `allowed` holds, e.g. the formats
    /// `import` can read.
    pub fn only(self, allowed: fn(K) -> bool) -> KeywordParser<K> {
        KeywordParser {
            only: Some(allowed),
        }
    }

    /// The accepted keywords, in declaration order.
    fn values(&self) -> impl Iterator<Item = K> + '_ {
        let only = self.only;
        K::ALL
            .iter()
            .copied()
            .filter(move |&k| only.is_none_or(|allowed| allowed(k)))
    }

    fn possible(&self) -> impl Iterator<Item = PossibleValue> + '_ {
        self.values()
            .map(|k| PossibleValue::new(k.as_str()).help(k.help()))
    }
}

impl<K: Keyword> TypedValueParser for KeywordParser<K> {
    type Value = K;

    /// Checks the spelling with clap's own parser, so a bad value gets clap's usual error:
    /// the value, the flag, every accepted value and a "similar value" tip.
    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<K, clap::Error> {
        let name = PossibleValuesParser::new(self.possible()).parse_ref(cmd, arg, value)?;
        self.values()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.possible()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use crate::model::Rating;

    fn parse<K: Keyword>(parser: KeywordParser<K>, text: &str) -> Result<K, clap::Error> {
        parser.parse_ref(&Command::new("t"), None, OsStr::new(text))
    }

    #[test]
    fn every_spelling_parses_to_its_value() {
        for &rating in Rating::ALL {
            assert_eq!(parse(keyword(), rating.as_str()).ok(), Some(rating));
        }
        assert!(parse(keyword::<Rating>(), "fals").is_err());
    }

    #[test]
    fn possible_values_carry_the_doc_comments() {
        let parser = keyword::<Rating>();
        let values: Vec<PossibleValue> = parser.possible_values().into_iter().flatten().collect();
        assert_eq!(values.len(), Rating::ALL.len());
        assert_eq!(values[0].get_name(), "true");
        assert_eq!(
            values[0].get_help().map(ToString::to_string).as_deref(),
            Some("Accurate")
        );
    }

    #[test]
    fn only_limits_what_parses_and_what_is_listed() {
        let readable = keyword::<Format>().only(Format::is_readable);
        assert_eq!(parse(readable, "aif").ok(), Some(Format::Aif));
        assert!(parse(readable, "svg").is_err());
        let listed: Vec<String> = readable
            .possible_values()
            .into_iter()
            .flatten()
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(listed, ["json", "argdown", "aif", "claimreview"]);
    }
}
