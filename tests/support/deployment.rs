//! Deploying the release build as an integrator does: a copy of it whose `frame.html` carries
//! the test's deployment (the `#jtel-deployment` element), optionally without the page's own
//! Content-Security-Policy `<meta>` element.

use super::dist::dist_dir;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The deployment the end-to-end tests of other features use for the iframe page: the gateway
/// path, and links may set what their links set (an integrator's opt-in; each routing setting
/// or text the link sets is then shown as set by the link).
pub const LINKS_SET_FORMS: &str = r#"{
  "base-url": "/jtel",
  "link-may-set": ["widget", "lang", "heading-level", "event-type", "group", "receiver",
    "variable", "timeout", "id", "sender", "subject", "body", "crm-url", "user-data",
    "subject-template", "subject-template-asap", "read-only"]
}"#;

/// Whether the deployed `frame.html` keeps its Content-Security-Policy `<meta>` element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaCsp {
    /// As released.
    Kept,
    /// Removed, as by a host that rewrites pages: only the page's own logic protects it.
    Removed,
}

/// A folder with the release build whose `frame.html` holds `deployment` (JSON), made once per
/// test binary for each deployment.
pub fn deploy(deployment: &str, meta: MetaCsp) -> PathBuf {
    static DEPLOYED: OnceLock<Mutex<HashMap<(String, MetaCsp), PathBuf>>> = OnceLock::new();
    let mut deployed = DEPLOYED.get_or_init(Default::default).lock().unwrap();
    let count = deployed.len();
    deployed
        .entry((deployment.to_owned(), meta))
        .or_insert_with(|| {
            let dir = std::env::temp_dir()
                .join(format!("jtel-deployment-{}-{count}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            copy_tree(&dist_dir(), &dir);
            let page = dir.join("frame.html");
            let html = std::fs::read_to_string(&page).expect("the build has frame.html");
            std::fs::write(&page, deployed_page(&html, deployment, meta))
                .expect("frame.html can be written");
            dir
        })
        .clone()
}

/// `html` (the released frame.html) with `deployment` as its deployment element's text.
/// Writes `name` into the deployed folder `dir`: a copy of its `frame.html` holding
/// `deployment` instead, for a test that needs two deployments on one origin.
pub fn add_page(dir: &Path, name: &str, deployment: &str) {
    let html = std::fs::read_to_string(dist_dir().join("frame.html")).expect("frame.html");
    std::fs::write(
        dir.join(name),
        deployed_page(&html, deployment, MetaCsp::Kept),
    )
    .expect("the page can be written");
}

fn deployed_page(html: &str, deployment: &str, meta: MetaCsp) -> String {
    let open = r#"<script type="application/json" id="jtel-deployment">"#;
    let start = html
        .find(open)
        .expect("frame.html has a #jtel-deployment element")
        + open.len();
    let end = start
        + html[start..]
            .find("</script>")
            .expect("the element is closed");
    let mut page = format!("{}{deployment}{}", &html[..start], &html[end..]);
    if meta == MetaCsp::Removed {
        let tag = page
            .find(r#"<meta http-equiv="Content-Security-Policy""#)
            .expect("frame.html carries its CSP");
        let tag_end = tag + page[tag..].find('>').expect("the meta element ends") + 1;
        page.replace_range(tag..tag_end, "");
    }
    page
}

/// Copies the folder `from` with everything below it to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("deployment folder");
    for entry in std::fs::read_dir(from).expect("the build folder is readable") {
        let entry = entry.expect("a build file");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a build file is copied");
        }
    }
}
