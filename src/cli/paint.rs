//! Colour for text output: ANSI styles when the context says to colour, plain text otherwise.
//! Pad before painting, so escape codes never upset alignment.

/// Paints text for one stream.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    /// A painter that colours only when `on`.
    pub fn new(on: bool) -> Paint {
        Paint { on }
    }

    fn style(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// An id.
    pub fn id(&self, text: &str) -> String {
        self.style("1;36", text)
    }

    /// [`id`](Self::id), appended to `out` without a string of its own: for answers that
    /// print hundreds of thousands of ids.
    pub fn push_id(&self, out: &mut String, text: &str) {
        if self.on {
            out.push_str("\x1b[1;36m");
            out.push_str(text);
            out.push_str("\x1b[0m");
        } else {
            out.push_str(text);
        }
    }

    /// A heading.
    pub fn bold(&self, text: &str) -> String {
        self.style("1", text)
    }

    /// Lines, arrows and notes.
    pub fn dim(&self, text: &str) -> String {
        self.style("2", text)
    }

    /// Something that argues for (`supports`, `for`).
    pub fn good(&self, text: &str) -> String {
        self.style("32", text)
    }

    /// Something that argues against (`contradicts`, `against`).
    pub fn bad(&self, text: &str) -> String {
        self.style("31", text)
    }

    /// A verdict rating.
    pub fn rating(&self, text: &str) -> String {
        self.style("33", text)
    }
}
