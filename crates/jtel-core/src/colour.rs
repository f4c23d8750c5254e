//! The background colours of cockpit variables (`MinBGColor`, `MaxBGColor`).
//!
//! The server's strings are only trusted once they read as `#rgb` or `#rrggbb`; anything else
//! (names, `rgb(…)`, `url(…)`, injected CSS) is ignored, so a colour can safely go into a
//! `style` attribute as [`HexColour::css`] writes it.

use crate::model::CockpitVariable;

/// A colour read from a CSS hex string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HexColour {
    /// Red, 0–255.
    pub red: u8,
    /// Green, 0–255.
    pub green: u8,
    /// Blue, 0–255.
    pub blue: u8,
}

impl HexColour {
    /// Reads `#rgb` or `#rrggbb` (surrounding spaces allowed, either case); `None` otherwise.
    pub fn parse(text: &str) -> Option<Self> {
        let digits = text.trim().strip_prefix('#')?;
        if !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |index: usize, width: usize| {
            let part = &digits[index * width..(index + 1) * width];
            let value = u8::from_str_radix(part, 16).ok()?;
            Some(if width == 1 { value * 17 } else { value })
        };
        let width = match digits.len() {
            3 => 1,
            6 => 2,
            _ => return None,
        };
        Some(Self {
            red: channel(0, width)?,
            green: channel(1, width)?,
            blue: channel(2, width)?,
        })
    }

    /// The colour as `#rrggbb` (lower case), safe to put into a `style` attribute.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }

    /// The colour `share` of the way from `self` to `other` (`share` clamped to 0–1).
    pub fn mix(self, other: Self, share: f64) -> Self {
        let share = share.clamp(0.0, 1.0);
        let channel = |from: u8, to: u8| {
            (f64::from(from) + (f64::from(to) - f64::from(from)) * share).round() as u8
        };
        Self {
            red: channel(self.red, other.red),
            green: channel(self.green, other.green),
            blue: channel(self.blue, other.blue),
        }
    }
}

/// The colour a cockpit shows for the variable's current value: `MinBGColor` at the minimum,
/// `MaxBGColor` at the maximum, mixed in between. With only one readable colour, that one;
/// with neither, `None`.
pub fn value_colour(variable: &CockpitVariable) -> Option<HexColour> {
    let min_colour = variable.min_bg_color.as_deref().and_then(HexColour::parse);
    let max_colour = variable.max_bg_color.as_deref().and_then(HexColour::parse);
    match (min_colour, max_colour) {
        (Some(low), Some(high)) => {
            let share = match (variable.bounds(), variable.value) {
                ((Some(min), Some(max)), Some(value)) if max > min => {
                    (value - min) as f64 / (max - min) as f64
                }
                _ => 0.0,
            };
            Some(low.mix(high, share))
        }
        (low, high) => low.or(high),
    }
}
