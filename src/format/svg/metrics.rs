//! Text width estimates for the embedded renderer.
//!
//! The embedded renderer sizes each node box before layout, with no font at hand. Counting
//! characters (as layout-rs does) makes boxes far too wide for lower-case text and too narrow for
//! capitals, so this module uses Helvetica's advance widths (Arial's are the same), which is what
//! a viewer most likely draws with the `Helvetica,Arial,sans-serif` font list.

/// Advance widths of ASCII `' '..='~'` in Helvetica, in thousandths of an em.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '..'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
    556, // '0'..'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
    778, // '@'..'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, // 'P'..'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
    556, // '`'..'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'..'~'
];

/// The advance width of `c`, in thousandths of an em.
fn advance(c: char) -> u16 {
    match c {
        ' '..='~' => ASCII[c as usize - ' ' as usize],
        '‘' | '’' | '‚' => 222,
        '“' | '”' | '„' => 333,
        '–' => 556,
        '—' | '…' => 1000,
        // CJK, Hangul, full-width forms and emoji take a full em.
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' => 1000,
        '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' | '\u{1F300}'..='\u{1FAFF}' => 1000,
        _ => 600,
    }
}

/// The estimated width of `text` set in `font_size` pixels.
pub(super) fn text_width(text: &str, font_size: f64) -> f64 {
    let thousandths: u32 = text.chars().map(|c| u32::from(advance(c))).sum();
    f64::from(thousandths) * font_size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_letters() {
        assert_eq!(text_width("", 12.0), 0.0);
        assert!((text_width("i", 10.0) - 2.22).abs() < 1e-9);
        assert!(text_width("WWWW", 12.0) > text_width("iiii", 12.0) * 3.0);
        assert!((text_width("日本", 10.0) - 20.0).abs() < 1e-9);
        assert_eq!(advance('~'), 584);
        assert_eq!(advance(' '), 278);
    }
}
