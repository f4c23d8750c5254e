//! Writes the widget stylesheet minified into `OUT_DIR` for the bundle (`src/embed/shadow.rs`
//! includes it): comments and spacing out, about 330 B less on the wire in every bundle.
//! `static/jtel-widgets.css` stays the readable source (and what Yew apps include).

use std::path::Path;

fn main() {
    let source = "static/jtel-widgets.css";
    println!("cargo:rerun-if-changed={source}");
    let css = std::fs::read_to_string(source).expect("static/jtel-widgets.css is readable");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("jtel-widgets.min.css"), minify(&css))
        .expect("OUT_DIR is writable");
}

/// `css` without comments and without the spaces that carry no meaning: runs of white space
/// become one space, none is kept next to `{`, `}`, `;`, `,` or after `:` (a space before
/// `:` can be a descendant combinator and stays), and no `;` before `}`. Strings and `url()`
/// hold no such characters in this stylesheet.
fn minify(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .map_or(rest.len(), |end| start + end + 2);
        rest = &rest[end..];
    }
    text.push_str(rest);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let joins = |c: char| matches!(c, '{' | '}' | ';' | ',');
        let after_previous = out.ends_with(|c: char| joins(c) || c == ':');
        if !out.is_empty() && !after_previous && !word.starts_with(joins) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}
