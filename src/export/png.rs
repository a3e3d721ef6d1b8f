//! Rasterising SVG to PNG with resvg, using fonts bundled in the binary.

use resvg::{tiny_skia, usvg};

/// Render `svg` scaled to fill `width`×`height` pixels and encode it as PNG.
pub fn rasterise(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    render(svg, width, height)?
        .encode_png()
        .map_err(|e| format!("could not encode PNG: {e}"))
}

/// Render `svg` scaled to fill `width`×`height` pixels (premultiplied RGBA, as the clipboard
/// and the screen take it).
pub fn render(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap, String> {
    let options = super::fonts::svg_options();
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the picture could not be drawn: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| format!("{width}×{height} is not a size that can be drawn"))?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::{Svg, TextStyle};
    use crate::model::Colour;

    #[test]
    fn png_has_requested_size_and_draws_text() {
        let mut s = Svg::new(200.0, 100.0, "t");
        s.text(
            10.0,
            60.0,
            "Luton 2040",
            TextStyle::new(30.0, Colour::rgb(0, 0, 0)),
        );
        let png = rasterise(&s.finish(), 400, 200).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (400, 200));
        // Text was drawn: the PNG of text is larger than a blank one.
        let blank = rasterise(&Svg::new(200.0, 100.0, "t").finish(), 400, 200).unwrap();
        assert!(
            png.len() > blank.len() + 500,
            "{} vs {}",
            png.len(),
            blank.len()
        );
    }
}
