//! The fonts the app draws with, bundled so that the screen and every export look
//! the same on any machine: DejaVu Sans (regular weight, wide coverage of symbols
//! such as ✔ ✖ ▲ ● ★, readable when projected). Licence: assets/fonts/DejaVu-LICENSE.txt.

pub const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name inside the font files.
pub const FAMILY: &str = "DejaVu Sans";
