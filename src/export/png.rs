//! Rasterising SVG to PNG ([`super::raster`]: resvg, with the plain text drawn directly),
//! using fonts bundled in the binary.
//!
//! Each thread keeps the pixmap it last drew into and reuses it for a picture of the same
//! size (clearing 8 MB is cheaper than the page faults of a fresh one), and opaque
//! pictures (all of the app's, which paint their own background) are written as RGB with
//! a fast encoder; `cargo bench --bench png_encoding` compares the options.

use resvg::tiny_skia;
use std::cell::RefCell;

fn new_pixmap(width: u32, height: u32) -> Result<tiny_skia::Pixmap, String> {
    tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| format!("{width}×{height} is not a size that can be drawn"))
}

thread_local! {
    /// The pixmap this thread drew into last, kept for the next picture of its size.
    static PIXMAP: RefCell<Option<tiny_skia::Pixmap>> = const { RefCell::new(None) };
}

/// Render `svg` scaled to fill `width`×`height` pixels and encode it as PNG.
pub fn rasterise(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let (width, height) = (width.max(1), height.max(1));
    PIXMAP.with_borrow_mut(|kept| {
        let pixmap = match kept {
            Some(p) if p.width() == width && p.height() == height => p,
            _ => kept.insert(new_pixmap(width, height)?),
        };
        super::raster::draw(svg, pixmap)?;
        encode(pixmap)
    })
}

/// Render `svg` scaled to fill `width`×`height` pixels (premultiplied RGBA, as the clipboard
/// and the screen take it).
pub fn render(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap, String> {
    let mut pixmap = new_pixmap(width, height)?;
    super::raster::draw(svg, &mut pixmap)?;
    Ok(pixmap)
}

/// How PNGs are compressed: zlib (flate2, its miniz_oxide backend) at level 1 with no row filter. The app's pictures
/// are mostly flat colour, which a filter only hides from the compressor. Measured with
/// `cargo bench --bench png_encoding` (release, 2 cores, 1920×1080): the sample's TA chart
/// 206 KB in 7.4 ms and its wheel 351 KB in 12 ms, against 504 KB / 642 KB in 8–10 ms with
/// fdeflate and the Up filter; level 3 gives 127 KB / 278 KB but takes 28–30 ms.
const DEFLATE: ::png::DeflateCompression = ::png::DeflateCompression::Level(1);
const FILTER: ::png::Filter = ::png::Filter::NoFilter;

/// Encode a pixmap as PNG: 8-bit RGB when every pixel is opaque, RGBA otherwise.
pub fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let data = pixmap.data();
    let opaque = data.chunks_exact(4).fold(255u8, |a, p| a & p[3]) == 255;
    let (colour, pixels): (::png::ColorType, Vec<u8>) = if opaque {
        let mut rgb = vec![0; data.len() / 4 * 3];
        for (to, from) in rgb.chunks_exact_mut(3).zip(data.chunks_exact(4)) {
            to.copy_from_slice(&from[..3]);
        }
        (::png::ColorType::Rgb, rgb)
    } else {
        let mut rgba = Vec::with_capacity(data.len());
        for p in pixmap.pixels() {
            let c = p.demultiply();
            rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
        (::png::ColorType::Rgba, rgba)
    };
    let failed = |e: ::png::EncodingError| format!("could not encode PNG: {e}");
    let mut out = Vec::with_capacity(pixels.len() / 8);
    let mut encoder = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(colour);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_deflate_compression(DEFLATE);
    encoder.set_filter(FILTER);
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
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
