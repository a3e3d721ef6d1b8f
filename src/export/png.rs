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

/// What a PNG is compressed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// The least time (zlib level 1): pictures whose drawing already takes most of their
    /// budget (the wheel), and every picture of a batch.
    Fastest,
    /// A smaller file (level 4, about 40% smaller) when the picture is drawn alone (a large
    /// one compressed on every core); in a batch, as [`Compression::Fastest`].
    Smaller,
}

/// Render `svg` scaled to fill `width`×`height` pixels and encode it as PNG.
pub fn rasterise(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    rasterise_with(svg, width, height, Compression::Fastest)
}

/// [`rasterise`], compressed for `compression`.
pub fn rasterise_with(
    svg: &str,
    width: u32,
    height: u32,
    compression: Compression,
) -> Result<Vec<u8>, String> {
    let (width, height) = (width.max(1), height.max(1));
    PIXMAP.with_borrow_mut(|kept| {
        let pixmap = match kept {
            Some(p) if p.width() == width && p.height() == height => p,
            _ => kept.insert(new_pixmap(width, height)?),
        };
        super::raster::draw(svg, pixmap)?;
        encode_with(pixmap, compression)
    })
}

/// Render `svg` scaled to fill `width`×`height` pixels (premultiplied RGBA, as the clipboard
/// and the screen take it).
pub fn render(svg: &str, width: u32, height: u32) -> Result<tiny_skia::Pixmap, String> {
    let mut pixmap = new_pixmap(width, height)?;
    super::raster::draw(svg, &mut pixmap)?;
    Ok(pixmap)
}

/// How PNGs are compressed: zlib with no row filter (the app's pictures are mostly flat
/// colour, which a filter only hides from the compressor); a picture drawn alone is
/// compressed in bands on every core. Measured on the 2-core build machine at 1920×1080,
/// one core (docs/performance.md): at level 1 (miniz_oxide's fast path, see
/// [`super::deflate_parts::part`]) the sample's TA chart is 209 KB in 6–7 ms, its wheel
/// 338 KB in 7–12 ms; at level 4 (zlib-rs) 129 KB in 10–11 ms and 289 KB in 17 ms. So a chart
/// exported alone takes level 4 in bands ([`Compression::Smaller`]); the wheel, whose
/// drawing is most of its 50 ms budget, and batches take level 1. fdeflate and the row
/// filters give larger files for the time (`cargo bench --bench png_encoding`).
const FASTEST: u32 = 1;
const SMALLER: u32 = 4;

thread_local! {
    /// Whether this thread may encode one picture on several cores (not when it is one of
    /// a batch's workers, which already keep every core busy).
    static SPREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Encode pictures on this thread with this thread alone until the guard is dropped.
pub fn one_core_per_picture() -> impl Drop {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            SPREAD.set(self.0);
        }
    }
    Restore(SPREAD.replace(false))
}

/// Rows `rows` of `data` (premultiplied RGBA, `width` pixels a row) as PNG scanlines with
/// no filter, in RGB; `None` as soon as a pixel is not opaque.
fn rgb_scanlines(data: &[u8], width: usize, rows: std::ops::Range<usize>) -> Option<Vec<u8>> {
    let stride = 1 + width * 3;
    // One byte more than the scanlines: each pixel is stored as four bytes, the fourth
    // overwritten by the next pixel (or by the next row's filter byte, set last).
    let mut out = vec![0; rows.len() * stride + 1];
    let source = &data[rows.start * width * 4..rows.end * width * 4];
    let mut alpha = 255u8;
    for (r, row) in source.chunks_exact(width * 4).enumerate() {
        let line = &mut out[r * stride + 1..(r + 1) * stride + 1];
        for (i, px) in row.chunks_exact(4).enumerate() {
            alpha &= px[3];
            line[i * 3..i * 3 + 4].copy_from_slice(px);
        }
        if alpha != 255 {
            return None;
        }
    }
    for r in 0..rows.len() {
        out[r * stride] = 0;
    }
    out.pop();
    Some(out)
}

/// Rows `rows` of `data` as PNG scanlines with no filter, in straight (not premultiplied)
/// RGBA.
fn rgba_scanlines(data: &[u8], width: usize, rows: std::ops::Range<usize>) -> Vec<u8> {
    let stride = 1 + width * 4;
    let mut out = vec![0; rows.len() * stride];
    let source = data[rows.start * width * 4..rows.end * width * 4].chunks_exact(width * 4);
    for (line, row) in out.chunks_exact_mut(stride).zip(source) {
        for (to, from) in line[1..].chunks_exact_mut(4).zip(row.chunks_exact(4)) {
            let c = tiny_skia::PremultipliedColorU8::from_rgba(from[0], from[1], from[2], from[3])
                .map_or(tiny_skia::ColorU8::from_rgba(0, 0, 0, 0), |p| {
                    p.demultiply()
                });
            to.copy_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
        }
    }
    out
}

/// Encode a pixmap as PNG: 8-bit RGB when every pixel is opaque, RGBA otherwise. A large
/// picture is compressed in bands on every core (see [`super::deflate_parts`]), except on
/// a thread that draws one picture of many.
pub fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    encode_with(pixmap, Compression::Fastest)
}

/// [`encode`], compressed for `compression`.
pub fn encode_with(
    pixmap: &tiny_skia::Pixmap,
    compression: Compression,
) -> Result<Vec<u8>, String> {
    let data = pixmap.data();
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let bands = if SPREAD.get() && width * height >= 500_000 {
        cores.min(4)
    } else {
        1
    };
    let level = match compression {
        Compression::Smaller if SPREAD.get() => SMALLER,
        _ => FASTEST,
    };
    // RGB while every pixel is opaque (all of the app's pictures paint their own paper).
    let mut opaque = true;
    let parts = loop {
        let band = |i: usize| -> Result<Option<super::deflate_parts::Part>, String> {
            let rows = height * i / bands..height * (i + 1) / bands;
            let raw = if opaque {
                match rgb_scanlines(data, width, rows) {
                    Some(raw) => raw,
                    None => return Ok(None),
                }
            } else {
                rgba_scanlines(data, width, rows)
            };
            super::deflate_parts::part(&raw, level, i + 1 == bands).map(Some)
        };
        let parts: Vec<_> = if bands == 1 {
            vec![band(0)?]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (1..bands).map(|i| s.spawn(move || band(i))).collect();
                let mut parts = vec![band(0)];
                parts.extend(handles.into_iter().map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err("a PNG band could not be compressed".into()))
                }));
                parts.into_iter().collect::<Result<Vec<_>, String>>()
            })?
        };
        match parts.into_iter().collect::<Option<Vec<_>>>() {
            Some(parts) => break parts,
            None if opaque => opaque = false,
            None => return Err("could not encode PNG: no scanlines".into()),
        }
    };
    let zlib = super::deflate_parts::join(&parts);

    let failed = |e: ::png::EncodingError| format!("could not encode PNG: {e}");
    let mut out = Vec::with_capacity(zlib.len() + 1024);
    let mut encoder = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(if opaque {
        ::png::ColorType::Rgb
    } else {
        ::png::ColorType::Rgba
    });
    encoder.set_depth(::png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(failed)?;
    for chunk in zlib.chunks(1 << 20) {
        writer
            .write_chunk(::png::chunk::IDAT, chunk)
            .map_err(failed)?;
    }
    writer.finish().map_err(failed)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg::{Svg, TextStyle};
    use crate::model::Colour;

    /// Decode a PNG with the `png` crate: its colour type and straight pixels.
    fn decode(png: &[u8]) -> (::png::ColorType, Vec<u8>) {
        let mut reader = ::png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        buf.truncate(info.buffer_size());
        (info.color_type, buf)
    }

    /// A 1200×500 picture (large enough to be compressed in bands) of stripes and noise.
    fn picture(alpha: u8) -> tiny_skia::Pixmap {
        let mut p = tiny_skia::Pixmap::new(1200, 500).unwrap();
        for (i, px) in p.pixels_mut().iter_mut().enumerate() {
            let v = ((i * 7919) % 251) as u8;
            let (r, g, b) = ((i / 1200 % 3 * 100) as u8, v, (i % 1200 / 10) as u8);
            *px = tiny_skia::ColorU8::from_rgba(r, g, b, 255).premultiply();
        }
        p.pixels_mut()[600_000 - 1] =
            tiny_skia::ColorU8::from_rgba(10, 20, 30, alpha).premultiply();
        p
    }

    #[test]
    fn pngs_in_bands_decode_to_the_same_pixels() {
        // Opaque: RGB, every pixel as drawn.
        let p = picture(255);
        let (colour, data) = decode(&encode(&p).unwrap());
        assert_eq!(colour, ::png::ColorType::Rgb);
        let rgb: Vec<u8> = p
            .data()
            .chunks_exact(4)
            .flat_map(|c| [c[0], c[1], c[2]])
            .collect();
        assert!(data == rgb, "opaque pixels differ after a round trip");
        // One pixel not opaque (the last, in the last band): RGBA, straight alpha.
        let p = picture(128);
        let (colour, data) = decode(&encode(&p).unwrap());
        assert_eq!(colour, ::png::ColorType::Rgba);
        assert_eq!(&data[data.len() - 4..], &[10, 20, 30, 128]);
        assert_eq!(&data[..4], &p.data()[..4]);
        // The same bytes on one core as in bands.
        let _one = one_core_per_picture();
        let (_, alone) = decode(&encode(&p).unwrap());
        assert!(alone == data);
    }

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
