//! The logo as the DOCX shows it: a PNG as it is, an SVG drawn as a PNG
//! (Word shows SVG only beside a PNG fallback), its text set in the fonts
//! the PDF uses.

/// The logo is drawn at 600 dots an inch at its height in the header.
const DOTS_PER_INCH: f32 = 600.0;
/// The widest drawing: a logo far wider than high stays a few megabytes.
const MAX_WIDTH_PX: f32 = 4000.0;

/// An SVG drawn as a PNG as high as the header's logo at
/// [`DOTS_PER_INCH`] (260 pixels for 11 mm), or why it cannot be read.
pub fn svg_as_png(svg: &[u8]) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options {
        font_family: "Liberation Sans".to_owned(),
        ..usvg::Options::default()
    };
    for font in crate::fonts::ALL {
        options.fontdb_mut().load_font_data(font.to_vec());
    }
    let tree = usvg::Tree::from_data(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    // That high, unless that makes it wider than `MAX_WIDTH_PX`.
    let height_px = (crate::page::WORD.logo_height_mm / 25.4 * DOTS_PER_INCH).round();
    let scale = (height_px / size.height()).min(MAX_WIDTH_PX / size.width());
    let (width, height) = (size.width() * scale, size.height() * scale);
    let mut pixmap = tiny_skia::Pixmap::new(
        width.round().max(1.0) as u32,
        height.round().max(1.0) as u32,
    )
    .ok_or_else(|| "dimensions impossibles".to_owned())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_becomes_a_png_of_its_proportions() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="#123"/><text x="2" y="15" font-size="12">Centre</text></svg>"##;
        let png = svg_as_png(svg).unwrap();
        let size = imagesize::blob_size(&png).unwrap();
        assert_eq!((size.width, size.height), (780, 260));
        assert!(svg_as_png(b"<svg").is_err());
        // A band a thousand times wider than high is drawn at most 4 000 wide.
        let band = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="10"><rect width="10000" height="10"/></svg>"#;
        let size = imagesize::blob_size(&svg_as_png(band).unwrap()).unwrap();
        assert_eq!((size.width, size.height), (4000, 4));
    }
}
