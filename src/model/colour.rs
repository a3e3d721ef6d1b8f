//! Colours as `"#RRGGBB"` strings in the file.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Colour { r, g, b }
    }

    /// Relative luminance (WCAG 2.2 definition).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn text_on(self) -> Colour {
        let black = Colour::rgb(0x11, 0x11, 0x11);
        let white = Colour::rgb(0xff, 0xff, 0xff);
        if self.contrast(black) >= self.contrast(white) {
            black
        } else {
            white
        }
    }

    /// Mix towards white by `t` (0 = unchanged, 1 = white).
    pub fn lighten(self, t: f64) -> Colour {
        let m = |c: u8| (c as f64 + (255.0 - c as f64) * t.clamp(0.0, 1.0)).round() as u8;
        Colour::rgb(m(self.r), m(self.g), m(self.b))
    }

    pub fn hex(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl std::str::FromStr for Colour {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("{s:?} is not a colour (expected #RRGGBB, e.g. \"#1b6ca8\")");
        let h = s.strip_prefix('#').ok_or_else(err)?;
        if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(err());
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).map_err(|_| err());
        Ok(Colour::rgb(c(0)?, c(2)?, c(4)?))
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_hex() {
        let c: Colour = "#1B6ca8".parse().unwrap();
        assert_eq!(c, Colour::rgb(0x1b, 0x6c, 0xa8));
        assert_eq!(c.to_string(), "#1b6ca8");
        assert!("1b6ca8".parse::<Colour>().is_err());
        assert!("#1b6cz8".parse::<Colour>().is_err());
    }

    #[test]
    fn contrast_matches_wcag_extremes() {
        let black = Colour::rgb(0, 0, 0);
        let white = Colour::rgb(255, 255, 255);
        assert!((black.contrast(white) - 21.0).abs() < 0.01);
        assert!((white.contrast(white) - 1.0).abs() < 0.01);
        assert_eq!(Colour::rgb(0, 0x44, 0x88).text_on(), white);
    }
}
