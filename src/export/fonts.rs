//! The fonts the app draws with, bundled so that the screen and every export look
//! the same on any machine: DejaVu Sans (regular weight, wide coverage of symbols
//! such as ✔ ✖ ▲ ● ★, readable when projected). Licence: assets/fonts/DejaVu-LICENSE.txt.

pub const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Fallbacks for scripts DejaVu Sans lacks, so that names in any script show: Droid Sans
/// Fallback (Chinese, Japanese, Korean; Apache 2.0, assets/fonts/DroidSansFallback-LICENSE.txt)
/// and Lohit Bengali and Devanagari (OFL 1.1, assets/fonts/Lohit-LICENSE.txt).
pub const FALLBACKS: [(&str, &[u8]); 3] = [
    (
        "droid-sans-fallback",
        include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
    ),
    (
        "lohit-bengali",
        include_bytes!("../../assets/fonts/Lohit-Bengali.ttf"),
    ),
    (
        "lohit-devanagari",
        include_bytes!("../../assets/fonts/Lohit-Devanagari.ttf"),
    ),
];

/// The family name inside the font files.
pub const FAMILY: &str = "DejaVu Sans";
