//! The release build of the demo page that the end-to-end tests load.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// The folder with the built page: `$JTEL_DIST` when set (scripts/test.sh builds it once),
/// otherwise a `trunk build --release` into `target/e2e-dist`, made once per test binary.
pub fn dist_dir() -> PathBuf {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        if let Some(dist) = std::env::var_os("JTEL_DIST") {
            return PathBuf::from(dist);
        }
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dist = root.join("target/e2e-dist");
        let status = Command::new("trunk")
            .args(["build", "--release", "--dist"])
            .arg(&dist)
            .current_dir(&root)
            .status()
            .expect("trunk is not on PATH: run scripts/install-tools.sh (scripts/test.sh does)");
        assert!(status.success(), "trunk build --release failed");
        dist
    })
    .clone()
}

/// The URL path of `file` (a bundle's JS glue or wasm) in the release build's versioned folder,
/// `/v/{version}/{file}`, where the entry loaders and the pages' preload hints fetch it from
/// (scripts/versioned-urls.sh).
pub fn versioned_path(file: &str) -> String {
    let versions: Vec<_> = std::fs::read_dir(dist_dir().join("v"))
        .expect("the release build has a v/ folder")
        .map(|entry| entry.expect("a version").file_name())
        .collect();
    assert_eq!(versions.len(), 1, "one version in the build: {versions:?}");
    format!("/v/{}/{file}", versions[0].to_string_lossy())
}

/// The file name of a URL path: what follows its last `/`.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
