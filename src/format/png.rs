//! PNG: the SVG diagram rasterised in pure Rust by resvg.
//!
//! resvg draws no text at all when none of the font families an SVG asks for is installed, and
//! a bare machine may have no fonts. So the renderer never looks at the system's fonts: it
//! carries DejaVu Sans Condensed (the `dejavu` crate) and maps every family, generic or named, to it.
//! The same SVG therefore gives the same pixels on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::{ExportError, ExportOptions, UsedRenderer};
use crate::graph::ClaimGraph;

/// Pixels per SVG pixel: PNGs are drawn at twice the SVG's size, sharp on high-density screens.
pub const SCALE: f32 = 2.0;

/// The largest PNG drawn, in pixels per side (and the pixel count is capped at its square / 4,
/// 256 MB of pixels); a larger diagram is drawn smaller than [`SCALE`].
const MAX_SIDE: u32 = 16_384;

/// The smallest scale a diagram is drawn at before it is refused as too large.
const MIN_SCALE: f32 = 0.25;

/// The font every text is set in: DejaVu Sans, of which only the condensed cut is loaded.
/// Graphviz and the embedded renderer size boxes for Helvetica; DejaVu Sans is wider and
/// overflows them, its condensed cut is about as wide as Helvetica. (The condensed files name
/// their typographic family "DejaVu Sans", which is the name fontdb matches.)
const FAMILY: &str = "DejaVu Sans";

/// The PNG of `graph`: its SVG (see [`super::svg::to_svg`]) rasterised, and which renderer laid
/// it out.
///
/// # Errors
/// Those of the SVG export, and [`ExportError::Png`] when the SVG cannot be read or the picture
/// is too large to rasterise.
pub fn to_png(
    graph: &ClaimGraph,
    options: &ExportOptions,
) -> Result<(Vec<u8>, UsedRenderer), ExportError> {
    let (svg, used) = super::svg::to_svg(graph, options)?;
    Ok((rasterise(&svg, SCALE)?, used))
}

/// `svg` drawn at `scale` (less when that would exceed the size limit), encoded as PNG.
///
/// # Errors
/// [`ExportError::Png`] when the SVG cannot be parsed, is empty, or is so large that even a
/// quarter of its size exceeds the limit.
pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let tree = usvg::Tree::from_str(svg, &options())
        .map_err(|e| ExportError::Png(format!("cannot read the SVG: {e}")))?;
    let (w, h) = (tree.size().width(), tree.size().height());
    let side = MAX_SIDE as f32;
    let scale = scale
        .min(side / w.max(h))
        .min((side * side / 4.0 / (w * h)).sqrt());
    if scale < MIN_SCALE {
        return Err(ExportError::Png(format!(
            "the diagram is {w:.0}×{h:.0} pixels, too large to rasterise; draw a smaller selection or export svg"
        )));
    }
    // Rounded down, so that the limits hold.
    let (width, height) = ((w * scale).floor() as u32, (h * scale).floor() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Png(format!("cannot allocate {width}×{height} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(format!("cannot encode the PNG: {e}")))
}

/// usvg's options: the bundled DejaVu Sans for every family, no system fonts.
fn options() -> usvg::Options<'static> {
    let fontdb = Arc::clone(fonts());
    // usvg's font selector ends every family list with the generic serif family, so named
    // families that are not bundled (Helvetica, Arial, ...) come out in DejaVu Sans too.
    usvg::Options {
        font_family: FAMILY.into(),
        fontdb,
        ..usvg::Options::default()
    }
}

/// The font database, built once per process: `build` rasterises every view, and parsing the
/// four faces each time would repeat the same work.
fn fonts() -> &'static Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in [
            dejavu::sans_condensed::regular(),
            dejavu::sans_condensed::bold(),
            dejavu::sans_condensed::oblique(),
            dejavu::sans_condensed::bold_oblique(),
        ] {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        Arc::new(db)
    })
}

/// A PNG chunk of type `tEXt` with `keyword` and `text`, placed right after the header, where
/// a reader of the file's first bytes (like `build`'s "is this file ours" check) finds it.
///
/// # Errors
/// None; a `png` that does not start with a PNG header is returned unchanged.
pub fn with_text(png: &[u8], keyword: &str, text: &str) -> Vec<u8> {
    // Signature (8 bytes) then the IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
    const AFTER_HEADER: usize = 8 + 25;
    if png.len() < AFTER_HEADER || &png[12..16] != b"IHDR" {
        return png.to_vec();
    }
    let mut data = Vec::with_capacity(keyword.len() + 1 + text.len());
    data.extend_from_slice(keyword.as_bytes());
    data.push(0);
    data.extend_from_slice(text.as_bytes());
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
    let body_start = chunk.len();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(&data);
    let crc = crc32(&chunk[body_start..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    [&png[..AFTER_HEADER], &chunk, &png[AFTER_HEADER..]].concat()
}

/// The CRC-32 (ISO 3309, as PNG uses it) of `bytes`.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Renderer, fixture};

    fn decode(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).unwrap()
    }

    #[test]
    fn crc_matches_the_png_specification() {
        // The CRC of an IEND chunk's type, as every PNG file ends with it.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    /// Text is drawn: the same SVG with and without its words differs in dark pixels.
    #[test]
    fn draws_text_with_the_bundled_font() {
        let svg = |text: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="white"/><text x="10" y="28" font-family="Helvetica,Arial,sans-serif" font-size="20" fill="black">{text}</text></svg>"#
            )
        };
        let dark = |png: &[u8]| {
            decode(png)
                .pixels()
                .iter()
                .filter(|p| p.red() < 128)
                .count()
        };
        let with = rasterise(&svg("Kai-Fu Lee"), 1.0).unwrap();
        let without = rasterise(&svg(""), 1.0).unwrap();
        assert_eq!(dark(&without), 0);
        assert!(dark(&with) > 100, "{} dark pixels", dark(&with));
    }

    #[test]
    fn draws_the_diagram_at_twice_its_size_with_a_marker() {
        let options = ExportOptions {
            renderer: Renderer::Embedded,
            ..ExportOptions::default()
        };
        let (svg, _) = crate::format::svg::to_svg(&fixture::graph(), &options).unwrap();
        let (png, used) = to_png(&fixture::graph(), &options).unwrap();
        assert_eq!(used, UsedRenderer::Embedded);
        let tree = usvg::Tree::from_str(&svg, &super::options()).unwrap();
        let pixmap = decode(&png);
        assert_eq!(pixmap.width(), (tree.size().width() * SCALE).round() as u32);
        let marked = with_text(&png, "Comment", "generated by claimgraph");
        let head = String::from_utf8_lossy(&marked[..120]).into_owned();
        assert!(head.contains("Comment\0generated by claimgraph"), "{head}");
        assert_eq!(decode(&marked).data(), pixmap.data());
    }

    #[test]
    fn draws_a_huge_diagram_smaller_and_refuses_a_gigantic_one() {
        let svg = |w: u32, h: u32| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><rect width="{w}" height="{h}" fill="white"/></svg>"#
            )
        };
        let png = rasterise(&svg(4000, 10_000), 2.0).unwrap();
        let pixmap = decode(&png);
        // Limited by the pixel count: 16384² / 4 = 67,108,864 pixels.
        assert!(u64::from(pixmap.width()) * u64::from(pixmap.height()) <= 67_108_864);
        assert!(pixmap.height() > 10_000, "{}", pixmap.height());
        assert!(matches!(
            rasterise(&svg(100_000, 100_000), 2.0),
            Err(ExportError::Png(_))
        ));
    }

    #[test]
    fn refuses_what_is_not_svg() {
        assert!(matches!(
            rasterise("not svg", 1.0),
            Err(ExportError::Png(_))
        ));
    }
}
