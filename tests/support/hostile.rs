//! Hostile strings: XSS payloads that must render as inert text wherever the widgets show
//! text from the server or from the host page. Each one, if it ever ran, would bump
//! `window.__xss` (or inject an element the tests look for).

/// The payloads, one per common injection trick.
pub const PAYLOADS: [&str; 10] = [
    r#"<img src=x onerror="window.__xss=(window.__xss||0)+1">"#,
    r#"<script>window.__xss=(window.__xss||0)+1</script>"#,
    r#""><svg onload="window.__xss=(window.__xss||0)+1">"#,
    r#"'><iframe srcdoc="<script>parent.__xss=(parent.__xss||0)+1</script>"></iframe>"#,
    r#"</textarea><img src=x onerror="window.__xss=(window.__xss||0)+1">"#,
    r#"<a href="javascript:window.__xss=(window.__xss||0)+1" id="xss-link">click</a>"#,
    r#"<style>*{display:none!important}</style>"#,
    r#"javascript:window.__xss=(window.__xss||0)+1"#,
    r#"{{constructor.constructor('window.__xss=1')()}}"#,
    "\u{202e}<b onmouseover=window.__xss=1>rtl</b>",
];

/// Elements a rendered payload would have injected.
pub const INJECTED: &str = "img, script, svg, iframe, style, a#xss-link, b";
