//! Reference images of the widgets: a screenshot of one element, compared with the committed
//! PNG in `tests/visual/` within a small tolerance, so an unintended visual change fails.
//!
//! `JTEL_UPDATE_VISUAL=1` writes the screenshots as the new references instead
//! (docs/visual-check.md). On a mismatch the screenshot and a difference image (differing
//! pixels red over a faded reference) are written to `target/visual/` to look at.

use super::widget::in_widget;
use fantoccini::Client;
use image::{Rgba, RgbaImage};
use std::path::PathBuf;

/// A channel of a pixel may differ by this much (of 255) before the pixel counts as changed:
/// more than the blending of a glyph's anti-aliased edge varies between font renderers, less
/// than any colour the widgets use differs from its neighbour.
pub const CHANNEL_TOLERANCE: u8 = 24;

/// This many changed pixels are still a match: a few glyph edges rendered differently. A
/// character changed, a border moved or a colour changed alters far more pixels.
pub const CHANGED_PIXELS_ALLOWED: usize = 24;

/// Where the references live.
fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/visual")
}

/// Where a mismatch's screenshot and difference image go.
fn output_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/visual")
}

/// Whether this run writes the references instead of comparing.
pub fn updating() -> bool {
    std::env::var_os("JTEL_UPDATE_VISUAL").is_some_and(|value| value == "1")
}

/// What the screenshots leave out, added to the widget's shadow root before each one: the text
/// caret (it blinks) and transitions and animations (a screenshot would catch them midway).
/// The host page cannot do it: the widget's stylesheet resets inherited properties on `:host`.
const STILL: &str = "*, *::before, *::after { caret-color: transparent !important; \
    transition: none !important; animation: none !important; }";

/// A PNG of the first element `css` matches in the shadow root of `host`, cropped to the
/// element (chromedriver's element screenshot), taken once the page's fonts are loaded, with
/// no caret and no animation ([`STILL`]).
pub async fn element_png(client: &Client, host: &str, css: &str) -> Vec<u8> {
    let settle = format!(
        r#"const done = arguments[0];
        (async () => {{
          const root = document.querySelector({host:?}).shadowRoot;
          if (!root.jtelStill) {{
            root.jtelStill = new CSSStyleSheet();
            root.jtelStill.replaceSync({STILL:?});
            root.adoptedStyleSheets = [...root.adoptedStyleSheets, root.jtelStill];
          }}
          await document.fonts.ready;
          await Promise.all(root.getAnimations().map(a => a.finished.catch(() => {{}})));
        }})().then(done);"#
    );
    client
        .execute_async(&settle, vec![])
        .await
        .expect("the page settles");
    in_widget(client, host, css)
        .await
        .screenshot()
        .await
        .unwrap_or_else(|e| panic!("screenshot of {host} {css}: {e}"))
}

/// How a screenshot compares with its reference.
#[derive(Debug)]
pub enum Verdict {
    /// Within the tolerance; how many pixels changed.
    Matches(usize),
    /// Written as the new reference (`JTEL_UPDATE_VISUAL=1`).
    Written,
    /// Different: why, and where the screenshot and the difference image are.
    Differs(String),
}

/// Compares `png` with the reference `name`.png (or writes it when updating).
pub fn check(name: &str, png: &[u8]) -> Verdict {
    if updating() {
        let reference = reference_dir().join(format!("{name}.png"));
        std::fs::create_dir_all(reference_dir()).expect("tests/visual can be created");
        std::fs::write(&reference, png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", reference.display()));
        return Verdict::Written;
    }
    let reference = reference_dir().join(format!("{name}.png"));
    let actual = decode(png);
    let Ok(expected) = image::open(&reference) else {
        let path = keep(name, "actual", &actual);
        return Verdict::Differs(format!(
            "no reference {} (screenshot: {}); run with JTEL_UPDATE_VISUAL=1 to write it",
            reference.display(),
            path.display()
        ));
    };
    let expected = expected.to_rgba8();
    if expected.dimensions() != actual.dimensions() {
        let path = keep(name, "actual", &actual);
        return Verdict::Differs(format!(
            "{name}: {}×{} px, the reference is {}×{} px (screenshot: {})",
            actual.width(),
            actual.height(),
            expected.width(),
            expected.height(),
            path.display()
        ));
    }
    let (changed, difference) = difference(&expected, &actual);
    if changed <= CHANGED_PIXELS_ALLOWED {
        return Verdict::Matches(changed);
    }
    let shot = keep(name, "actual", &actual);
    let diff = keep(name, "diff", &difference);
    Verdict::Differs(format!(
        "{name}: {changed} pixels differ (allowed {CHANGED_PIXELS_ALLOWED}); screenshot {}, differences {}",
        shot.display(),
        diff.display()
    ))
}

/// How many pixels of `png` differ from the reference `reference`.png (of the same size), also
/// when updating: for the test that the comparison catches a small change.
pub fn changed_pixels(reference: &str, png: &[u8]) -> usize {
    let path = reference_dir().join(format!("{reference}.png"));
    let expected = image::open(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .to_rgba8();
    let actual = decode(png);
    assert_eq!(expected.dimensions(), actual.dimensions(), "{reference}");
    difference(&expected, &actual).0
}

/// A screenshot's pixels.
fn decode(png: &[u8]) -> RgbaImage {
    image::load_from_memory(png)
        .expect("Chromium's screenshot is a PNG")
        .to_rgba8()
}

/// How many pixels differ by more than [`CHANNEL_TOLERANCE`] in a channel, and an image of
/// them: red where they differ, the reference faded elsewhere.
fn difference(expected: &RgbaImage, actual: &RgbaImage) -> (usize, RgbaImage) {
    let mut changed = 0;
    let mut image = RgbaImage::new(expected.width(), expected.height());
    for ((x, y, want), got) in expected.enumerate_pixels().zip(actual.pixels()) {
        let differs = want
            .0
            .iter()
            .zip(got.0.iter())
            .any(|(a, b)| a.abs_diff(*b) > CHANNEL_TOLERANCE);
        let shown = if differs {
            changed += 1;
            Rgba([255, 0, 0, 255])
        } else {
            let fade = |channel: u8| 191 + channel / 4;
            Rgba([fade(want[0]), fade(want[1]), fade(want[2]), 255])
        };
        image.put_pixel(x, y, shown);
    }
    (changed, image)
}

/// Writes `image` as `target/visual/{name}.{what}.png` and returns its path.
fn keep(name: &str, what: &str, image: &RgbaImage) -> PathBuf {
    let dir = output_dir();
    std::fs::create_dir_all(&dir).expect("target/visual can be created");
    let path = dir.join(format!("{name}.{what}.png"));
    image
        .save(&path)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}
