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

/// Defines a keyword enum: `keyword_enum! { /// docs  pub enum Name { Variant = "spelling", ... } }`.
macro_rules! keyword_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
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

pub(crate) use keyword_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(expected_list(&["a"]), "`a`");
        assert_eq!(expected_list(&["a", "b"]), "`a` or `b`");
        assert_eq!(expected_list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
