//! Closed sets of keywords written in claim files (`kind: person`, `rating: misleading`, ...).
//!
//! Each set is a plain Rust enum; [`keyword_enum!`] gives it the same spelling in every
//! direction (parsing, display, JSON) and a list of all spellings for "did you mean" hints.

/// Why a keyword was not recognised: carries the accepted spellings for hints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{found}` is not one of {}", expected_list(.expected))]
pub struct UnknownKeyword {
    /// What was written.
    pub found: String,
    /// The accepted spellings.
    pub expected: &'static [&'static str],
}

/// Formats a list of keywords as `` `a`, `b` or `c` ``.
pub fn expected_list(expected: &[&str]) -> String {
    let quoted: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// A closed set of keywords, as [`keyword_enum!`] defines them: what a command-line parser,
/// a schema or a "did you mean" hint needs to know about the set without naming its type.
pub trait Keyword: Copy + PartialEq + Send + Sync + 'static {
    /// The name of the set (the Rust type's name).
    const NAME: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// Every spelling, in declaration order.
    const NAMES: &'static [&'static str];
    /// Each value's doc comment, one string per line, in declaration order.
    const DOCS: &'static [&'static [&'static str]];

    /// The spelling used in claim files and output.
    fn as_str(self) -> &'static str;

    /// What the value means, for people: the first paragraph of its doc comment, on one line
    /// and without the closing full stop (as clap shows a value's help).
    fn help(self) -> String {
        let position = Self::ALL.iter().position(|&k| k == self);
        let lines = position
            .and_then(|i| Self::DOCS.get(i))
            .copied()
            .unwrap_or(&[]);
        let paragraph = lines
            .iter()
            .map(|line| line.trim())
            .take_while(|l| !l.is_empty());
        let text = paragraph.collect::<Vec<_>>().join(" ");
        text.strip_suffix('.').unwrap_or(&text).to_string()
    }
}

/// Defines a keyword enum: `keyword_enum! { /// docs  pub enum Name { Variant = "spelling", ... } }`.
///
/// Each variant's doc comment is kept ([`Keyword::DOCS`]): it is the value's help in `--help`.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* pub enum $name:ident {
        $($(#[$($vmeta:tt)*])* $variant:ident = $text:literal,)+
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$($vmeta)*])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// Every spelling, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The spelling used in claim files and output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl $crate::model::keyword::Keyword for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [$name] = $name::ALL;
            const NAMES: &'static [&'static str] = $name::NAMES;
            const DOCS: &'static [&'static [&'static str]] =
                &[$($crate::model::keyword::doc_lines!($(#[$($vmeta)*])*),)+];

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::keyword::UnknownKeyword;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::model::keyword::UnknownKeyword {
                        found: text.to_string(),
                        expected: $name::NAMES,
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// The `#[doc = "..."]` lines among a variant's attributes, as `&[&str]`; other attributes
/// (`#[default]`, ...) are skipped.
macro_rules! doc_lines {
    (@lines [$($line:literal)*]) => { &[$($line),*] };
    (@lines [$($line:literal)*] #[doc = $next:literal] $($rest:tt)*) => {
        $crate::model::keyword::doc_lines!(@lines [$($line)* $next] $($rest)*)
    };
    (@lines [$($line:literal)*] #[$($other:tt)*] $($rest:tt)*) => {
        $crate::model::keyword::doc_lines!(@lines [$($line)*] $($rest)*)
    };
    ($($attributes:tt)*) => { $crate::model::keyword::doc_lines!(@lines [] $($attributes)*) };
}

pub(crate) use doc_lines;
pub(crate) use keyword_enum;

#[cfg(test)]
mod tests {
    use super::*;

    keyword_enum! {
        /// A set to test the macro on.
        #[derive(Default)]
        pub enum Sample {
            /// One line.
            One = "one",
            /// Two lines,
            /// joined.
            ///
            /// A second paragraph, left out.
            #[default]
            Two = "two",
            Bare = "bare",
        }
    }

    #[test]
    fn the_macro_keeps_each_variants_doc_comment() {
        assert_eq!(<Sample as Keyword>::NAME, "Sample");
        assert_eq!(<Sample as Keyword>::NAMES, ["one", "two", "bare"]);
        assert_eq!(Sample::default(), Sample::Two);
        assert_eq!(Sample::One.help(), "One line");
        assert_eq!(Sample::Two.help(), "Two lines, joined");
        assert_eq!(Sample::Bare.help(), "");
        assert_eq!("two".parse::<Sample>(), Ok(Sample::Two));
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(expected_list(&["a"]), "`a`");
        assert_eq!(expected_list(&["a", "b"]), "`a` or `b`");
        assert_eq!(expected_list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
