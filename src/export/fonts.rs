//! The fonts the app draws with, bundled so that the screen and every export look
//! the same on any machine: DejaVu Sans (regular and bold; wide coverage of Latin,
//! Greek, Cyrillic and symbols such as ✔ ✖ ▲ ● ★, readable when projected).
//! Licence: assets/fonts/DejaVu-LICENSE.txt. The copies here leave out DejaVu's
//! Arabic letters so that all Arabic-script text comes from Noto Naskh Arabic.

pub const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Fallbacks for scripts DejaVu Sans lacks, in the order they are tried, so that names in
/// the languages most spoken in England and Wales show:
/// - Noto Naskh Arabic (Arabic script, with the Urdu letters ہ and ے), Noto Sans Gurmukhi
///   (Punjabi), Noto Sans Gujarati: OFL 1.1, assets/fonts/Noto-LICENSE.txt;
/// - Lohit Bengali and Lohit Devanagari: OFL 1.1, assets/fonts/Lohit-LICENSE.txt;
/// - Droid Sans Fallback (Chinese, Japanese, Korean): Apache 2.0,
///   assets/fonts/DroidSansFallback-LICENSE.txt.
pub const FALLBACKS: [(&str, &[u8]); 6] = [
    (
        "noto-naskh-arabic",
        include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "noto-sans-gurmukhi",
        include_bytes!("../../assets/fonts/NotoSansGurmukhi-Regular.ttf"),
    ),
    (
        "noto-sans-gujarati",
        include_bytes!("../../assets/fonts/NotoSansGujarati-Regular.ttf"),
    ),
    (
        "lohit-bengali",
        include_bytes!("../../assets/fonts/Lohit-Bengali.ttf"),
    ),
    (
        "lohit-devanagari",
        include_bytes!("../../assets/fonts/Lohit-Devanagari.ttf"),
    ),
    (
        "droid-sans-fallback",
        include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
    ),
];

/// The family name inside the font files.
pub const FAMILY: &str = "DejaVu Sans";

/// The bundled fonts as the renderer's font database, built once per process: the
/// fallbacks are tried in the order loaded, as [`FALLBACKS`] lists them.
pub fn database() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    use std::sync::{Arc, OnceLock};
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(SANS)));
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(SANS_BOLD)));
        for (_, data) in FALLBACKS {
            db.load_font_source(resvg::usvg::fontdb::Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Options for reading an export's SVG with the bundled fonts.
pub fn svg_options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        fontdb: database(),
        font_family: FAMILY.into(),
        ..Default::default()
    }
}
